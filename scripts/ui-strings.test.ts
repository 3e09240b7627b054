import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findUiStrings } from './ui-strings';

const ROOT = join(import.meta.dirname, '..');

/** Where the UI's code is: what runs in the pages, the content scripts and the worker. */
const SCANNED = ['entrypoints', 'components', 'utils'];

/**
 * Not the UI: tests, test helpers, and the API client's internals (its `detail`s name fields of
 * the API's answer for the debug view, in the API's own terms).
 */
const SKIPPED = [/\.test\.tsx?$/, /^utils\/testing\//, /^utils\/worker\/api\//];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('words in code', () => {
  const files = SCANNED.flatMap(sourceFiles)
    .map((file) => relative(ROOT, join(ROOT, file)))
    .filter((file) => !SKIPPED.some((pattern) => pattern.test(file)));

  it('finds the UI code', () => {
    expect(files).toContain('entrypoints/linkedin-profile-badge/badge-ui.ts');
    expect(files.length).toBeGreaterThan(50);
  });

  it('leaves no user-facing string in code: every one comes from messages.json', () => {
    const left = files
      .flatMap((file) => findUiStrings(file, readFileSync(join(ROOT, file), 'utf8')))
      .map(({ file, line, text, why }) => `${file}:${line} (${why}) ${JSON.stringify(text)}`);
    expect(left).toEqual([]);
  });
});

describe('findUiStrings', () => {
  const texts = (file: string, source: string) => findUiStrings(file, source).map((found) => found.text);

  it('flags JSX text and shown strings, not symbols or calls to t()', () => {
    const source = `
      export const A = ({ busy }) => (
        <p aria-label="Your score" title={busy ? 'Saving' : t('save')} class="x">
          Hello {busy && 'Loading…'} · {t('refresh')} {'%'} {\`\${n} of 100\`}
          <img alt={t('logo')} placeholder="https://example" />
        </p>
      );`;
    expect(texts('a.tsx', source)).toEqual([
      'Your score',
      'Saving',
      'Hello',
      'Loading…',
      ' of 100'.trim(),
      'https://example',
    ]);
  });

  it('flags DOM text set by code, the badge helpers and sentences in data', () => {
    const source = `
      node.textContent = 'Score';
      node.title = t('x');
      node.setAttribute('aria-label', \`Top \${n}\`);
      node.setAttribute('class', 'ssi-card');
      el('p', 'ssi-card__title', 'Updated');
      drawn(el('dd'), '—');
      button('Refresh', act);
      const problem = err('Enter a number.');
      const words = { title: 'Offline', code: 'offline', message: t('m') };`;
    expect(texts('b.ts', source)).toEqual([
      'Score',
      'Top',
      'Updated',
      'Refresh',
      'Enter a number.',
      'Offline',
    ]);
  });
});
