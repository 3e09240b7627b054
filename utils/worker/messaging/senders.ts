/**
 * Who sent a message, decided only from what the browser itself puts on `sender` (id, url,
 * origin, tab, frame), never from anything inside the message.
 */
import type { SenderKind } from '../../messaging/protocol';

/** The parts of `runtime.MessageSender` the decision reads. */
export interface SenderFacts {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export interface ExtensionIdentity {
  /** `browser.runtime.id`. */
  id: string;
  /** `browser.runtime.getURL('/')` without the trailing slash, e.g. `chrome-extension://abc`. */
  origin: string;
}

/** LinkedIn's web origin; its subdomains and other hosts are not trusted. */
export const LINKEDIN_ORIGIN = 'https://www.linkedin.com';

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    // Some URL implementations (Node's among them) give extension URLs an opaque "null" origin.
    return parsed.origin !== 'null'
      ? parsed.origin
      : parsed.host
        ? `${parsed.protocol}//${parsed.host}`
        : null;
  } catch {
    return null;
  }
}

/**
 * Classifies a sender. `extension-page`: one of this extension's own pages (popup, options,
 * also when opened in a tab). `linkedin-tab`: this extension's content script in
 * the top frame of a `https://www.linkedin.com` tab. Anything else (another extension, a web
 * page, a subframe, another site) is `null`: untrusted.
 */
export function classifySender(sender: SenderFacts, self: ExtensionIdentity): SenderKind | null {
  if (sender.id !== self.id) return null;
  const origin = sender.origin ?? originOf(sender.url);
  if (origin === null) return null;
  if (origin === self.origin && originOf(sender.url) === self.origin) return 'extension-page';
  if (
    origin === LINKEDIN_ORIGIN &&
    originOf(sender.url) === LINKEDIN_ORIGIN &&
    sender.frameId === 0 &&
    typeof sender.tab?.id === 'number' &&
    sender.tab.id >= 0
  ) {
    return 'linkedin-tab';
  }
  return null;
}
