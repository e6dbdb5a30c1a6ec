'use client';

import { useEffect, useRef } from 'react';
import 'uplot/dist/uPlot.min.css';
import type { DayRow } from '@/lib/insights/query';

/**
 * Views and visitors per day, drawn by uPlot. The library is imported when this component mounts,
 * so it is a chunk of its own that only the Insights view loads (e2e/insights.spec.ts checks that no
 * other page's scripts contain it). The numbers are also in the table below the chart.
 */
export function InsightsChart({ days }: { days: DayRow[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let plot: { destroy(): void; setSize(s: { width: number; height: number }): void } | null = null;
    let gone = false;
    const observer = new ResizeObserver(() => plot?.setSize({ width: el.clientWidth, height: 280 }));
    void import('uplot').then(({ default: UPlot }) => {
      if (gone) return;
      const x = days.map((d) => Date.parse(`${d.date}T00:00:00Z`) / 1000);
      plot = new UPlot(
        {
          width: el.clientWidth,
          height: 280,
          tzDate: (ts) => UPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
          scales: { y: { range: (_u, _min, max) => [0, Math.max(5, max * 1.1)] } },
          axes: [
            { stroke: '#a6a6b0', grid: { stroke: '#2d2d36' } },
            { stroke: '#a6a6b0', grid: { stroke: '#2d2d36' } },
          ],
          series: [
            { label: 'Date (UTC)' },
            { label: 'Views', stroke: '#fe2c55', width: 2, fill: 'rgba(254,44,85,.12)' },
            { label: 'Visitors', stroke: '#25f4ee', width: 2 },
          ],
        },
        [x, days.map((d) => d.views), days.map((d) => d.visitors)],
        el,
      );
      el.dataset.ready = 'true';
      observer.observe(el);
    });
    return () => {
      gone = true;
      observer.disconnect();
      plot?.destroy();
    };
  }, [days]);
  return (
    <div
      ref={box}
      className="insights-chart"
      role="img"
      aria-label={`Views and visitors per day, ${days[0]?.date} to ${days[days.length - 1]?.date}; the numbers are in the daily table below.`}
    />
  );
}
