/**
 * A Vite plugin for the build (installed by `modules/inline-stylesheets.ts`): every extension
 * page carries its CSS in a `<style>` element instead of `<link rel="stylesheet">`: a linked
 * stylesheet holds the first frame back until a second file is read from the extension. The
 * extension's CSP restricts scripts, not styles. Build only: the dev server keeps its
 * hot-reloaded CSS.
 */
import type { Plugin } from 'vite';

const STYLESHEET_LINK = /<link\b[^>]*\brel="stylesheet"[^>]*\bhref="\/([^"]+\.css)"[^>]*>/g;

/** The CSS of `fileName`, when it can move into the page as is. */
function inlinableCss(bundle: Record<string, { type: string; source?: unknown }>, fileName: string) {
  const asset = bundle[fileName];
  if (asset?.type !== 'asset') return null;
  const css =
    typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source as Uint8Array);
  // `</style` would end the element early; `url(` would resolve against the page, not /assets.
  return /<\/style|url\(/i.test(css) ? null : css;
}

export function inlineStylesheets(): Plugin {
  return {
    name: 'ssi:inline-stylesheets',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const { bundle } = context;
        if (!bundle) return html;
        return html.replace(STYLESHEET_LINK, (link, fileName: string) => {
          const css = inlinableCss(bundle, fileName);
          return css === null ? link : `<style>${css}</style>`;
        });
      },
    },
    // A stylesheet every page now carries inline is dead weight in the package: drop it.
    generateBundle(_options, bundle) {
      const others = Object.values(bundle).filter((item) => !item.fileName.endsWith('.css'));
      const texts = others.map((item) => (item.type === 'chunk' ? item.code : String(item.source)));
      for (const fileName of Object.keys(bundle)) {
        if (fileName.endsWith('.css') && !texts.some((text) => text.includes(fileName)))
          delete bundle[fileName];
      }
    },
  };
}
