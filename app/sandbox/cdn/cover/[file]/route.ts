import { findVideo } from '@/lib/sandbox';
import { signedCdnImage } from '@/lib/sandbox/http';
import { coverSvg } from '@/lib/sandbox/images';

export const GET = signedCdnImage('cover', (id) => {
  const video = findVideo(id);
  return video ? coverSvg(id, video.title) : null;
});
