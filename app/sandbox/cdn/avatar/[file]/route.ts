import { displayNameOf } from '@/lib/sandbox';
import { signedCdnImage } from '@/lib/sandbox/http';
import { avatarSvg } from '@/lib/sandbox/images';

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
