/**
 * Decides, page by page, whether the current LinkedIn page is the account's own profile, and
 * keeps exactly one badge there. Started by the gate on the first profile URL, it then follows
 * every navigation, waits (bounded) for the new page's markup, and ties every listener,
 * observer and timer to the script's life so an extension update leaves nothing behind.
 */
import { browser } from 'wxt/browser';
import { profileBadgeModel } from '@/utils/linkedin/profile-badge-model';
import {
  badgeAnchor,
  decideOwnership,
  profileIdFromUrn,
  readPageIdentity,
  topCardIds,
  type PageIdentity,
} from '@/utils/linkedin/identity';
import { profileSlugFromUrl } from '@/utils/linkedin/profile-url';
import { sendMessage } from '@/utils/messaging/client';
import type { ProfileBadgeState } from '@/utils/messaging/protocol';
import type { Badge } from '@/utils/linkedin/profile-badge-loader';
import type { Cancel, ScriptLife } from '@/utils/linkedin/script-life';
import { mountShadowUi, type ShadowUi } from './shadow-ui';
import css from './style.css?inline';
import cornerCss from './corner.css?inline';
import { pageTheme } from './theme';
import { renderBadge, trusted, type ProfileBadgeUi } from './badge-ui';

/** How long to wait for a profile's markup after a navigation before deciding on what is there. */
export const MARKUP_WAIT_MS = 10_000;
/** How often a mounted badge checks that its extension is still there. */
const WATCHDOG_MS = 2_000;
/**
 * At most this many badges put back within `REMOUNT_WINDOW_MS`, per navigation: a page that
 * takes the host away as soon as it appears (its own MutationObserver) would otherwise keep the
 * badge and the page in a loop. Past it the badge gives up until the next navigation.
 */
export const MAX_REMOUNTS = 5;
export const REMOUNT_WINDOW_MS = 10_000;

interface Mounted {
  ui: ShadowUi<ProfileBadgeUi>;
  slug: string;
  anchor: Element | null;
}

type Decision = { kind: 'mount'; anchor: Element | null } | { kind: 'wait' } | { kind: 'none' };

/**
 * What the badge should do on the page at `slug` for `state`. While the wait lasts an undecided
 * page is waited on; at its end (`final`) what the page shows then is applied.
 */
function decide(state: ProfileBadgeState, slug: string, page: PageIdentity, final: boolean): Decision {
  const account = { profileId: profileIdFromUrn(state.account.profileUrn), publicId: state.account.publicId };
  let ownership = decideOwnership(slug, page, account);
  // Without a score there is nothing of anyone's to show, only "set up" or "!": the page's own
  // profile controls are then enough to place it on the viewer's own profile.
  if (ownership === 'unknown' && !state.ssi.snapshot && page.ownHints) ownership = 'own';
  if (ownership === 'other' || (ownership === 'unknown' && final)) return { kind: 'none' };
  if (ownership === 'unknown') return { kind: 'wait' };
  const anchor = badgeAnchor(page);
  // Our own profile with no name to sit beside by the end of the wait: the corner.
  return anchor || final ? { kind: 'mount', anchor } : { kind: 'wait' };
}

/**
 * Whether the host is where the badge put it: right after its anchor, or in the body for the
 * corner. A page that moves it (into a faded wrapper under the pointer, say) must not keep it.
 */
function inPlace(host: Element, anchor: Element | null): boolean {
  return anchor
    ? host.isConnected && host.previousElementSibling === anchor
    : host.parentElement === document.body;
}

/**
 * Calls `onChange` after each batch of changes anywhere in the document. The document, not
 * `<main>` or its parent: during an in-app navigation LinkedIn may replace any container up to
 * the whole app outlet (a skeleton without `<main>` in between), and an observer of a replaced
 * element sees nothing more.
 */
function observeDocument(onChange: () => void): MutationObserver {
  const observer = new MutationObserver(onChange);
  observer.observe(document, { childList: true, subtree: true });
  return observer;
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
  let state: ProfileBadgeState | null = null;
  /** The page's fsd profile ID as last told to the worker, and whether this navigation asked again. */
  let askedProfileId: string | null = null;
  let reasked = false;
  let mounted: Mounted | null = null;
  /** While a page is undecided: re-checks it, once per frame at most. */
  let watcher: MutationObserver | null = null;
  let frame: Cancel | undefined;
  let giveUp: Cancel | undefined;
  /** While a badge is mounted: notices it taken off the page. */
  let guard: MutationObserver | null = null;
  let watchdog: Cancel | undefined;
  /** When the badge was put back after the page took it away, this navigation (see MAX_REMOUNTS). */
  let remounts: number[] = [];
  /** Set when the page took the badge away too often: nothing is mounted until the next navigation. */
  let gaveUp = false;

  function stopWatching() {
    watcher?.disconnect();
    watcher = null;
    frame?.();
    frame = undefined;
    giveUp?.();
    giveUp = undefined;
  }

  function unmount() {
    guard?.disconnect();
    guard = null;
    mounted?.ui.mounted?.stop();
    mounted?.ui.remove();
    mounted = null;
    watchdog?.();
    watchdog = undefined;
  }

  function mount(at: string, anchor: Element | null, current: ProfileBadgeState) {
    if (mounted && mounted.slug === at && mounted.anchor === anchor && inPlace(mounted.ui.host, anchor)) {
      mounted.ui.mounted?.update(profileBadgeModel(current, Date.now()));
      return;
    }
    unmount();
    const ui = mountShadowUi<ProfileBadgeUi>({
      anchor,
      // The corner's layout is chosen in the shadow root's own CSS: nothing on the host says it.
      css: anchor ? css : css + cornerCss,
      onMount: (container) =>
        renderBadge(
          container,
          {
            refresh: () => void load(true),
            openSettings: () => void sendMessage('page:open', { page: 'settings' }),
            openDashboard: () => void sendMessage('page:open', { page: 'dashboard' }),
          },
          pageTheme(document),
        ),
    });
    ui.mounted?.update(profileBadgeModel(current, Date.now()));
    mounted = { ui, slug: at, anchor };
    // LinkedIn may re-render the top card (or any container) the badge sat in, taking the host
    // with it, and a page may move the host elsewhere: then decide and place it again, for the
    // page as it is now (a move within the same profile keeps this badge, and a newer
    // navigation's wait), unless the page has taken it too often (MAX_REMOUNTS).
    const lost = () => {
      if (mounted?.ui !== ui || inPlace(ui.host, anchor)) return;
      // The corner comes only at the end of a wait: unless a newer one runs, decide at once.
      const final = !anchor && !watcher;
      unmount();
      const now = Date.now();
      remounts = remounts.filter((at) => now - at < REMOUNT_WINDOW_MS);
      if (remounts.length >= MAX_REMOUNTS) {
        gaveUp = true;
        return;
      }
      remounts.push(now);
      watch(generation, final);
    };
    // Noticed within the frame it happens in, so the badge is back with the new card. Cheap on
    // purpose, unlike the wait's search of the page: a few reads of the host's own links (no
    // search) per batch of the page's mutations; the page is searched only once the host has
    // left its place.
    guard = observeDocument(lost);
    // An extension update or reload does not tell old content scripts: life.setInterval checks
    // the extension before each tick (an ended life runs onEnd, which removes the badge). The
    // tick itself repeats the guard's check.
    watchdog = life.setInterval(lost, WATCHDOG_MS);
  }

  /** Checks the page now (`final`: the wait is over); true when nothing more needs watching. */
  function check(gen: number, final = false): boolean {
    if (gen !== generation || !slug || !state) return true;
    const page = readPageIdentity(document, slug, staleIds);
    const decision = decide(state, slug, page, final);
    if (decision.kind === 'wait') return false;
    if (decision.kind === 'none' && page.profileId && page.profileId !== askedProfileId && !reasked) {
      // The page named its profile only after the ask (`/in/me/`, a slug unknown to the key's
      // list): it may be another account of the key. Asked once more per navigation.
      reasked = true;
      unmount();
      void load(false);
      return true;
    }
    if (decision.kind === 'none') unmount();
    else if (!gaveUp) mount(slug, decision.anchor, state);
    return true;
  }

  /**
   * Decides now if the page allows it; else re-checks after changes anywhere in the document,
   * once per frame at most, until decided, and at the end of the wait applies what the page
   * shows then (changes of attributes alone, such as a card unhidden, are seen only there).
   * `final`: this navigation's wait is over already: decide now.
   */
  function watch(gen: number, final = false) {
    stopWatching();
    if (check(gen, final)) return;
    watcher = observeDocument(() => {
      frame ??= life.requestAnimationFrame(() => {
        frame = undefined;
        if (check(gen)) stopWatching();
      });
    });
    giveUp = life.setTimeout(() => {
      stopWatching();
      check(gen, true);
    }, MARKUP_WAIT_MS);
  }

  async function load(refresh: boolean) {
    const gen = generation;
    if (!slug) return;
    // The page as far as it is known now: the worker shows the key's account it names.
    askedProfileId = readPageIdentity(document, slug, staleIds).profileId;
    const reply = await sendMessage('profile-badge:get', {
      refresh,
      page: { slug, profileId: askedProfileId },
    });
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
    reasked = false;
    remounts = [];
    gaveUp = false;
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
    if ((message as { type?: unknown })?.type === 'profile-badge:changed' && slug) void load(false);
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
