import type { IndexHtmlTransformContext } from 'vite';
import { describe, expect, it } from 'vitest';
import { inlineStylesheets } from './inline-stylesheets';

type Bundle = NonNullable<IndexHtmlTransformContext['bundle']>;

const asset = (fileName: string, source: string | Uint8Array) =>
  ({ type: 'asset', fileName, source }) as unknown as Bundle[string];
const chunk = (fileName: string, code: string) =>
  ({ type: 'chunk', fileName, code }) as unknown as Bundle[string];

const plugin = inlineStylesheets();

function transform(html: string, bundle: Bundle): string {
  const hook = plugin.transformIndexHtml as {
    handler(html: string, context: IndexHtmlTransformContext): string;
  };
  return hook.handler(html, {
    path: '/popup.html',
    filename: '/popup.html',
    bundle,
  } as IndexHtmlTransformContext);
}

function generate(bundle: Bundle): string[] {
  const hook = plugin.generateBundle as (options: unknown, bundle: Bundle) => void;
  hook.call({}, {}, bundle);
  return Object.keys(bundle).sort();
}

const PAGE = (links: string) =>
  `<html><head><script type="module" src="/chunks/popup.js"></script>${links}</head><body></body></html>`;

describe('inlineStylesheets', () => {
  it('puts each linked stylesheet of the build into the page, in order', () => {
    const bundle: Bundle = {
      'assets/theme.css': asset('assets/theme.css', ':root{--bg:#fff}'),
      'assets/popup.css': asset('assets/popup.css', new TextEncoder().encode('body{width:380px}')),
    };
    const html = transform(
      PAGE(
        '<link rel="stylesheet" crossorigin href="/assets/theme.css"><link rel="stylesheet" crossorigin href="/assets/popup.css">',
      ),
      bundle,
    );

    expect(html).toBe(PAGE('<style>:root{--bg:#fff}</style><style>body{width:380px}</style>'));
  });

  it('leaves a stylesheet linked when inlining would change what it means', () => {
    const links =
      '<link rel="stylesheet" href="/assets/font.css"><link rel="stylesheet" href="/assets/odd.css"><link rel="stylesheet" href="/assets/elsewhere.css">';
    const bundle: Bundle = {
      'assets/font.css': asset('assets/font.css', '@font-face{src:url(./inter.woff2)}'),
      'assets/odd.css': asset('assets/odd.css', '.a::after{content:"</style>"}'),
    };

    expect(transform(PAGE(links), bundle)).toBe(PAGE(links));
  });

  it('drops the CSS files nothing refers to any more, and keeps the rest', () => {
    const bundle: Bundle = {
      'assets/inlined.css': asset('assets/inlined.css', 'a{}'),
      'assets/linked.css': asset('assets/linked.css', 'b{}'),
      'assets/loaded.css': asset('assets/loaded.css', 'c{}'),
      'popup.html': asset('popup.html', '<link rel="stylesheet" href="/assets/linked.css">'),
      'chunks/lazy.js': chunk('chunks/lazy.js', 'import("./x.js");const css="assets/loaded.css"'),
    };

    expect(generate(bundle)).toEqual([
      'assets/linked.css',
      'assets/loaded.css',
      'chunks/lazy.js',
      'popup.html',
    ]);
  });

  it('only runs in builds (the dev server keeps hot-reloaded CSS)', () => {
    expect(plugin.apply).toBe('build');
  });
});
