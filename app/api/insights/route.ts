import { methods, route } from '@/lib/api/route';
import { daysCsv, insightsOf } from '@/lib/insights/query';
import { rangeSchema } from '@/lib/insights/schema';
import { ownedShowcaseIds } from '@/lib/insights/showcases';

/** GET /api/insights?days=7|30|90[&format=csv]: the overview, every showcase of the creator added up. */
const get = route({ user: true, query: rangeSchema }, async ({ userId, query }) => {
  const insights = await insightsOf(await ownedShowcaseIds(userId), query.days);
  if (query.format === 'csv') {
    return new Response(daysCsv(insights.days), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="insights-all-${query.days}-days.csv"`,
        'Cache-Control': 'private, no-store',
      },
    });
  }
  return Response.json(insights, { headers: { 'Cache-Control': 'private, no-store' } });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ GET: get });
