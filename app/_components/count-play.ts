// Tells the counting script (/count.js, lib/insights/count.js) that a video's player was opened.
// A queue, so a play counted before the script has run is sent once it does; a page without the
// script (the dashboard's preview) only fills an array nobody reads.

type Queue = { push: (entry: ['play', string]) => unknown };

export function countPlay(videoId: string): void {
  const w = window as unknown as { showreel?: Queue };
  const queue: Queue = w.showreel ?? ([] as Array<['play', string]>);
  w.showreel = queue;
  queue.push(['play', videoId]);
}
