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

/** A script entry: `files` run at once, `lazyFiles` only where needed (the badge, on profiles). */
function scriptEntry(dir: string, entry: string, files: string[], lazyFiles: string[] = []): EntrySize {
  const sum = (list: string[]) => list.reduce((bytes, file) => bytes + gzipBytes(join(dir, file)), 0);
  const initial = sum(files);
  const lazy = sum(lazyFiles);
  return { entry, initial, lazy, total: initial + lazy, files: [...files, ...lazyFiles] };
}

/** The parts of a built manifest the measures read. */
export interface BuiltManifest {
  content_scripts?: { matches: string[]; js: string[] }[];
  web_accessible_resources?: { resources: string[] }[];
}

/** Every LinkedIn page: the gate's match. */
export const EVERY_LINKEDIN_PAGE = 'https://www.linkedin.com/*';

export const readManifest = (dir = OUTPUT_DIR): BuiltManifest =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BuiltManifest;

/**
 * The content scripts' JS: `everyPage`, what runs on every LinkedIn page (the gate), and
 * `onProfiles`, what runs or is imported only on profiles (the badge's script, which is also
 * web-accessible for the gate to import).
 */
export function contentScriptFiles(manifest: BuiltManifest): { everyPage: string[]; onProfiles: string[] } {
  const scripts = manifest.content_scripts ?? [];
  const everyPage = scripts
    .filter((script) => script.matches.includes(EVERY_LINKEDIN_PAGE))
    .flatMap((s) => s.js);
  const others = [
    ...scripts.filter((script) => !script.matches.includes(EVERY_LINKEDIN_PAGE)).flatMap((s) => s.js),
    ...(manifest.web_accessible_resources ?? []).flatMap((entry) => entry.resources),
  ];
  const onProfiles = [...new Set(others)].filter((file) => file.endsWith('.js') && !everyPage.includes(file));
  return { everyPage, onProfiles };
}

/** Sizes of every entry of the build in `dir`. Throws when there is no build. */
export function measureEntries(dir = OUTPUT_DIR): EntrySize[] {
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(`No build in ${dir}: run "npm run build" first.`);
  const { everyPage, onProfiles } = contentScriptFiles(readManifest(dir));
  return [
    htmlEntry(dir, 'popup.html'),
    htmlEntry(dir, 'options.html'),
    htmlEntry(dir, 'dashboard.html'),
    scriptEntry(dir, 'content script', everyPage, onProfiles),
    scriptEntry(dir, 'background', ['background.js']),
  ];
}

/** Bytes of a file (the zip), or null when it is not there. */
export function fileBytes(file: string): number | null {
  return existsSync(file) ? statSync(file).size : null;
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
