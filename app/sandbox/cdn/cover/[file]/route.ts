import { findVideo } from '@/lib/tiktok/sandbox/engine';
import { signedCdnImage } from '@/lib/tiktok/sandbox/http';
import { coverSvg } from '@/lib/tiktok/sandbox/images';

export const GET = signedCdnImage('cover', (id) => {
  const video = findVideo(id);
  return video ? coverSvg(id, video.title) : null;
});
