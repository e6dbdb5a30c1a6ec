import type { PublicVideo } from '@/lib/showcase/types';

/** TikTok marks the video AI-generated (is_aigc): said in words on every public surface. */
export function AiLabel({ item, className = 'ai-label' }: { item: Pick<PublicVideo, 'aiGenerated'>; className?: string }) {
  if (!item.aiGenerated) return null;
  return <span className={className}>AI-generated</span>;
}

/**
 * The creator's call to action under a video. Outside the Play button (a link inside a button is
 * not allowed), in a new tab, and marked as the creator's (ugc) so it passes no ranking.
 * `data-showreel-link` names the video for the insights beacon.
 */
export function CallToAction({ item, className = 'cta' }: { item: Pick<PublicVideo, 'link' | 'videoId'>; className?: string }) {
  if (!item.link) return null;
  return (
    <a className={className} href={item.link.url} target="_blank" rel="nofollow ugc noopener" data-showreel-link={item.videoId}>
      {item.link.label}
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}
