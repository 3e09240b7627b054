/** Reading LinkedIn profile URLs: which profile a location is about. */

import { normaliseSlug } from '../member-identity';

export { ME_SLUG, normaliseSlug } from '../member-identity';

/**
 * A profile URL as the browser serializes it (`location.href`, the Navigation API's entries):
 * scheme and host lower case, no default port, no user info. Read as text, not with `URL`:
 * this runs on every LinkedIn page, where a content script's first `URL` object costs time.
 */
const PROFILE_HREF = /^https:\/\/www\.linkedin\.com\/in\/([^/?#]+)(?:[/?#]|$)/;

/**
 * The profile slug of a LinkedIn URL, normalised for comparison (URL-decoded, lower case),
 * or null when the URL is not a profile on `www.linkedin.com`. `/in/<slug>/details/...` and
 * other sub-pages count as the profile; `/in/me/` gives {@link ME_SLUG}. `href` is a URL as the
 * browser serializes it; anything else reads as no profile.
 */
export function profileSlugFromUrl(href: string): string | null {
  const match = PROFILE_HREF.exec(href);
  return match?.[1] ? normaliseSlug(match[1]) : null;
}
