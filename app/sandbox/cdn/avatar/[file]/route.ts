import { displayNameOf } from '@/lib/tiktok/sandbox/engine';
import { signedCdnImage } from '@/lib/tiktok/sandbox/http';
import { avatarSvg } from '@/lib/tiktok/sandbox/images';

export const GET = signedCdnImage('avatar', (id) => {
  const name = displayNameOf(id);
  if (!name) return null;
  const initials = name
    .split(' ')
    .map((w) => w[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return avatarSvg(id, initials);
});
