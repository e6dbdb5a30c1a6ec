import { InsightsBeacon } from '@/app/_components/insights-beacon';
import { PictureCopy } from '@/app/_components/picture-copy';
import { paths } from '@/lib/platform/http/paths';
import type { PublicShowcase } from '@/lib/showcase/public';
import { ShowcaseGrid } from './showcase-grid';
import { ShowcaseJsonLd } from './showcase-json-ld';

/** A showcase's public page: the creator, the showcase (when not the default), its videos, the others. */
export function PublicShowcaseView({ showcase }: { showcase: PublicShowcase }) {
  const { user, items, others } = showcase;
  return (
    <main className="container">
      <ShowcaseJsonLd showcase={showcase} />
      <header className="showcase-head">
        <PictureCopy
          copy={user.avatar}
          placeholder={paths.avatarPlaceholder}
          className="avatar avatar-large"
          alt={`${user.displayName}'s avatar`}
          width={96}
          height={96}
          sizes="96px"
          eager
        />
        <h1>{user.displayName}</h1>
        {user.username && (
          <p className="muted" style={{ margin: 0 }}>
            @{user.username} on TikTok
          </p>
        )}
      </header>
      {(!showcase.showcase.isDefault || showcase.showcase.description) && (
        <section className="showcase-intro" aria-label="About this showcase">
          {!showcase.showcase.isDefault && <h2>{showcase.showcase.title}</h2>}
          {showcase.showcase.description && <p>{showcase.showcase.description}</p>}
        </section>
      )}
      {items.length === 0 ? (
        <p className="muted" style={{ textAlign: 'center' }}>
          No videos here yet. Check back soon.
        </p>
      ) : (
        <ShowcaseGrid items={items} />
      )}
      {others.length > 0 && (
        <nav className="other-showcases" aria-labelledby="other-showcases">
          <h2 id="other-showcases">More from {user.displayName}</h2>
          <ul>
            {others.map((o) => (
              <li key={o.path}>
                <a href={o.path}>{o.title}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <InsightsBeacon showcaseId={showcase.showcase.id} />
    </main>
  );
}
