import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCreator } from '@/lib/account/current';
import { insightsOf } from '@/lib/insights/query';
import { ownedShowcases } from '@/lib/insights/showcases';
import { env } from '@/lib/platform/config/env';
import { paths } from '@/lib/platform/http/paths';
import { InsightsChart } from './_components/insights-chart';
import './insights.css';

export const metadata: Metadata = { title: 'Insights', robots: { index: false } };

type Props = { searchParams: Promise<{ showcase?: string; days?: string }> };

const RANGES = [7, 30, 90] as const;
const percent = (n: number, of: number) => (of ? `${Math.round((n / of) * 1000) / 10} %` : '–');

/** Insights: one showcase (`?showcase={id}`) or all of them added up, for the last 7, 30 or 90 UTC days. */
export default async function InsightsPage({ searchParams }: Props) {
  const creator = await requireCreator();
  const query = await searchParams;
  const showcases = await ownedShowcases(creator.id);
  const days = RANGES.find((d) => String(d) === query.days) ?? 30;
  const selected = showcases.find((s) => s.id === query.showcase) ?? null;
  const data = await insightsOf(selected ? [selected.id] : showcases.map((s) => s.id), days);
  const link = (showcase: string | null, range: number) =>
    `/dashboard/insights?${new URLSearchParams({ ...(showcase ? { showcase } : {}), days: String(range) })}`;
  const csv = selected ? `/api/showcases/${encodeURIComponent(selected.id)}/insights?days=${days}&format=csv` : `/api/insights?days=${days}&format=csv`;
  const publicUrl = `${env().appUrl}${paths.publicPage((selected ?? showcases[0])?.handle ?? creator.handle)}`;
  const { totals } = data;
  return (
    <main className="container">
      <p>
        <Link href="/dashboard">← Dashboard</Link>
      </p>
      <h1>Insights</h1>
      <p className="muted">
        Counted without cookies: a visitor is counted once a day per showcase, and nothing that could identify them is kept. Days are UTC.
      </p>
      <nav className="insights-nav" aria-label="Showcases">
        <Link className="button button-ghost" href={link(null, days)} aria-current={selected ? undefined : 'page'}>
          All showcases
        </Link>
        {showcases.map((s) => (
          <Link key={s.id} className="button button-ghost" href={link(s.id, days)} aria-current={selected?.id === s.id ? 'page' : undefined}>
            {s.name} (/u/{s.handle})
          </Link>
        ))}
      </nav>
      <nav className="insights-nav" aria-label="Period">
        {RANGES.map((r) => (
          <Link key={r} className="button button-ghost" href={link(selected?.id ?? null, r)} aria-current={r === days ? 'page' : undefined}>
            Last {r} days
          </Link>
        ))}
      </nav>

      <ul className="insights-totals" aria-label="Totals">
        <Total label="Views" value={totals.views} />
        <Total label="Visitors" value={totals.visitors} />
        <Total label="Plays" value={totals.plays} note={`${percent(totals.plays, totals.views)} of views`} />
        <Total label="Link clicks" value={totals.linkClicks} note={`${percent(totals.linkClicks, totals.views)} of views`} />
      </ul>

      {totals.views === 0 && totals.plays === 0 ? (
        <div className="notice" role="status">
          <p>
            No visits yet: share your link <a href={publicUrl}>{publicUrl}</a>
          </p>
        </div>
      ) : (
        <InsightsChart days={data.days} />
      )}

      <div className="insights-tables">
        <section aria-labelledby="top-videos">
          <h2 id="top-videos">Top videos</h2>
          {data.videos.length === 0 ? (
            <p className="muted">No plays yet: visitors open a video&apos;s player to play it.</p>
          ) : (
            <table className="insights-table insights-videos">
              <thead>
                <tr>
                  <th>Video</th>
                  <th className="n">Plays</th>
                  <th className="n" title="Plays per view">
                    Play rate
                  </th>
                  <th className="n">Link clicks</th>
                  <th className="n" title="Link clicks per view">
                    Click rate
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.videos.map((v) => (
                  <tr key={v.videoId}>
                    <td>{v.title}</td>
                    <td className="n">{v.plays}</td>
                    <td className="n">{percent(v.plays, totals.views)}</td>
                    <td className="n">{v.linkClicks}</td>
                    <td className="n">{percent(v.linkClicks, totals.views)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section aria-labelledby="top-sources">
          <h2 id="top-sources">Top sources</h2>
          {data.sources.length === 0 ? (
            <p className="muted">No referring sites yet: views from a link on another site or an embed show here by its host.</p>
          ) : (
            <table className="insights-table">
              <thead>
                <tr>
                  <th>Site</th>
                  <th className="n">Views</th>
                </tr>
              </thead>
              <tbody>
                {data.sources.map((s) => (
                  <tr key={s.host}>
                    <td>{s.host}</td>
                    <td className="n">{s.views}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>

      <section aria-labelledby="daily">
        <div className="insights-actions">
          <h2 id="daily" style={{ margin: 0 }}>
            Day by day
          </h2>
          <a className="button button-ghost" href={csv} download>
            Download CSV
          </a>
        </div>
        <details>
          <summary>Show the daily numbers</summary>
          <table className="insights-table">
            <thead>
              <tr>
                <th>Date (UTC)</th>
                <th className="n">Views</th>
                <th className="n">Visitors</th>
                <th className="n">Plays</th>
                <th className="n">Link clicks</th>
              </tr>
            </thead>
            <tbody>
              {[...data.days].reverse().map((d) => (
                <tr key={d.date}>
                  <td>{d.date}</td>
                  <td className="n">{d.views}</td>
                  <td className="n">{d.visitors}</td>
                  <td className="n">{d.plays}</td>
                  <td className="n">{d.linkClicks}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>
    </main>
  );
}

function Total({ label, value, note }: { label: string; value: number; note?: string }) {
  return (
    <li>
      <span className="muted">{label}</span>
      <span className="value" data-total={label}>
        {value.toLocaleString('en')}
      </span>
      {note && <span className="muted">{note}</span>}
    </li>
  );
}
