/**
 * The SWR cache key the picker writes the time of its last successful save to; the Share panel reads
 * it (without a fetcher) and reloads its embed preview, so the two talk through SWR, not the window.
 */
export const SHOWCASE_SAVED_KEY = 'showreel:showcase-saved-at';
