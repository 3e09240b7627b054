/**
 * Every LinkedIn selector the extension relies on, with where it was seen. Class names are
 * generated and change often, so these anchor on URLs, `href` patterns, ARIA labels and
 * stable attributes only; each with the LinkedIn URLs it was seen on.
 */

/**
 * The profile top card of the SDUI profile page, e.g.
 * `componentkey="com.linkedin.sdui.profile.card.refACoAAB1x2y3z4QTopcard"`.
 * Seen on https://www.linkedin.com/in/<slug>/ (2026 profile pages). Also appears as an `id`.
 */
export const TOP_CARD = '[componentkey$="Topcard"], [id$="Topcard"]';

/** Pulls the fsd profile id out of a top card key: `...card.ref<ID>Topcard` → `<ID>`. */
export const TOP_CARD_ID = /profile\.card\.ref([A-Za-z0-9_-]+?)Topcard$/;

/**
 * JSON blobs of older profile pages (`<code>` elements whose text holds `included[]` items
 * with `entityUrn: "urn:li:fsd_profile:<ID>"` and `publicIdentifier`). Seen on
 * https://www.linkedin.com/in/<slug>/ (Voyager-era pages). Blobs of the first page loaded
 * stay in the DOM after in-app navigation: only an item whose `publicIdentifier` equals the
 * URL's slug says who the page is about.
 */
export const DATA_BLOB = 'code';

/** The profile's name in the top card: where the badge goes. */
export const TOP_CARD_NAME = 'h1';

/**
 * Own-profile hints (secondary only: they never decide an SSI is shown, only that a
 * "set up" badge may be): the top card's edit link, e.g. `/in/<slug>/edit/intro/`, and the
 * "Add profile section" / "Enhance profile" controls. Others' profiles show Connect /
 * Message / Follow instead.
 */
export const OWN_PROFILE_HINTS = [
  'a[href*="/edit/intro"]',
  'a[href*="/edit/forms/intro"]',
  'button[aria-label^="Add profile section" i]',
  'button[aria-label^="Enhance profile" i]',
].join(', ');
