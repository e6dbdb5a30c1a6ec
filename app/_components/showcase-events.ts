/** Sent on the window by the picker after a save, so the Share panel's preview shows the saved showcase. */
export const SHOWCASE_SAVED_EVENT = 'showreel:showcase-saved';
