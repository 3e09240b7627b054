import { describe, expect, it } from 'vitest';
import cornerCss from './corner.css?inline';
import css from './style.css?inline';

/** The style rules of a stylesheet (those inside `@media` too), as selector and declarations. */
function rules(sheet: string): { selector: string; body: string }[] {
  const text = sheet.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...text.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map(([, selector, body]) => ({
    selector: selector!.trim(),
    body: body!,
  }));
}

/** `inherit` and the generic font families of CSS Fonts 4: names no page can define a face for. */
const GENERIC_FAMILIES = new Set([
  'inherit',
  'serif',
  'sans-serif',
  'monospace',
  'cursive',
  'fantasy',
  'system-ui',
  'ui-serif',
  'ui-sans-serif',
  'ui-monospace',
  'ui-rounded',
  'math',
  'emoji',
  'fangsong',
]);

describe("the badge's CSS, which a page's rules on the host must not outweigh", () => {
  const all = [...rules(css), ...rules(cornerCss)];

  it('is there to read (vitest.config.ts hands the tests the CSS as it ships)', () => {
    expect(all.length).toBeGreaterThan(10);
  });

  it('declares no custom property on the host, where a page rule would override it', () => {
    const onHost = all.filter(({ selector }) => selector.includes(':host'));

    expect(onHost.length).toBeGreaterThan(0);
    for (const { body } of onHost) expect(body).not.toMatch(/--[\w-]+\s*:/);
  });

  it('chooses nothing by an attribute of the host (the host carries none)', () => {
    for (const { selector } of all) expect(selector).not.toMatch(/:host\(/);
  });

  it("names only generic font families, which a page's FontFace cannot shadow", () => {
    const families = all.flatMap(({ body }) =>
      [...body.matchAll(/font-family\s*:\s*([^;]+)/g)].flatMap(([, list]) =>
        list!.split(',').map((family) => family.trim()),
      ),
    );

    expect(families.length).toBeGreaterThan(0);
    for (const family of families) expect(GENERIC_FAMILIES).toContain(family);
    expect(css).toMatch(/font-variant-numeric:\s*tabular-nums/);
  });

  it('draws every word from its data-text attribute, and lets none be selected', () => {
    expect(all).toContainEqual(
      expect.objectContaining({
        selector: '[data-text]::before',
        body: expect.stringMatching(/content:\s*attr\(data-text\)/),
      }),
    );
    expect(all.find(({ selector }) => selector === '.ssi')?.body).toMatch(/user-select:\s*none/);
  });
});
