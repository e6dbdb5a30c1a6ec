import { describe, expect, it } from 'vitest';
import { html, trustedHtml } from '@/lib/platform/html';

describe('html templates', () => {
  it('escapes every interpolation, in text and in attributes', () => {
    const title = `"><script>alert('x')</script>&`;
    expect(html`<a title="${title}">${title}</a>`.value).toBe(
      '<a title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</a>',
    );
  });

  it('inserts nested fragments and trusted markup as they are, joins arrays, and renders nothing for null, undefined and false', () => {
    const items = ['a<', 'b'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe('<ul><li>a&lt;</li><li>b</li></ul>0');
    expect(html`<style>${trustedHtml('a>b{}')}</style>`.value).toBe('<style>a>b{}</style>');
  });
});
