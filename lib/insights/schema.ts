import { z } from 'zod';

// What the counting script sends to POST /api/events (lib/insights/count.js).

export const EVENT_TYPES = ['view', 'play', 'link'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The most a POST /api/events body may hold: an event is a few dozen bytes. */
export const EVENT_BODY_LIMIT = 2048;

export const eventSchema = z
  .object({
    type: z.enum(EVENT_TYPES),
    /** The showcase's id (data-showcase on the script tag). */
    showcase: z.string().regex(/^[\w-]{1,64}$/, 'not a showcase id'),
    /** The video played or whose link was followed; on a view, the /watch page's video. */
    video: z
      .string()
      .regex(/^\d{1,25}$/, 'not a video id')
      .optional(),
    /** document.referrer's host (the page an embed sits on, or where the visitor came from); only its host is kept. */
    ref: z.string().max(512).optional(),
  })
  .refine((e) => e.type === 'view' || e.video, { message: 'video: a play or a link click names its video', path: ['video'] });

export type InsightsEvent = z.infer<typeof eventSchema>;

export const rangeSchema = z.object({
  days: z.enum(['7', '30', '90']).default('30').transform(Number),
  format: z.enum(['json', 'csv']).default('json'),
});
