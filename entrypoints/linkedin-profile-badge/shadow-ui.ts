/**
 * The badge's host element: a plain `span`, with no attribute of ours, holding in a closed
 * shadow root the badge's CSS and a container, so LinkedIn's styles stay out and ours stay in,
 * and LinkedIn's scripts can neither read the badge, nor reach its buttons, nor select the host
 * by a marker (the tests find it through the DevTools protocol, `e2e/badge-probe.ts`).
 * Synchronous and dependency-free (the content script's size and start-up budgets count every
 * byte).
 *
 * Not a custom element: the page's own custom-element registry upgrades a custom element we
 * create, so a page that defines the tag first would run its constructor on our host and own
 * its shadow root. A `span` is no custom element, and `attachShadow` is allowed on it.
 */

export interface ShadowUiOptions<T> {
  css: string;
  /** Where the host goes: right after `anchor`, or last in `document.body` when null. */
  anchor: Element | null;
  /** Builds the UI into `container` (host not yet on the page); what it returns is `mounted`. */
  onMount(container: HTMLElement, host: HTMLElement): T;
}

export interface ShadowUi<T> {
  readonly host: HTMLElement;
  /** What `onMount` returned; undefined once removed. */
  readonly mounted: T | undefined;
  remove(): void;
}

/**
 * Keys pressed in the badge stop at its shadow root: the page's listeners of the bubbling phase
 * (a shortcut handler on the document, say) never see them. Listeners of the capturing phase
 * above the host do, before the badge, retargeted to the host: no code inside can keep those
 * from the page, which learns which key was pressed on the badge, and can act on it.
 */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

/** Creates the host, builds the UI into it and puts it on the page. */
export function mountShadowUi<T>(options: ShadowUiOptions<T>): ShadowUi<T> {
  const host = document.createElement('span');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  // Nothing of the page's inherited styles leaks in.
  style.textContent = `:host{all:initial !important;}\n${options.css}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  for (const type of ISOLATED_EVENTS) shadow.addEventListener(type, (event) => event.stopPropagation());
  // Built while detached, then inserted once: the page restyles once, and `onMount` can read
  // the page's computed styles before our host makes them stale.
  let mounted: T | undefined = options.onMount(container, host);
  if (options.anchor) options.anchor.after(host);
  else document.body.append(host);
  return {
    host,
    get mounted() {
      return mounted;
    },
    remove() {
      host.remove();
      container.replaceChildren();
      mounted = undefined;
    },
  };
}
