/** Reading LinkedIn profile URLs: which profile a location is about. */

/** The slug LinkedIn uses for "my own profile"; it names no account by itself. */
export const ME_SLUG = 'me';

const PROFILE_PATH = /^\/in\/([^/?#]+)(?:\/|$)/;

/**
 * The profile slug of a LinkedIn URL, normalised for comparison (URL-decoded, lower case),
 * or null when the URL is not a profile on `www.linkedin.com`. `/in/<slug>/details/...` and
 * other sub-pages count as the profile; `/in/me/` gives {@link ME_SLUG}.
 */
export function profileSlugFromUrl(url: string | URL): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname !== 'www.linkedin.com') return null;
  const match = PROFILE_PATH.exec(parsed.pathname);
  if (!match?.[1]) return null;
  return normaliseSlug(match[1]);
}

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
