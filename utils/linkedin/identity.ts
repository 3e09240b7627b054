/**
 * Who a LinkedIn profile page is about, read from its markup, and whether that is the
 * account whose SSI the extension shows. Pure DOM reading: no observers, no timers.
 */
import { normaliseSlug, ME_SLUG } from './profile-url';
import { DATA_BLOB, OWN_PROFILE_HINTS, TOP_CARD, TOP_CARD_ID, TOP_CARD_NAME } from './selectors';

/** What the page says about the profile it shows. */
export interface PageIdentity {
  /** The fsd profile id of the profile the page is about, when tied to the current URL. */
  profileId: string | null;
  /** The visible top card of that profile, where the badge can anchor. */
  topCard: Element | null;
  /** The visible top card shows own-profile controls (edit link, "Add profile section"). */
  ownHints: boolean;
}

/** The account the extension shows: its LinkedIn identity as the API gave it. */
export interface AccountIdentity {
  /** The fsd profile id from the API's `profileUrn`. */
  profileId: string | null;
  /** The `/in/<publicId>/` slug from `/linkedin/accounts`. */
  publicId: string | null;
}

export type Ownership = 'own' | 'other' | 'unknown';

import { profileIdFromUrn } from '../member-identity';

export { profileIdFromUrn };

/** Whether the element is rendered: LinkedIn keeps hidden duplicates of some elements. */
export function isVisible(element: Element): boolean {
  if (typeof element.checkVisibility === 'function') {
    return element.checkVisibility({ visibilityProperty: true, opacityProperty: false });
  }
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return false;
    const style = node.ownerDocument.defaultView?.getComputedStyle(node);
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

function topCardId(card: Element): string | null {
  const key = card.getAttribute('componentkey') ?? card.id;
  return TOP_CARD_ID.exec(key)?.[1] ?? null;
}

/** Whether the card links to the profile at `slug` (its edit or contact-info links do). */
function linksToSlug(card: Element, slug: string): boolean {
  for (const link of card.querySelectorAll('a[href*="/in/"]')) {
    const match = /\/in\/([^/?#]+)/.exec(link.getAttribute('href') ?? '');
    if (match?.[1] && normaliseSlug(match[1]) === slug) return true;
  }
  return false;
}

interface BlobItem {
  entityUrn?: unknown;
  publicIdentifier?: unknown;
}

/** The fsd id of the entity whose `publicIdentifier` is `slug`, from the page's JSON blobs. */
function profileIdFromBlobs(doc: Document, slug: string): string | null {
  for (const blob of doc.querySelectorAll(DATA_BLOB)) {
    const text = blob.textContent ?? '';
    if (text.length > 4_000_000 || !text.toLowerCase().includes(slug)) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    const included = (data as { included?: unknown })?.included;
    if (!Array.isArray(included)) continue;
    for (const item of included as BlobItem[]) {
      if (typeof item?.publicIdentifier !== 'string' || typeof item.entityUrn !== 'string') continue;
      if (normaliseSlug(item.publicIdentifier) !== slug) continue;
      const id = profileIdFromUrn(item.entityUrn);
      if (id) return id;
    }
  }
  return null;
}

/**
 * Reads who the page at `slug` is about. A top card counts when it is visible and either links
 * to `slug` or was not on the page before this navigation (`staleIds`: the ids of the cards of
 * the previous page, whose markup can linger). JSON blobs count only for the entity whose
 * `publicIdentifier` equals `slug`. For `/in/me/`, only a fresh visible top card counts.
 */
export function readPageIdentity(doc: Document, slug: string, staleIds: ReadonlySet<string>): PageIdentity {
  const cards = [...doc.querySelectorAll(TOP_CARD)].filter(
    (card) => topCardId(card) !== null && isVisible(card),
  );
  const tied = slug !== ME_SLUG ? cards.find((card) => linksToSlug(card, slug)) : undefined;
  const fresh = cards.find((card) => !staleIds.has(topCardId(card)!));
  const topCard = tied ?? fresh ?? null;
  let profileId = topCard ? topCardId(topCard) : null;
  if (!profileId && slug !== ME_SLUG) profileId = profileIdFromBlobs(doc, slug);
  return { profileId, topCard, ownHints: Boolean(topCard?.querySelector(OWN_PROFILE_HINTS)) };
}

/** The ids of every top card now in the page: what a navigation leaves behind. */
export function topCardIds(doc: Document): Set<string> {
  const ids = new Set<string>();
  for (const card of doc.querySelectorAll(TOP_CARD)) {
    const id = topCardId(card);
    if (id) ids.add(id);
  }
  return ids;
}

/**
 * Whether the page at `slug` is the account's own profile. The fsd profile ids decide when both
 * are known; else the URL's slug against the account's publicId; else "unknown" (wait for
 * markup). Names never decide.
 */
export function decideOwnership(slug: string, page: PageIdentity, account: AccountIdentity): Ownership {
  if (page.profileId && account.profileId) return page.profileId === account.profileId ? 'own' : 'other';
  const publicId = account.publicId ? normaliseSlug(account.publicId) : null;
  if (publicId && slug !== ME_SLUG) return slug === publicId ? 'own' : 'other';
  return 'unknown';
}

/** Where the badge goes: the visible name heading of the top card, if there is one. */
export function badgeAnchor(page: PageIdentity): Element | null {
  const heading = page.topCard?.querySelector(TOP_CARD_NAME);
  return heading && isVisible(heading) ? heading : null;
}
