// HTML written as template literals, for the pages that are route handlers rather than React pages
// (the public showcase page: no React on a visitor's phone). Every interpolated value is escaped
// unless it is already Html; arrays are joined, and null, undefined and false render nothing.
import { escapeHtml } from './format';

/** Markup that is safe to insert as it is: built by `html` or vouched for with `trustedHtml`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

/** A fragment of HTML whose interpolations are escaped (text and attribute values alike). */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0];
  for (let i = 0; i < parts.length; i++) out += render(parts[i]) + strings[i + 1];
  return new Html(out);
}

/** Markup that is already safe (a stylesheet, JSON escaped for a script element); never user input. */
export const trustedHtml = (value: string) => new Html(value);
