/**
 * What each part of the built extension costs to load: gzip bytes of the JS every entry
 * loads at once and on demand. Shared by `npm run size` (budgets) and `npm run bench`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const OUTPUT_DIR = resolve(import.meta.dirname, '..', '.output', 'chrome-mv3');

export interface EntrySize {
  entry: string;
  /** Gzip bytes of the JS loaded before the entry runs (script + module preloads). */
  initial: number;
  /** Gzip bytes of the JS the entry imports on demand (chart.js, for the popup). */
  lazy: number;
  total: number;
  files: string[];
}

const gzipBytes = (file: string) => gzipSync(readFileSync(file)).length;

/** The `import("...")` targets of a chunk, as files of the build. */
function dynamicImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const found = new Set<string>();
  for (const match of code.matchAll(/import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)) {
    const target = resolve(dirname(file), match[1]!);
    if (existsSync(target)) found.add(target);
  }
  return [...found];
}

/** The JS an HTML entry loads: its module script and preloads, then what they import on demand. */
function htmlEntry(dir: string, html: string): EntrySize {
  const text = readFileSync(join(dir, html), 'utf8');
  const initial = [
    ...text.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g),
  ].map((match) => join(dir, match[1]!));
  const lazy = [...new Set(initial.flatMap(dynamicImports))].filter((file) => !initial.includes(file));
  const initialBytes = initial.reduce((sum, file) => sum + gzipBytes(file), 0);
  const lazyBytes = lazy.reduce((sum, file) => sum + gzipBytes(file), 0);
  return {
    entry: html.replace('.html', ''),
    initial: initialBytes,
    lazy: lazyBytes,
    total: initialBytes + lazyBytes,
    files: [...initial, ...lazy].map((file) => file.slice(dir.length + 1)),
  };
}

function scriptEntry(dir: string, entry: string, file: string): EntrySize {
  const bytes = gzipBytes(join(dir, file));
  return { entry, initial: bytes, lazy: 0, total: bytes, files: [file] };
}

/** Sizes of every entry of the build in `dir`. Throws when there is no build. */
export function measureEntries(dir = OUTPUT_DIR): EntrySize[] {
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(`No build in ${dir}: run "npm run build" first.`);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js: string[] }[];
  };
  return [
    htmlEntry(dir, 'popup.html'),
    htmlEntry(dir, 'options.html'),
    scriptEntry(dir, 'content script', manifest.content_scripts![0]!.js[0]!),
    scriptEntry(dir, 'background', 'background.js'),
  ];
}

/** Bytes of a file (the zip), or null when it is not there. */
export function fileBytes(file: string): number | null {
  return existsSync(file) ? statSync(file).size : null;
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
