import { z } from 'zod';

/** A same-origin path: starts with one "/", no scheme, no protocol-relative or backslash tricks. */
export const returnToSchema = z
  .string()
  .max(512)
  .refine((v) => /^\/(?![/\\])[^\s]*$/.test(v), 'must be a same-origin path');

export function safeReturnTo(value: unknown): string | undefined {
  const parsed = returnToSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
