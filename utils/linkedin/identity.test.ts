// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  blobOnlyProfilePage,
  feedPage,
  profileMain,
  profilePage,
  topCard,
  type Person,
} from '../../e2e/fixtures/linkedin';
import {
  badgeAnchor,
  decideOwnership,
  profileIdFromUrn,
  readPageIdentity,
  topCardIds,
  type AccountIdentity,
} from './identity';
import { profileSlugFromUrl } from './profile-url';

const ME: Person = { slug: 'ada-lovelace-sales', profileId: 'ACoAAB1x2y3z4Q', name: 'Ada Lovelace' };
const OTHER: Person = { slug: 'grace-hopper-42', profileId: 'ACoAAC9hGr4cEH', name: 'Ada Lovelace' }; // same name on purpose
const ACCOUNT: AccountIdentity = { profileId: ME.profileId, publicId: ME.slug };
const BY_URN_ONLY: AccountIdentity = { profileId: ME.profileId, publicId: null };
const BY_SLUG_ONLY: AccountIdentity = { profileId: null, publicId: ME.slug };
const NOTHING: AccountIdentity = { profileId: null, publicId: null };

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** The document after an in-app navigation: the old page's blobs stay, `<main>` is replaced. */
function navigated(from: string, main: string): Document {
  const doc = parse(from);
  const next = parse(`<!doctype html><body>${main}</body>`).querySelector('main')!;
  doc.querySelector('main')!.replaceWith(doc.importNode(next, true));
  return doc;
}

function ownership(
  doc: Document,
  url: string,
  account: AccountIdentity,
  stale: ReadonlySet<string> = new Set(),
) {
  const slug = profileSlugFromUrl(url)!;
  return decideOwnership(slug, readPageIdentity(doc, slug, stale), account);
}

describe('profileSlugFromUrl', () => {
  it.each([
    ['https://www.linkedin.com/in/ada-lovelace-sales/', 'ada-lovelace-sales'],
    ['https://www.linkedin.com/in/ada-lovelace-sales', 'ada-lovelace-sales'],
    ['https://www.linkedin.com/in/Ada-Lovelace-Sales/', 'ada-lovelace-sales'],
    ['https://www.linkedin.com/in/ada-lovelace-sales/details/experience/', 'ada-lovelace-sales'],
    ['https://www.linkedin.com/in/ada-lovelace-sales/?originalSubdomain=uk', 'ada-lovelace-sales'],
    ['https://www.linkedin.com/in/%C3%A9milie-durand/', 'émilie-durand'],
    ['https://www.linkedin.com/in/%E2%9C%93bad%ZZ/', '%e2%9c%93bad%zz'],
    ['https://www.linkedin.com/in/me/', 'me'],
    ['https://www.linkedin.com/in/ada-lovelace-sales#about', 'ada-lovelace-sales'],
  ])('reads %s as %s', (url, slug) => {
    expect(profileSlugFromUrl(url)).toBe(slug);
  });

  it.each([
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/search/results/people/?keywords=ada',
    'https://www.linkedin.com/messaging/thread/123/',
    'https://www.linkedin.com/company/acme/',
    'https://www.linkedin.com/in/',
    'https://linkedin.com/in/ada-lovelace-sales/',
    'https://www.linkedin.com.evil.example/in/ada-lovelace-sales/',
    'http://www.linkedin.com/in/ada-lovelace-sales/',
    'https://www.linkedin.com@evil.example/in/ada-lovelace-sales/',
    'https://evil.example/?https://www.linkedin.com/in/ada-lovelace-sales/',
    'https://www.linkedin.com/feed/?next=/in/ada-lovelace-sales/',
    'not a url',
  ])('finds no profile in %s', (url) => {
    expect(profileSlugFromUrl(url)).toBeNull();
  });
});

describe('profileIdFromUrn', () => {
  it.each([
    ['urn:li:fsd_profile:ACoAAB1x2y3z4Q', 'ACoAAB1x2y3z4Q'],
    ['urn:li:fs_profile:ACoAAB1x2y3z4Q', null],
    ['urn:li:fsd_profile:', null],
    [null, null],
  ])('%s → %s', (urn, id) => {
    expect(profileIdFromUrn(urn)).toBe(id);
  });
});

describe('own profile or not', () => {
  it('recognises the account on its own profile by the top card id', () => {
    const doc = parse(profilePage({ viewer: ME, profile: ME }));
    expect(ownership(doc, `https://www.linkedin.com/in/${ME.slug}/`, BY_URN_ONLY)).toBe('own');
  });

  it("says other on someone else's profile, although the viewer's id is all over the page", () => {
    const doc = parse(profilePage({ viewer: ME, profile: OTHER }));
    expect(doc.body.textContent).toContain(ME.name);
    expect(doc.querySelector(`[componentkey*="${ME.profileId}"]`)).not.toBeNull();
    expect(ownership(doc, `https://www.linkedin.com/in/${OTHER.slug}/`, BY_URN_ONLY)).toBe('other');
    expect(ownership(doc, `https://www.linkedin.com/in/${OTHER.slug}/`, ACCOUNT)).toBe('other');
  });

  it('never decides by the displayed name', () => {
    const twin: Person = { ...OTHER, name: ME.name };
    const doc = parse(profilePage({ viewer: ME, profile: twin }));
    expect(ownership(doc, `https://www.linkedin.com/in/${twin.slug}/`, BY_URN_ONLY)).toBe('other');
  });

  it('handles /in/me/ by the fresh top card, not by the slug', () => {
    const own = parse(profilePage({ viewer: ME, profile: ME }));
    expect(ownership(own, 'https://www.linkedin.com/in/me/', BY_URN_ONLY)).toBe('own');
    // The viewer may not be the configured account (agencies manage several).
    expect(
      ownership(own, 'https://www.linkedin.com/in/me/', { profileId: OTHER.profileId, publicId: OTHER.slug }),
    ).toBe('other');
    expect(ownership(parse(feedPage(ME)), 'https://www.linkedin.com/in/me/', BY_SLUG_ONLY)).toBe('unknown');
  });

  it('reads sub-pages and odd casing of the slug as the profile', () => {
    const doc = parse(profilePage({ viewer: ME, profile: ME }));
    expect(ownership(doc, `https://www.linkedin.com/in/ADA-Lovelace-SALES/details/skills/`, ACCOUNT)).toBe(
      'own',
    );
  });

  it('compares URL-encoded slugs decoded', () => {
    const emilie: Person = { slug: 'émilie-durand', profileId: 'ACoAAE1m1l1e', name: 'Émilie Durand' };
    const doc = parse(profilePage({ viewer: emilie, profile: emilie }));
    const account = { profileId: null, publicId: 'émilie-durand' };
    expect(ownership(doc, 'https://www.linkedin.com/in/%C3%A9milie-durand/', account)).toBe('own');
  });

  it('anchors to the visible top card when a hidden duplicate exists', () => {
    const doc = parse(
      profilePage({
        viewer: ME,
        profile: ME,
        cards: [
          topCard(OTHER, { own: false, hidden: true }),
          topCard(ME, { own: true }),
          topCard(ME, { own: true, hidden: true }),
        ],
      }),
    );
    const slug = ME.slug;
    const page = readPageIdentity(doc, slug, new Set());
    expect(page.profileId).toBe(ME.profileId);
    expect(decideOwnership(slug, page, BY_URN_ONLY)).toBe('own');
    const anchor = badgeAnchor(page)!;
    expect(anchor.textContent).toBe(ME.name);
    expect(anchor.closest('section')!.getAttribute('style')).toBeNull();
  });

  it('ignores hidden top cards altogether', () => {
    const doc = parse(
      profilePage({ viewer: ME, profile: ME, cards: [topCard(ME, { own: true, hidden: true })] }),
    );
    const page = readPageIdentity(doc, ME.slug, new Set());
    expect(page.topCard).toBeNull();
    expect(badgeAnchor(page)).toBeNull();
  });

  it('reads the id from an `id` attribute too', () => {
    const doc = parse(
      profilePage({ viewer: ME, profile: ME, cards: [topCard(ME, { own: true, asId: true })] }),
    );
    expect(readPageIdentity(doc, ME.slug, new Set()).profileId).toBe(ME.profileId);
  });

  it('reads older pages from the blob entity whose publicIdentifier is the slug', () => {
    const own = parse(blobOnlyProfilePage(ME, ME));
    expect(readPageIdentity(own, ME.slug, new Set()).profileId).toBe(ME.profileId);
    expect(ownership(own, `https://www.linkedin.com/in/${ME.slug}/`, BY_URN_ONLY)).toBe('own');
    const other = parse(blobOnlyProfilePage(ME, OTHER));
    expect(ownership(other, `https://www.linkedin.com/in/${OTHER.slug}/`, BY_URN_ONLY)).toBe('other');
  });

  it('does not trust blobs left by the first page after an in-app navigation', () => {
    // Loaded on the own profile, then navigated to a profile whose markup has not arrived yet.
    const first = profilePage({ viewer: ME, profile: ME });
    const doc = navigated(first, '<main id="workspace"><div class="skeleton"></div></main>');
    const stale = topCardIds(parse(first));
    const url = `https://www.linkedin.com/in/${OTHER.slug}/`;
    expect(readPageIdentity(doc, OTHER.slug, stale).profileId).toBeNull();
    expect(ownership(doc, url, BY_URN_ONLY, stale)).toBe('unknown');
  });

  it("does not act on the previous page's top card while the new one loads", () => {
    // The own profile's card lingers; the URL already names someone else.
    const doc = parse(
      profilePage({ viewer: ME, profile: ME, cards: [topCard(ME, { own: true, noSlugLinks: true })] }),
    );
    const stale = topCardIds(doc);
    expect(ownership(doc, `https://www.linkedin.com/in/${OTHER.slug}/`, BY_URN_ONLY, stale)).toBe('unknown');
    // Once the new card arrives, it decides.
    const arrived = navigated(
      profilePage({ viewer: ME, profile: ME }),
      profileMain({ viewer: ME, profile: OTHER, cards: [topCard(OTHER, { own: false, noSlugLinks: true })] }),
    );
    expect(ownership(arrived, `https://www.linkedin.com/in/${OTHER.slug}/`, BY_URN_ONLY, stale)).toBe(
      'other',
    );
  });

  it('is unknown on a page with no markers at all, unless the slug names the account', () => {
    const doc = parse('<!doctype html><html><body><main></main></body></html>');
    const url = `https://www.linkedin.com/in/${ME.slug}/`;
    expect(ownership(doc, url, BY_URN_ONLY)).toBe('unknown');
    expect(ownership(doc, url, NOTHING)).toBe('unknown');
    expect(ownership(doc, url, BY_SLUG_ONLY)).toBe('own');
    expect(ownership(doc, `https://www.linkedin.com/in/${OTHER.slug}/`, BY_SLUG_ONLY)).toBe('other');
  });

  it('lets the fsd ids win over the slug when both are known', () => {
    const doc = parse(profilePage({ viewer: ME, profile: OTHER }));
    // A stale publicId equal to the URL's slug must not outvote the page's id.
    const account = { profileId: ME.profileId, publicId: OTHER.slug };
    expect(ownership(doc, `https://www.linkedin.com/in/${OTHER.slug}/`, account)).toBe('other');
  });

  it('sees own-profile controls only in the top card of the own profile', () => {
    expect(
      readPageIdentity(parse(profilePage({ viewer: ME, profile: ME })), ME.slug, new Set()).ownHints,
    ).toBe(true);
    expect(
      readPageIdentity(parse(profilePage({ viewer: ME, profile: OTHER })), OTHER.slug, new Set()).ownHints,
    ).toBe(false);
  });
});
