/**
 * What a page can measure of the badge from outside its closed root, and must learn nothing
 * from: which fonts it draws with (a page's `FontFace` under a family name the badge uses, one
 * per digit by `unicode-range`, is fetched only if that digit is drawn in it), and its host's
 * size (`getBoundingClientRect`, ResizeObserver), which must not tell its state or its number
 * of digits.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { jsonReply } from '../sandbox/scenarios';
import { badge } from './badge-probe';
import { watchErrors } from './browser';
import { badgeSessionPerFile } from './badge-session';
import { FIND_BADGE_HOSTS, LINKEDIN, ME } from './linkedin';
import { OptionsPage } from './pages';
import { writeExtensionStorage } from './worker';

const suite = badgeSessionPerFile();

/** The own profile, with `initScript` run in the page before anything else, once it shows `label`. */
async function ownProfile(label: string, initScript?: string): Promise<{ page: Page; errors: string[] }> {
  const page = await suite().session.context.newPage();
  const errors = watchErrors(page);
  // Fonts the page asks for (SHADOWING_FONTS) arrive, empty: a face in use is fetched all the
  // same, and its status leaves 'unloaded'.
  await page.route(`${LINKEDIN}/fonts/**`, (route) => route.fulfill({ status: 200, body: '' }));
  if (initScript) await page.addInitScript(initScript);
  await page.goto(`${LINKEDIN}/in/${ME.slug}/`);
  await expect.poll(() => badge(page).text('.ssi-pill__label'), { timeout: 15_000 }).toBe(label);
  return { page, errors };
}

/** Opens the card with the user's click and waits until it shows. */
async function openCard(page: Page): Promise<void> {
  await badge(page).click('.ssi-pill');
  await expect.poll(() => badge(page).isVisible('[role="dialog"]')).toBe(true);
}

/**
 * A page script, run before anything else: a `FontFace` for each digit (its `unicode-range`)
 * under each of `families`, and a control, a family of the page's own in which it draws "42"
 * itself. `window.__faces` holds them all.
 */
const SHADOWING_FONTS = (families: string[]) => `(() => {
  const faces = (window.__faces = []);
  for (const family of [...${JSON.stringify(families)}, 'page-control']) {
    for (let digit = 0; digit < 10; digit++) {
      const face = new FontFace(family, 'url(/fonts/' + encodeURIComponent(family) + '-' + digit + '.woff2)', {
        unicodeRange: 'U+' + (0x30 + digit).toString(16),
      });
      document.fonts.add(face);
      faces.push(face);
    }
  }
  addEventListener('DOMContentLoaded', () => {
    const control = document.createElement('p');
    control.style.fontFamily = 'page-control';
    control.textContent = '42';
    document.body.append(control);
  });
})();`;

/** Family names a page would try: those of the common system font stacks. */
const COMMON_FAMILIES = [
  '-apple-system',
  'BlinkMacSystemFont',
  'system-ui',
  'sans-serif',
  'Segoe UI',
  'Roboto',
  'Helvetica Neue',
  'Helvetica',
  'Arial',
  'Noto Sans',
  'Ubuntu',
  'Cantarell',
  'DejaVu Sans',
  'Liberation Sans',
];

describe('Hostile page scripts', () => {
  it('cannot tell which digits it draws by shadowing the fonts it names', async () => {
    // The families the badge's computed style names, for every element and every drawn word.
    const first = await ownProfile(`SSI ${suite().score}`);
    await openCard(first.page);
    const named = await badge(first.page).evaluate((root) =>
      [...root.querySelectorAll('*')].flatMap((element) =>
        [getComputedStyle(element), getComputedStyle(element, '::before')].flatMap((style) =>
          style.fontFamily.split(',').map((family) => family.trim().replace(/^["']|["']$/g, '')),
        ),
      ),
    );
    expect(named!.length).toBeGreaterThan(0);
    await first.page.close();

    const families = [...new Set([...named!, ...COMMON_FAMILIES])];
    const { page, errors } = await ownProfile(`SSI ${suite().score}`, SHADOWING_FONTS(families));
    await openCard(page);
    await page.waitForTimeout(500);

    const used = await page.evaluate(() =>
      (window as unknown as { __faces: FontFace[] }).__faces
        .filter((face) => face.status !== 'unloaded')
        .map((face) => `${face.family} ${face.unicodeRange}`),
    );
    // The page's own "42" in its own family: the detector works; nothing of the badge's shows.
    expect(used).toEqual(['page-control U+32', 'page-control U+34']);
    expect(errors).toEqual([]);
  });

  it("cannot tell its state or its number of digits from its host's size, with the card open or not", async () => {
    const { sandbox, session, reading } = suite();
    /** The host's size as the page measures it, with the card closed and then open. */
    const measure = async (label: string) => {
      const { page } = await ownProfile(label);
      const size = `(() => {
        const { width, height } = ${FIND_BADGE_HOSTS}[0].getBoundingClientRect();
        return width + ' x ' + height;
      })()`;
      const closed = await page.evaluate(size);
      await openCard(page);
      const open = await page.evaluate(size);
      await page.close();
      return { label, closed, open };
    };
    /** The sandbox answers `reply` from now on, and the next page asks the API afresh. */
    const answer = async (reply: ReturnType<typeof jsonReply>) => {
      sandbox.setSsiReply(reply);
      await writeExtensionStorage(session, { ssiCache: {} });
    };
    const withOverall = (overall: number) => {
      // The widest change the pill shows, too.
      const industry = { ...reading.industry, change: -12.5 };
      return {
        ...reading,
        memberScore: { ...reading.memberScore, overall },
        industry,
        groupScore: [industry, reading.network],
      };
    };

    const sizes = [];
    for (const overall of [9, 42, 100]) {
      await answer(jsonReply(200, withOverall(overall)));
      sizes.push(await measure(`SSI ${overall}`));
    }
    // Failures last: after one, the worker waits a minute before it asks by itself again.
    await answer(jsonReply(401, { success: false, message: 'Invalid API key' }));
    sizes.push(await measure('SSI: !'));
    const options = await OptionsPage.open(session);
    await options.page.getByRole('button', { name: 'Remove saved key' }).click();
    await options.page.getByText('The API key was removed.').waitFor();
    await options.page.close();
    sizes.push(await measure('SSI: set up'));
    sandbox.setSsiReply(null);

    const [one] = sizes;
    expect(one!.closed).toMatch(/^[1-9][\d.]* x [1-9][\d.]*$/);
    for (const seen of sizes)
      expect(seen).toEqual({ label: seen.label, closed: one!.closed, open: one!.closed });
  });
});
