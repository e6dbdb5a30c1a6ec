import type { PublicShowcase } from '@/lib/showcase/public';
import { scriptSafeJson, showcaseJsonLd } from '@/lib/showcase/seo';

/** The showcase's structured data for search engines (lib/showcase/seo.ts), escaped for a script element. */
export function ShowcaseJsonLd({ showcase }: { showcase: PublicShowcase }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON-LD must be the element's raw text; scriptSafeJson escapes < > & so nothing can close it
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptSafeJson(showcaseJsonLd(showcase)) }} />;
}
