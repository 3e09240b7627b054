import type { Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, compileHints } from './compile-hints';

type Item = Rollup.OutputBundle[string];

const chunk = (fileName: string, code: string, mappings?: string) =>
  ({ type: 'chunk', fileName, code, map: mappings === undefined ? null : { mappings } }) as unknown as Item;
const asset = (fileName: string, source: string) => ({ type: 'asset', fileName, source }) as unknown as Item;

function generate(fileNames: readonly string[], bundle: Rollup.OutputBundle): Rollup.OutputBundle {
  const hook = compileHints(fileNames).generateBundle as (
    options: unknown,
    bundle: Rollup.OutputBundle,
  ) => void;
  hook.call({}, {}, bundle);
  return bundle;
}

const code = (item: Item | undefined) => (item as { code: string }).code;

describe('compileHints', () => {
  it('puts the hint on the first line of each named script, and only there', () => {
    const bundle = generate(['linkedin-badge.js'], {
      'linkedin-badge.js': chunk('linkedin-badge.js', 'var badge=function(){}();'),
      'popup-first-frame.js': chunk('popup-first-frame.js', 'var first=function(){}();'),
      'chunks/popup.js': chunk('chunks/popup.js', 'import"./x.js";'),
      'popup.html': asset('popup.html', '<html></html>'),
    });

    expect(code(bundle['linkedin-badge.js'])).toBe('//# allFunctionsCalledOnLoad\nvar badge=function(){}();');
    expect(code(bundle['popup-first-frame.js'])).toBe('var first=function(){}();');
    expect(code(bundle['chunks/popup.js'])).toBe('import"./x.js";');
    expect((bundle['popup.html'] as { source: string }).source).toBe('<html></html>');
  });

  it('moves a source map down by the line it adds', () => {
    const bundle = generate(['linkedin-badge.js'], {
      'linkedin-badge.js': chunk('linkedin-badge.js', 'var a=1;\nvar b=2;', 'AAAA;AACA'),
    });

    expect((bundle['linkedin-badge.js'] as { map: { mappings: string } }).map.mappings).toBe(';AAAA;AACA');
  });

  it('adds it once, however often the bundle is generated (watch mode rebuilds)', () => {
    const bundle: Rollup.OutputBundle = { 'linkedin-badge.js': chunk('linkedin-badge.js', 'run();', 'AAAA') };
    generate(['linkedin-badge.js'], bundle);
    generate(['linkedin-badge.js'], bundle);

    expect(code(bundle['linkedin-badge.js'])).toBe(`${COMPILE_HINT}run();`);
    expect((bundle['linkedin-badge.js'] as { map: { mappings: string } }).map.mappings).toBe(';AAAA');
  });
});
