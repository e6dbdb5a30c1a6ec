import 'server-only';
import { ImageResponse } from 'next/og';
import { copyAsJpegDataUrl } from '../images/serve';
import type { PublicShowcase } from './public';
import { SHARE_IMAGE } from './share-metadata';

const COVERS = 3;

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => [...w][0]?.toUpperCase() ?? '');
  return letters.join('') || '?';
}

/** The first covers' copies, as JPEG data URLs (the renderer takes JPEG and PNG), or null when there is none. */
async function coverImages(showcase: PublicShowcase): Promise<Array<{ id: string; src: string | null }>> {
  return Promise.all(
    showcase.items.slice(0, COVERS).map(async (item) => ({ id: item.videoId, src: item.cover ? await copyAsJpegDataUrl(item.cover.hash, 240) : null })),
  );
}

/** The 1200×630 picture a link to a showcase shows in chats and posts. */
export async function shareImage(showcase: PublicShowcase): Promise<ImageResponse> {
  const covers = await coverImages(showcase);
  const { user, items } = showcase;
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        background: 'linear-gradient(135deg, #0f0f12 0%, #26121a 100%)',
        color: '#f4f4f6',
        padding: 64,
        gap: 48,
      }}
    >
      <div style={{ display: 'flex', flexDirection: 'column', justifyContent: 'center', flex: 1, gap: 20 }}>
        <div
          style={{
            width: 120,
            height: 120,
            borderRadius: 60,
            background: '#fe2c55',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            fontSize: 52,
            fontWeight: 700,
          }}
        >
          {initials(user.displayName)}
        </div>
        <div style={{ fontSize: 60, fontWeight: 700, lineHeight: 1.1 }}>{user.displayName}</div>
        {user.username && <div style={{ fontSize: 32, color: '#a6a6b0' }}>{`@${user.username}`}</div>}
        <div style={{ fontSize: 28, color: '#25f4ee' }}>{`${items.length} ${items.length === 1 ? 'video' : 'videos'} on Showreel`}</div>
      </div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 20 }}>
        {covers.map(({ id, src }) =>
          src ? (
            // biome-ignore lint/performance/noImgElement: next/og draws plain <img> elements; next/image does not exist in an image response
            <img key={id} src={src} width={180} height={320} alt="" style={{ borderRadius: 16, objectFit: 'cover' }} />
          ) : (
            <div key={id} style={{ width: 180, height: 320, borderRadius: 16, background: '#222229' }} />
          ),
        )}
      </div>
    </div>,
    { ...SHARE_IMAGE, headers: { 'Cache-Control': 'public, max-age=300, stale-while-revalidate=3600' } },
  );
}
