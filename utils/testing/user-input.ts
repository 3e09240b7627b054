/**
 * Test support, imported by test suites only: events as the browser makes them from the user's
 * own input (`isTrusted` true). happy-dom marks no event trusted, and `click()` or
 * `dispatchEvent` from a script never is: the badge ignores those, as it must a page script's.
 */

/** Dispatches `event` at `target` as the user's input; returns what `dispatchEvent` returns. */
export function dispatchAsUser(target: EventTarget, event: Event): boolean {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return target.dispatchEvent(event);
}

/** A click of the user's on `target`. */
export function userClick(target: EventTarget): void {
  dispatchAsUser(target, new MouseEvent('click', { bubbles: true, composed: true }));
}

/** A key the user pressed while `target` had the focus. */
export function userKey(target: EventTarget, key: string): void {
  dispatchAsUser(target, new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
}
