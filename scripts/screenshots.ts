/**
 * `npm run screenshots`: the Chrome Web Store's images, from the demo (`demo-setup.ts`: the
 * sandbox, its history imported, the LinkedIn fixture) into artifacts/store/. Screenshots are
 * 1280 × 800, each page in light and dark (the system's colour scheme, emulated); the promo
 * tile is 440 × 280. Every file's size is read back from its PNG header: a wrong one fails the
 * run. Headless always. One entry of `SHOTS` per image: adding a page is adding an entry.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { badge as probeBadge } from '../e2e/badge-probe';
import { OptionsPage, TeamPage } from '../e2e/pages';
import { buildUnlessSkipped, ownProfileUrl, setUpDemo, type Demo } from './demo-setup';
import { pngSize, type PngSize } from './png';
import { MANIFEST_NAME } from '../wxt.config';
import { PRODUCTION_API } from '../utils/api-origin';

const OUTPUT_DIR = resolve(import.meta.dirname, '..', 'artifacts', 'store');
const ICON = resolve(import.meta.dirname, '..', 'public', 'icon', '128.png');

type Scheme = 'light' | 'dark';

/** The store's sizes: screenshots, and the small promo tile. */
const SCREENSHOT: PngSize = { width: 1280, height: 800 };
const PROMO_TILE: PngSize = { width: 440, height: 280 };
const BOTH: readonly Scheme[] = ['light', 'dark'];

interface Shot {
  /** The file: `<name>-<scheme>.png`, or `<name>.png` when the shot has one scheme. */
  name: string;
  size: PngSize;
  schemes: readonly Scheme[];
  /** Puts the shot on a page of `size` in `scheme`, and returns the page to photograph. */
  stage(demo: Demo, scheme: Scheme, canvas: Page): Promise<Page>;
}

/** Sets `page` to `size` and `scheme` (reduced motion: nothing caught mid-animation), reloaded. */
async function prepare(page: Page, size: PngSize, scheme: Scheme, reload = true): Promise<void> {
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  if (reload) await page.reload();
}

/** Lets chart.js draw (on demand, after the first render). */
const chartsDrawn = (page: Page) => page.waitForTimeout(500);

/** Text for an HTML string: the captions and the name are ours, but escaped all the same. */
function escape(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A neutral page in `scheme` that shows `image` (PNG) centred, a one-line caption above it. */
function framed(image: Buffer, caption: string, scheme: Scheme): string {
  const dark = scheme === 'dark';
  return `<!doctype html><html><head><style>
    html, body { margin: 0; height: 100%; }
    body { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 28px;
      background: ${dark ? 'radial-gradient(circle at 50% 30%, #1f2a37, #0b0f14 70%)' : 'radial-gradient(circle at 50% 30%, #ffffff, #e6ebf1 70%)'};
      font: 600 26px/1.3 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
      color: ${dark ? '#f2f4f7' : '#101828'}; }
    img { display: block; border-radius: 12px;
      box-shadow: 0 18px 48px rgba(0, 0, 0, ${dark ? 0.6 : 0.18}), 0 0 0 1px ${dark ? '#3a414b' : '#d0d5dd'}; }
  </style></head><body><p style="margin:0">${escape(caption)}</p>
  <img alt="" src="data:image/png;base64,${image.toString('base64')}"></body></html>`;
}

/** The promo tile: the icon, the name and one claim, on a light ground the blue icon stands out on. */
function promoTile(): string {
  const icon = readFileSync(ICON).toString('base64');
  return `<!doctype html><html><head><style>
    html, body { margin: 0; height: 100%; }
    body { display: flex; align-items: center; gap: 18px; padding: 0 30px; box-sizing: border-box;
      background: linear-gradient(160deg, #ffffff 0%, #e8f1fb 100%); color: #0b1f33;
      border-bottom: 8px solid #0a66c2;
      font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
    img { width: 128px; height: 128px; flex: none; margin: -16px; }
    h1 { margin: 0 0 10px; font-size: 27px; line-height: 1.15; }
    p { margin: 0; font-size: 17px; line-height: 1.35; color: #344054; }
  </style></head><body><img alt="" src="data:image/png;base64,${icon}">
  <div><h1>${escape(MANIFEST_NAME)}</h1><p>Your Social Selling Index at a glance: score, pillars and ranks.</p></div>
  </body></html>`;
}

/** The dashboard once its ring, its history table and its charts are drawn. */
async function dashboardDrawn(page: Page, _scheme: Scheme): Promise<void> {
  await page.locator('.today .score-ring').waitFor();
  await page.locator('tbody tr[data-day]').first().waitFor();
  await chartsDrawn(page);
}

/** A page photographed as it shows in a window of the shot's size, once `ready` says so. */
function pageShot(
  name: string,
  pageOf: (demo: Demo) => Page,
  ready: (page: Page, scheme: Scheme) => Promise<void>,
): Shot {
  return {
    name,
    size: SCREENSHOT,
    schemes: BOTH,
    async stage(demo, scheme) {
      const page = pageOf(demo);
      await prepare(page, SCREENSHOT, scheme);
      await ready(page, scheme);
      return page;
    },
  };
}

const SHOTS: readonly Shot[] = [
  {
    name: 'popup',
    size: SCREENSHOT,
    schemes: BOTH,
    async stage({ popup }, scheme, canvas) {
      await popup.page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await popup.page.reload();
      await popup.settled();
      await chartsDrawn(popup.page);
      const image = await popup.page.screenshot({ fullPage: true });
      await prepare(canvas, SCREENSHOT, scheme, false);
      await canvas.setContent(
        framed(image, 'Your SSI, its four pillars and your ranks, one click from the toolbar.', scheme),
      );
      return canvas;
    },
  },
  pageShot(
    'badge',
    (demo) => demo.profile,
    async (page, scheme) => {
      await page.goto(ownProfileUrl(scheme));
      const badge = probeBadge(page);
      await badge.waitFor('.ssi-pill');
      // The fixture is a bare profile: enlarged, the badge and its card fill the picture.
      await page.evaluate(() => (document.documentElement.style.zoom = '1.4'));
      await badge.click('.ssi-pill');
      await badge.waitFor('[role="dialog"]');
    },
  ),
  pageShot('dashboard', (demo) => demo.dashboard.page, dashboardDrawn),
  pageShot(
    'dashboard-trend',
    (demo) => demo.dashboard.page,
    async (page, scheme) => {
      await dashboardDrawn(page, scheme);
      await page
        .getByRole('region', { name: 'Trend', exact: true })
        .evaluate((trend) => trend.scrollIntoView());
      await chartsDrawn(page);
    },
  ),
  {
    // The Team tab: every account of the key side by side (issue 16).
    name: 'dashboard-team',
    size: SCREENSHOT,
    schemes: BOTH,
    async stage(demo, scheme) {
      const team = await TeamPage.open(demo.session);
      await prepare(team.page, SCREENSHOT, scheme);
      await team.settled();
      await chartsDrawn(team.page);
      return team.page;
    },
  },
  pageShot(
    'options',
    (demo) => demo.options.page,
    async (page) => {
      await page.locator('.options form').waitFor();
      // The key's accounts by name, once their list has loaded.
      await new OptionsPage(page).accountField();
      // Shown as a user of the real API sees it (typed, not saved: the demo's key is the sandbox's).
      await page.getByLabel('API base URL').fill(PRODUCTION_API);
      await page.getByLabel('API base URL').blur();
    },
  ),
  {
    name: 'promo-tile',
    size: PROMO_TILE,
    schemes: ['light'],
    async stage(_demo, scheme, canvas) {
      await prepare(canvas, PROMO_TILE, scheme, false);
      await canvas.setContent(promoTile());
      return canvas;
    },
  },
];

/** Photographs what `page` shows (its viewport, of the shot's size), checked to be `size`, or throws. */
async function photograph(page: Page, size: PngSize, path: string): Promise<void> {
  const image = await page.screenshot();
  const found = pngSize(image);
  if (found.width !== size.width || found.height !== size.height) {
    throw new Error(`${path} is ${found.width} × ${found.height}, not ${size.width} × ${size.height}.`);
  }
  writeFileSync(path, image);
}

async function main(): Promise<void> {
  buildUnlessSkipped();
  const demo = await setUpDemo({ headless: true });
  try {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    const canvas = await demo.session.context.newPage();
    for (const shot of SHOTS) {
      for (const scheme of shot.schemes) {
        const file = resolve(
          OUTPUT_DIR,
          shot.schemes.length > 1 ? `${shot.name}-${scheme}.png` : `${shot.name}.png`,
        );
        await photograph(await shot.stage(demo, scheme, canvas), shot.size, file);
        console.log(`${file} (${shot.size.width} × ${shot.size.height})`);
      }
    }
  } finally {
    await demo.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
