/**
 * Decides, page by page, whether the current LinkedIn page is the account's own profile, and
 * keeps exactly one badge there. Started by the gate on the first profile URL, it then follows
 * every navigation, waits (bounded) for the new page's markup, and ties every listener,
 * observer and timer to the script's life so an extension update leaves nothing behind.
 */
import { browser } from 'wxt/browser';
import { badgeModel } from '@/utils/linkedin/badge-model';
import {
  badgeAnchor,
  decideOwnership,
  profileIdFromUrn,
  readPageIdentity,
  topCardIds,
  type PageIdentity,
} from '@/utils/linkedin/identity';
import { profileSlugFromUrl } from '@/utils/linkedin/profile-url';
import { PROFILE_ROOT } from '@/utils/linkedin/selectors';
import { sendMessage } from '@/utils/messaging/client';
import type { BadgeState } from '@/utils/messaging/protocol';
import type { Badge } from './gate';
import type { Cancel, ScriptLife } from './life';
import { mountShadowUi, type ShadowUi } from './shadow-ui';
import css from './style.css?inline';
import { pageTheme } from './theme';
import { renderBadge, trusted, type BadgeView } from './view';

/** How long to wait for a profile's markup after a navigation before giving up. */
export const MARKUP_WAIT_MS = 10_000;
/** How often a mounted badge checks that its extension is still there. */
const WATCHDOG_MS = 2_000;
/** The attribute that marks the badge's host element: how the extension and its tests find it. */
export const BADGE_MARKER = 'data-ssi-badge';

interface Mounted {
  ui: ShadowUi<BadgeView>;
  slug: string;
  anchor: Element | null;
}

type Decision = { kind: 'mount'; anchor: Element | null } | { kind: 'wait'; own: boolean } | { kind: 'none' };

/** What the badge should do on the page at `slug` for `state`. */
function decide(state: BadgeState, slug: string, page: PageIdentity): Decision {
  const account = { profileId: profileIdFromUrn(state.account.profileUrn), publicId: state.account.publicId };
  let ownership = decideOwnership(slug, page, account);
  // Without a score there is nothing of anyone's to show, only "set up" or "!": the page's own
  // profile controls are then enough to place it on the viewer's own profile.
  if (ownership === 'unknown' && !state.view.snapshot && page.ownHints) ownership = 'own';
  if (ownership === 'other') return { kind: 'none' };
  if (ownership === 'unknown') return { kind: 'wait', own: false };
  const anchor = badgeAnchor(page);
  return anchor ? { kind: 'mount', anchor } : { kind: 'wait', own: true };
}

/** Starts the badge for the page at hand; the gate tells it of every page after that. */
export function startBadge(life: ScriptLife): Badge {
  // The extension was removed or updated before this page became a profile: nothing to do.
  if (life.ended) return { visit() {} };
  let generation = 0;
  let slug: string | null = null;
  let staleIds: ReadonlySet<string> = new Set();
  /** Whether this badge has been at a profile URL yet (see `onLocation`). */
  let seenProfile = false;
  let state: BadgeState | null = null;
  let mounted: Mounted | null = null;
  let observer: MutationObserver | null = null;
  let giveUp: Cancel | undefined;
  let watchdog: Cancel | undefined;

  function stopWatching() {
    observer?.disconnect();
    observer = null;
    giveUp?.();
    giveUp = undefined;
  }

  function unmount() {
    mounted?.ui.remove();
    mounted = null;
    watchdog?.();
    watchdog = undefined;
  }

  function mount(at: string, anchor: Element | null, current: BadgeState, gen: number) {
    if (mounted && mounted.slug === at && mounted.anchor === anchor && anchor?.isConnected !== false) {
      mounted.ui.mounted?.update(badgeModel(current, Date.now()));
      return;
    }
    unmount();
    const ui = mountShadowUi<BadgeView>({
      marker: BADGE_MARKER,
      anchor,
      css,
      onMount(container, host) {
        host.dataset.theme = pageTheme(document);
        if (!anchor) host.dataset.corner = '';
        return renderBadge(container, {
          refresh: () => void load(true),
          openSettings: () => void sendMessage('view:open', { page: 'settings' }),
          openFullView: () => void sendMessage('view:open', { page: 'full-view' }),
        });
      },
    });
    ui.mounted?.update(badgeModel(current, Date.now()));
    mounted = { ui, slug: at, anchor };
    // While a badge is on screen, look every few seconds: an extension update or reload does
    // not tell old content scripts (life.setInterval checks the extension before each tick, and
    // an ended life runs onEnd, which removes the badge); and LinkedIn may re-render the top
    // card, taking the badge with it: then decide and place it again.
    watchdog = life.setInterval(() => {
      if (mounted && !mounted.ui.host.isConnected && gen === generation) {
        unmount();
        watch(gen);
      }
    }, WATCHDOG_MS);
  }

  /** Checks the page now; true when nothing more needs watching. */
  function check(gen: number): boolean {
    if (gen !== generation || !slug || !state) return true;
    const decision = decide(state, slug, readPageIdentity(document, slug, staleIds));
    if (decision.kind === 'wait') return false;
    if (decision.kind === 'none') unmount();
    else mount(slug, decision.anchor, state, gen);
    return true;
  }

  /** Re-checks on every change under the profile's root until decided or out of time. */
  function watch(gen: number) {
    stopWatching();
    if (check(gen)) return;
    let scheduled = false;
    observer = new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      life.requestAnimationFrame(() => {
        scheduled = false;
        if (check(gen)) stopWatching();
      });
    });
    // The profile root's parent: LinkedIn may swap the root itself when the new page arrives.
    const root = document.querySelector(PROFILE_ROOT)?.parentElement ?? document.body;
    observer.observe(root, { childList: true, subtree: true });
    giveUp = life.setTimeout(() => {
      stopWatching();
      if (gen !== generation || !slug || !state) return;
      // Our own profile, recognised from the URL, but no name to sit beside: use the corner.
      const final = decide(state, slug, readPageIdentity(document, slug, staleIds));
      if (final.kind === 'wait' && final.own) mount(slug, null, state, gen);
    }, MARKUP_WAIT_MS);
  }

  async function load(refresh: boolean) {
    const gen = generation;
    const reply = await sendMessage('badge:get', { refresh });
    if (gen !== generation || life.ended) return;
    if (!reply.ok || !reply.value.show) {
      // No answer means no verified data: show nothing rather than something unverified.
      state = null;
      stopWatching();
      unmount();
      return;
    }
    state = reply.value;
    watch(gen);
  }

  function onLocation(href: string, navigated: boolean) {
    const next = profileSlugFromUrl(href);
    generation++;
    stopWatching();
    if (!next) {
      slug = null;
      unmount();
      return;
    }
    if (next !== slug) {
      unmount();
      // Markup of the profile we are leaving can linger until the new one arrives. Not before
      // the first profile: the gate starts the badge on the page's first profile URL, so there
      // is no earlier profile to linger, while this one may be drawn already by the time the
      // badge's code arrives (imported after an in-app navigation).
      staleIds = navigated && seenProfile ? topCardIds(document) : new Set();
    }
    seenProfile = true;
    slug = next;
    void load(false);
  }

  // The user's own clicks and keys only (`trusted`): a page script cannot work the card.
  life.listen(
    document,
    'click',
    trusted((event) => {
      if (mounted && !event.composedPath().includes(mounted.ui.host)) mounted.ui.mounted?.close();
    }),
  );
  life.listen<Document, KeyboardEvent>(
    document,
    'keydown',
    trusted((event) => {
      if (event.key === 'Escape') mounted?.ui.mounted?.close();
    }),
  );

  const onNotice = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    // Only the service worker (this extension, no tab) may tell us to look again.
    if (sender.id !== browser.runtime.id || sender.tab) return;
    if ((message as { type?: unknown })?.type === 'badge:changed' && slug) void load(false);
  };
  browser.runtime.onMessage.addListener(onNotice);
  life.onEnd(() => {
    // The runtime may be gone with the extension: nothing of it to unregister then.
    browser.runtime?.onMessage.removeListener(onNotice);
    stopWatching();
    unmount();
  });

  return {
    visit(href, navigated) {
      if (!life.ended) onLocation(href, navigated);
    },
  };
}
