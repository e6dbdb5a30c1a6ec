import { z } from 'zod';
import { methods, route } from '@/lib/api/route';
import { daysCsv, insightsOf } from '@/lib/insights/query';
import { rangeSchema } from '@/lib/insights/schema';
import { isOwnedShowcase } from '@/lib/insights/showcases';
import { HttpError } from '@/lib/platform/http/errors';

/** GET /api/showcases/{id}/insights?days=7|30|90[&format=csv]: one of the creator's showcases; anyone else's is 404. */
const get = route(
  { user: true, params: z.object({ id: z.string().regex(/^[\w-]{1,64}$/) }), query: rangeSchema, invalid: { params: 'No such showcase.' } },
  async ({ userId, params, query }) => {
    if (!(await isOwnedShowcase(userId, params.id))) throw new HttpError('not_found', 'No such showcase.');
    const insights = await insightsOf([params.id], query.days);
    if (query.format === 'csv') {
      return new Response(daysCsv(insights.days), {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="insights-${query.days}-days.csv"`,
          'Cache-Control': 'private, no-store',
        },
      });
    }
    return Response.json(insights, { headers: { 'Cache-Control': 'private, no-store' } });
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ GET: get });
