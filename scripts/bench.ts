/**
 * `npm run bench`: measures the built extension in Chromium against the sandbox, several rounds
 * each, and prints a table (median, min, max); the figures also go to artifacts/bench.json.
 * Times are reported, never asserted (budgets on sizes are `npm run size`'s job).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { POPUP_MARKS } from '../entrypoints/popup/marks';
import { chromiumPath, EXTENSION_DIR, launchWithExtension, type ExtensionSession } from '../e2e/browser';
import { FIND_BADGE_HOSTS, LINKEDIN, ME, navigateInApp, serveLinkedIn } from '../e2e/linkedin';
import { OptionsPage } from '../e2e/pages';
import { stopServiceWorker, toolbarPopupUrl, writeExtensionStorage } from '../e2e/worker';
import { SANDBOX_DEMO_KEY } from '../sandbox/keys';
import { startSandbox, type SandboxServer } from '../sandbox/server';
import { EVERY_LINKEDIN_PAGE, fileBytes, kb, measureEntries, OUTPUT_DIR, readManifest } from './sizes';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
/**
 * Pause before each measured page: a user opens the popup in a quiet browser, not while the
 * last page is still being torn down (on 2 cores that teardown alone moves figures by 30%).
 */
const SETTLE_MS = 300;
const ROOT = resolve(import.meta.dirname, '..');

interface Stat {
  median: number;
  min: number;
  max: number;
  rounds: number;
}

function stat(values: number[]): Stat {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, rounds: values.length };
}

/**
 * Records, in the page, when the in-page expression `shown` first holds (see SCORE and BADGE),
 * and the time of the next animation frame after that (the frame that puts it on screen), from
 * navigation start.
 */
const SHOWN_SCRIPT = (shown: string) => `
  (() => {
    const mark = () => {
      if (globalThis.__seenAt !== undefined || !(${shown})) return;
      globalThis.__seenAt = performance.now();
      requestAnimationFrame(() => { globalThis.__shownAt = performance.now(); });
    };
    new MutationObserver(mark).observe(document, { subtree: true, childList: true, characterData: true });
    document.addEventListener('DOMContentLoaded', mark);
  })();`;

const settle = () => new Promise((done) => setTimeout(done, SETTLE_MS));

/**
 * Time to `shown` holding on screen, to the page's first contentful paint (the browser's own time
 * for its first frame with content being presented) and, when `mark` is given, to that mark in
 * the page's timeline (waited for), with every other mark the page made by then.
 */
async function timeToShown(
  context: BrowserContext,
  url: string,
  shown: string,
  mark?: string,
): Promise<{ shown: number; painted: number; marks: Record<string, number> }> {
  await settle();
  const page = await context.newPage();
  await page.addInitScript(SHOWN_SCRIPT(shown));
  await page.goto(url);
  await page.waitForFunction(() => (globalThis as { __shownAt?: number }).__shownAt !== undefined, null, {
    timeout: 20_000,
  });
  if (mark) await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark);
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  const result = await page.evaluate(() => ({
    shown: (globalThis as { __shownAt?: number }).__shownAt!,
    painted: performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
    marks: Object.fromEntries(
      performance.getEntriesByType('mark').map((entry) => [entry.name, entry.startTime]),
    ),
  }));
  await page.close();
  return result;
}

/** The static page's markup, also served by the extension itself (see `writeExtensionStaticPage`). */
const EXTENSION_STATIC_PAGE = 'bench-static.html';
/** The floor for any page of this extension that draws a number with a script. */
const FLOOR_PAGE = 'bench-floor.html';

/** A page showing `score` with nothing else; `script` goes at the end of its body. */
const staticHtml = (score: string, script = '') =>
  `<!doctype html><html><head><meta charset="utf-8"><title>static</title></head><body><div><span data-testid="overall-score">${score}</span></div>${script}</body></html>`;

/**
 * A copy of the build with the floor page added: the static page's markup, with its number
 * (from the URL, as the popup's first frame gets it) written by one script. No extension page
 * that draws data can do better. The product's build is left untouched.
 */
function extensionWithFloorPage(): string {
  return buildCopyWith('ssi-bench-extension-', {
    [FLOOR_PAGE]: staticHtml('', '<script src="/bench-floor.js"></script>'),
    'bench-floor.js': `document.querySelector('span').textContent = new URLSearchParams(location.search).get('score');`,
  });
}

/**
 * Adds the static page to the loaded copy once the score is known: Chromium reads an unpacked
 * extension's files from disk on each request. Every popup is an extension page, so no popup
 * can come sooner than this page.
 */
function writeExtensionStaticPage(extensionDir: string, score: string): void {
  writeFileSync(join(extensionDir, EXTENSION_STATIC_PAGE), staticHtml(score));
}

/** A copy of the build with `files` added or replaced: the bench's variants leave the build untouched. */
function buildCopyWith(prefix: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A page on a local web server showing the same number with no script at all. */
async function startStaticPage(score: string): Promise<{ url: string; close(): Promise<void> }> {
  const html = staticHtml(score);
  const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(html));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/static.html`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** In the page: whether the score is drawn (popups and the static pages show it so). */
const SCORE = `document.querySelector('[data-testid="overall-score"]')?.textContent`;
/**
 * In the page: whether the badge's host is there and laid out. The host carries no marker (a
 * page must not find the extension by a selector): it is found as a page script finds it, an
 * empty `span` with a box (FIND_BADGE_HOSTS, the e2e suites' recorder of the same moment).
 */
const BADGE = `${FIND_BADGE_HOSTS}.length > 0`;

async function popupWarm(session: ExtensionSession, staticUrl: string, score: string) {
  // The page the toolbar button opens: popup.html with the preview the worker put in its URL
  // (set as the warm-up's answer landed in the cache; waited for, not assumed).
  let popupUrl = await toolbarPopupUrl(session);
  for (let tries = 0; !popupUrl.includes('?') && tries < 50; tries++) {
    await settle();
    popupUrl = await toolbarPopupUrl(session);
  }
  if (!popupUrl.includes('?')) throw new Error(`The worker set no preview in the popup URL: ${popupUrl}`);
  const times = {
    popup: [] as number[],
    popupPainted: [] as number[],
    firstFrame: [] as number[],
    app: [] as number[],
    webStatic: [] as number[],
    webStaticPainted: [] as number[],
    extensionStatic: [] as number[],
    floor: [] as number[],
  };
  const floorUrl = session.url(`${FLOOR_PAGE}?score=${encodeURIComponent(score)}`);
  const pages = [
    async () => {
      const opened = await timeToShown(session.context, popupUrl, SCORE, POPUP_MARKS.app);
      times.popup.push(opened.shown);
      times.popupPainted.push(opened.painted);
      times.app.push(opened.marks[POPUP_MARKS.app]!);
      const drawn = opened.marks[POPUP_MARKS.firstFrame];
      if (drawn !== undefined) times.firstFrame.push(drawn);
    },
    async () => {
      const webStatic = await timeToShown(session.context, staticUrl, SCORE);
      times.webStatic.push(webStatic.shown);
      times.webStaticPainted.push(webStatic.painted);
    },
    async () => {
      const opened = await timeToShown(session.context, session.url(EXTENSION_STATIC_PAGE), SCORE);
      times.extensionStatic.push(opened.shown);
    },
    async () => times.floor.push((await timeToShown(session.context, floorUrl, SCORE)).shown),
  ];
  for (let round = 0; round < ROUNDS; round++) {
    // Each round starts with the next page, so whatever a page's position in a round costs is
    // spread over all pages (docs/decisions.md).
    for (let step = 0; step < pages.length; step++) await pages[(round + step) % pages.length]!();
  }
  /** Round by round, so that both pages of a ratio met the same moment of a noisy machine. */
  const ratioTo = (page: number[], reference: number[]) =>
    stat(page.map((value, index) => value / reference[index]!));
  return {
    popupUrl,
    popup: stat(times.popup),
    firstFrameDrawn: times.firstFrame.length ? stat(times.firstFrame) : null,
    appRendered: stat(times.app),
    webStaticPage: stat(times.webStatic),
    extensionStaticPage: stat(times.extensionStatic),
    floorPage: stat(times.floor),
    ratioToWebStatic: ratioTo(times.popup, times.webStatic),
    ratioToExtensionStatic: ratioTo(times.popup, times.extensionStatic),
    popupPainted: stat(times.popupPainted),
    webStaticPagePainted: stat(times.webStaticPainted),
    paintedRatioToWebStatic: ratioTo(times.popupPainted, times.webStaticPainted),
    floorRatioToWebStatic: ratioTo(times.floor, times.webStatic),
  };
}

async function popupCold(session: ExtensionSession, anchor: Page) {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await writeExtensionStorage(session, { ssiCache: {} });
    await stopServiceWorker(anchor);
    times.push((await timeToShown(session.context, session.url('popup.html'), SCORE)).shown);
  }
  return stat(times);
}

async function workerColdStart(anchor: Page) {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await stopServiceWorker(anchor);
    await anchor.waitForTimeout(100);
    times.push(
      await anchor.evaluate(async () => {
        const runtime = (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime;
        const start = performance.now();
        await runtime.sendMessage({ type: 'settings:get', payload: null });
        return performance.now() - start;
      }),
    );
  }
  return stat(times);
}

interface PageCost {
  /** Main-thread time spent on script: running it and compiling it. */
  scriptMs: number;
  heapKb: number;
}

/**
 * What a page at `url` spends on script, from its load until 600 ms after the badge is on
 * screen (`waitForBadge`) or after it has loaded; `then` runs in between (an in-app navigation).
 */
async function pageCost(
  context: BrowserContext,
  url: string,
  waitForBadge: boolean,
  then?: (page: Page) => Promise<void>,
): Promise<PageCost> {
  await settle();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  await then?.(page);
  if (waitForBadge) await page.waitForFunction(BADGE, null, { timeout: 15_000 });
  await page.waitForTimeout(600);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
  await page.close();
  return {
    // Compiling counts: V8 compiles a script before running it (and more of it on first calls),
    // and `ScriptDuration` alone leaves out what `V8CompileDuration` reports. Counting only the
    // first would call a script cheaper for compiling more of itself up front.
    scriptMs: (value('ScriptDuration') + value('V8CompileDuration')) * 1000,
    heapKb: value('JSHeapUsedSize') / 1024,
  };
}

/**
 * A copy of the build whose only content script does what the gate does (read the URL, listen
 * for navigations) and, on a profile, what no badge can do without: ask the worker once for
 * its data. The floors for any content script that follows LinkedIn's in-app navigation, off
 * profiles and on them.
 */
function extensionWithFloorContentScript(): string {
  const manifest = readManifest(EXTENSION_DIR);
  const floor = 'floor-content-script.js';
  return buildCopyWith('ssi-bench-gate-', {
    'manifest.json': JSON.stringify({
      ...manifest,
      content_scripts: [{ matches: [EVERY_LINKEDIN_PAGE], js: [floor], run_at: 'document_idle' }],
    }),
    [floor]: `(() => {
      const check = (url) => {
        if (url && url.startsWith('https://www.linkedin.com/in/')) {
          chrome.runtime.sendMessage({ type: 'profile-badge:get', payload: { refresh: false } }).then((reply) => { globalThis.__floorReply = reply; });
        }
      };
      check(location.href);
      navigation.addEventListener('currententrychange', () => check(navigation.currentEntry?.url));
    })();`,
  });
}

async function contentScriptCost(session: ExtensionSession, sandboxUrl: string) {
  const profileDir = mkdtempSync(join(tmpdir(), 'ssi-bench-plain-'));
  const plain = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-sync',
    ],
  });
  await serveLinkedIn(plain);
  const gateDir = extensionWithFloorContentScript();
  const gate = await launchWithExtension({ extensionDir: gateDir });
  await serveLinkedIn(gate.context);
  // Configured like the product, so the floor's one message gets the product's answer.
  const gateOptions = await OptionsPage.open(gate);
  await gateOptions.configure({ apiKey: SANDBOX_DEMO_KEY, apiBaseUrl: sandboxUrl });
  await gateOptions.page.close();
  const profileUrl = `${LINKEDIN}/in/${ME.slug}/`;
  const feedUrl = `${LINKEDIN}/feed/`;
  const rows = {
    profileScript: [] as number[],
    profileHeap: [] as number[],
    feedScript: [] as number[],
    feedHeap: [] as number[],
    floorFeedScript: [] as number[],
    floorProfileScript: [] as number[],
    inAppScript: [] as number[],
  };
  // The feed, then an in-app navigation to the own profile: the gate imports the badge's script.
  const toProfile = (page: Page) => navigateInApp(page, `/in/${ME.slug}/`);
  const badgeShown: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const withProfile = await pageCost(session.context, profileUrl, true);
    const withoutProfile = await pageCost(plain, profileUrl, false);
    const withFeed = await pageCost(session.context, feedUrl, false);
    const withoutFeed = await pageCost(plain, feedUrl, false);
    rows.profileScript.push(withProfile.scriptMs - withoutProfile.scriptMs);
    rows.profileHeap.push(withProfile.heapKb - withoutProfile.heapKb);
    rows.feedScript.push(withFeed.scriptMs - withoutFeed.scriptMs);
    rows.feedHeap.push(withFeed.heapKb - withoutFeed.heapKb);
    rows.floorFeedScript.push((await pageCost(gate.context, feedUrl, false)).scriptMs - withoutFeed.scriptMs);
    rows.floorProfileScript.push(
      (await pageCost(gate.context, profileUrl, false)).scriptMs - withoutProfile.scriptMs,
    );
    rows.inAppScript.push(
      (await pageCost(session.context, feedUrl, true, toProfile)).scriptMs -
        (await pageCost(plain, feedUrl, false, toProfile)).scriptMs,
    );
    badgeShown.push((await timeToShown(session.context, profileUrl, BADGE)).shown);
  }
  await plain.close();
  await gate.close();
  rmSync(profileDir, { recursive: true, force: true });
  rmSync(gateDir, { recursive: true, force: true });
  return {
    profileAddedScriptMs: stat(rows.profileScript),
    profileAddedHeapKb: stat(rows.profileHeap),
    feedAddedScriptMs: stat(rows.feedScript),
    feedAddedHeapKb: stat(rows.feedHeap),
    floorFeedAddedScriptMs: stat(rows.floorFeedScript),
    floorProfileAddedScriptMs: stat(rows.floorProfileScript),
    feedThenProfileInAppAddedScriptMs: stat(rows.inAppScript),
    navigationToBadgeMs: stat(badgeShown),
  };
}

async function networkCost(session: ExtensionSession, sandbox: SandboxServer) {
  await writeExtensionStorage(session, { ssiCache: {}, accounts: {} });
  sandbox.resetRequests();
  for (let round = 0; round < 20; round++) {
    await timeToShown(session.context, session.url('popup.html'), SCORE);
  }
  for (let round = 0; round < 10; round++) {
    const page = await session.context.newPage();
    await page.goto(`${LINKEDIN}/in/${ME.slug}/`);
    await page.waitForFunction(BADGE, null, { timeout: 15_000 });
    await page.close();
  }
  const requests = sandbox.requests();
  return {
    ssiRequests: requests.filter((request) => request.path === '/linkedin/ssi').length,
    accountLookups: requests.filter((request) => request.path === '/linkedin/accounts').length,
  };
}

function sizes() {
  spawnSync('npx', ['wxt', 'zip'], { cwd: ROOT, stdio: 'ignore' });
  const zips = readdirSync(resolve(ROOT, '.output')).filter((name) => name.endsWith('.zip'));
  return {
    entries: measureEntries(OUTPUT_DIR).map(({ entry, initial, lazy, total }) => ({
      entry,
      initial,
      lazy,
      total,
    })),
    zipBytes: zips[0] ? fileBytes(resolve(ROOT, '.output', zips[0])) : null,
  };
}

const ms = (value: Stat) => `${value.median.toFixed(1)} ms (${value.min.toFixed(1)}–${value.max.toFixed(1)})`;
const ratio = (value: Stat) =>
  `${value.median.toFixed(2)}× (${value.min.toFixed(2)}–${value.max.toFixed(2)})`;

async function main(): Promise<void> {
  if (process.env.SKIP_BUILD !== '1') {
    if (spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' }).status !== 0)
      throw new Error('Build failed.');
  }
  const sandbox = await startSandbox({ port: 0 });
  const extensionDir = extensionWithFloorPage();
  const session = await launchWithExtension({ extensionDir });
  await serveLinkedIn(session.context);
  const options = await OptionsPage.open(session);
  await options.configure({ apiKey: SANDBOX_DEMO_KEY, apiBaseUrl: sandbox.url });
  const warmUp = await session.context.newPage();
  await warmUp.goto(session.url('popup.html'));
  const score = (await warmUp.getByTestId('overall-score').textContent()) ?? '';
  await warmUp.close();
  const staticPage = await startStaticPage(score);
  writeExtensionStaticPage(extensionDir, score);
  const browserVersion = await options.page.evaluate(
    () => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? '?',
  );

  console.log(
    `Benchmark: ${ROUNDS} rounds each, ${browserVersion}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
  );
  const warm = await popupWarm(session, staticPage.url, score);
  const cold = await popupCold(session, options.page);
  const workerStart = await workerColdStart(options.page);
  const content = await contentScriptCost(session, sandbox.url);
  const network = await networkCost(session, sandbox);
  const size = sizes();

  const results = {
    at: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? null,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      browser: browserVersion,
    },
    rounds: ROUNDS,
    popupWarm: warm,
    popupCold: cold,
    workerColdStartMs: workerStart,
    contentScript: content,
    network,
    size,
  };

  const lines = [
    '| measure | median (min–max) |',
    '| --- | --- |',
    `| Popup, warm cache: navigation → score on screen (next frame after it appears) | ${ms(warm.popup)} |`,
    `| Popup, warm cache: first frame drawn (its mark; drawn in ${warm.firstFrameDrawn?.rounds ?? 0} of ${ROUNDS} opens) | ${warm.firstFrameDrawn ? ms(warm.firstFrameDrawn) : '—'} |`,
    `| Popup, warm cache: whole popup rendered by Preact (its mark) | ${ms(warm.appRendered)} |`,
    `| Static HTML page with the same number, from a local web server | ${ms(warm.webStaticPage)} |`,
    `| Static HTML page with the same number, from the extension | ${ms(warm.extensionStaticPage)} |`,
    `| Ratio popup / static page (web server), round by round | ${ratio(warm.ratioToWebStatic)} |`,
    `| Ratio popup / static page (extension), round by round | ${ratio(warm.ratioToExtensionStatic)} |`,
    `| Popup, warm cache: first contentful paint (the browser's time for the first frame presented) | ${ms(warm.popupPainted)} |`,
    `| Static page (web server): first contentful paint | ${ms(warm.webStaticPagePainted)} |`,
    `| Ratio popup / static page (web server), first contentful paint, round by round | ${ratio(warm.paintedRatioToWebStatic)} |`,
    `| Floor: extension page whose one script writes the number from its URL | ${ms(warm.floorPage)} |`,
    `| Ratio floor / static page (web server) | ${ratio(warm.floorRatioToWebStatic)} |`,
    `| Popup, cold (worker stopped, cache empty) | ${ms(cold)} |`,
    `| Service worker cold start → first answer | ${ms(workerStart)} |`,
    `| Content script, profile page: added main-thread script time (running and compiling) | ${ms(content.profileAddedScriptMs)} |`,
    `| Content script, profile page: added JS heap | ${content.profileAddedHeapKb.median.toFixed(0)} KB (${content.profileAddedHeapKb.min.toFixed(0)}–${content.profileAddedHeapKb.max.toFixed(0)}) |`,
    `| Content script, feed (not a profile): added script time (running and compiling) | ${ms(content.feedAddedScriptMs)} |`,
    `| Content script, feed then own profile by in-app navigation (badge imported): added script time | ${ms(content.feedThenProfileInAppAddedScriptMs)} |`,
    `| Floor: a content script that only reads the URL and listens for navigations, feed | ${ms(content.floorFeedAddedScriptMs)} |`,
    `| Floor: the same, plus one \`profile-badge:get\` message on a profile (no badge), profile page | ${ms(content.floorProfileAddedScriptMs)} |`,
    `| Navigation → badge on screen | ${ms(content.navigationToBadgeMs)} |`,
    `| API requests for 20 popups + 10 profile tabs (cold cache) | ${network.ssiRequests} SSI + ${network.accountLookups} account lookup |`,
    ...size.entries.map(
      (entry) =>
        `| JS gzip: ${entry.entry} | ${kb(entry.total)} (${kb(entry.initial)} at once + ${kb(entry.lazy)} on demand) |`,
    ),
    `| Zip for the Web Store | ${size.zipBytes === null ? '—' : kb(size.zipBytes)} |`,
  ];
  console.log(`\n${lines.join('\n')}\n`);
  mkdirSync(resolve(ROOT, 'artifacts'), { recursive: true });
  writeFileSync(
    resolve(ROOT, 'artifacts', 'bench.json'),
    `${JSON.stringify({ ...results, table: lines }, null, 2)}\n`,
  );
  console.log('Written to artifacts/bench.json');

  await staticPage.close();
  await session.close();
  await sandbox.close();
  rmSync(extensionDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
