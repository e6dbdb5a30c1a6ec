import { PLAYER_ALLOW, playerUrl } from '@/lib/tiktok/player';

/** TikTok's embedded player for one video, as every player surface of the app frames it. */
export function TikTokPlayerFrame({ videoId, label, className }: { videoId: string; label: string; className?: string }) {
  return (
    <iframe
      className={className}
      title={`TikTok player: ${label}`}
      src={playerUrl(videoId, { autoplay: true })}
      allow={PLAYER_ALLOW}
      allowFullScreen
      referrerPolicy="strict-origin-when-cross-origin"
    />
  );
}
