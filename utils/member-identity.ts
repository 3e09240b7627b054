/**
 * How a LinkedIn member is named, compared alike by the content scripts (on the page) and the
 * service worker (among the key's accounts): the `/in/<slug>/` slug and the fsd profile ID.
 */

/** The slug LinkedIn uses for "my own profile"; it names no account by itself. */
export const ME_SLUG = 'me';

/** A slug as compared: URL-decoded when it decodes, trimmed, lower case. */
export function normaliseSlug(slug: string): string | null {
  let decoded = slug;
  try {
    decoded = decodeURIComponent(slug);
  } catch {
    // A malformed escape: compare the raw text.
  }
  const clean = decoded.trim().toLowerCase();
  return clean ? clean : null;
}

const FSD_PROFILE = /^urn:li:fsd_profile:([A-Za-z0-9_-]+)$/;

/** The ID inside `urn:li:fsd_profile:<ID>`, or null. */
export function profileIdFromUrn(urn: string | null | undefined): string | null {
  return (urn && FSD_PROFILE.exec(urn)?.[1]) || null;
}
