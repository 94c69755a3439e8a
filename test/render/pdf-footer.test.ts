// The PDF's footer is HTML that Chromium renders on every page: the report title
// (from align.yml, so from the client) must be only text there.
import { describe, expect, it } from 'vitest';
import { withLanguage } from '../../src/i18n/index.js';
import { escapeHtmlText, footerTemplate, PRINT_CSS, withPrintCss } from '../../src/render/pdf.js';

const HOSTILE = '</style><script>alert(1)</script><img src=x onerror=alert(2)> & "quoted" \'single\' <span class="pageNumber"></span>';

describe('footerTemplate(title)', () => {
  it('footerTemplate(hostile) keeps the title inert: no tag, no attribute, no page-number span from the title', () => {
    const footer = footerTemplate(HOSTILE);
    expect(footer).not.toMatch(/<script|<\/style|<img/i);
    // Chromium fills spans of class pageNumber: only the template's own one is there
    expect(footer.match(/class="pageNumber"/g)).toHaveLength(1);
    expect(footer.match(/class="totalPages"/g)).toHaveLength(1);
    expect(footer).toContain(
      '&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; &amp; &quot;quoted&quot; &#39;single&#39; &lt;span class=&quot;pageNumber&quot;&gt;',
    );
  });

  it('footerTemplate("Fernhill Health") shows the title and "page N of M"', () => {
    expect(footerTemplate('Fernhill Health')).toContain('>Fernhill Health</span>');
    expect(footerTemplate('x')).toContain('page <span class="pageNumber"></span> of <span class="totalPages"></span>');
  });

  it('says "page N of M" in the report language, the spans Chromium fills kept', () => {
    expect(withLanguage('fr', () => footerTemplate('x'))).toContain('page <span class="pageNumber"></span> sur <span class="totalPages"></span>');
    expect(withLanguage('de', () => footerTemplate('x'))).toContain('Seite <span class="pageNumber"></span> von <span class="totalPages"></span>');
    // the pseudo-locale's markers wrap each literal piece, and the spans stay spans
    expect(withLanguage('qps', () => footerTemplate('x'))).toContain('⟦page ⟧<span class="pageNumber"></span>⟦ of ⟧<span class="totalPages"></span>');
  });

  it('escapeHtmlText("a\\nb\\u0007") shows control characters as text, never raw', () => {
    expect(escapeHtmlText('a\nb\u0007')).not.toMatch(/[\n\u0007]/);
  });
});

describe('withPrintCss(html)', () => {
  it('adds the print rules before </head>', () => {
    expect(withPrintCss('<!doctype html><html><head><title>t</title></head><body></body></html>')).toBe(
      `<!doctype html><html><head><title>t</title><style>${PRINT_CSS}</style></head><body></body></html>`,
    );
  });

  it('adds them after the doctype when there is no head', () => {
    expect(withPrintCss('<!DOCTYPE html><p>x</p>')).toBe(`<!DOCTYPE html><style>${PRINT_CSS}</style><p>x</p>`);
    expect(withPrintCss('<p>x</p>')).toBe(`<style>${PRINT_CSS}</style><p>x</p>`);
  });
});
