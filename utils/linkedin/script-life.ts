/**
 * The content script's life, tied to its extension's. When the extension is reloaded,
 * updated or removed, Chromium leaves old content scripts running but takes their
 * `chrome.runtime` away, without telling them. The first check after that (any timer or frame
 * callback of this life, or reading `ended`; the badge's watchdog checks every 2 s while a
 * badge is shown) ends the life: its timers stop, its listeners come off and `onEnd`
 * callbacks run (removing the badge).
 *
 * Our own small stand-in for WXT's ContentScriptContext, which touches the extension API the
 * moment its module loads, on every LinkedIn page; this script must cost pages that are not
 * profiles nothing (see `npm run bench`).
 */

/** Cancels what was scheduled; does nothing once it has run or the life has ended. */
export type Cancel = () => void;

export interface ScriptLife {
  /** Whether the extension is gone (checked now: ends the life if it is). */
  readonly ended: boolean;
  /** How many timers, frames, listeners and end callbacks the life still holds. */
  readonly holding: number;
  /** Calls `callback` once, when the life ends. */
  onEnd(callback: () => void): void;
  setTimeout(handler: () => void, ms: number): Cancel;
  setInterval(handler: () => void, ms: number): Cancel;
  requestAnimationFrame(handler: () => void): Cancel;
  /** Adds a listener that comes off when the life ends. */
  listen<T extends EventTarget, E extends Event = Event>(
    target: T,
    type: string,
    handler: (event: E) => void,
  ): void;
}

/** Whether this script's extension is still there: its runtime keeps an ID while it is. */
export function extensionAlive(): boolean {
  return (globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id !== undefined;
}

export function createScriptLife(alive: () => boolean = extensionAlive): ScriptLife {
  let over = false;
  /**
   * What the end must stop or call. Plain functions in a set rather than an AbortController:
   * this runs in LinkedIn's pages, where each Web API a content script first uses costs time.
   */
  const held = new Set<() => void>();
  const live = () => {
    if (!over && !alive()) {
      over = true;
      const all = [...held];
      held.clear();
      for (const stop of all) {
        // One failing step (the runtime may be half gone) must not keep the others from running.
        try {
          stop();
        } catch (failure) {
          reportError(failure);
        }
      }
    }
    return !over;
  };
  /**
   * Ties something scheduled to the life: `stop` runs when it is cancelled or the life ends
   * (at once, if it has), and once it has been cancelled or has run, the life forgets it
   * (nothing piles up).
   */
  const tie = (stop: () => void): Cancel => {
    if (over) {
      stop();
      return () => {};
    }
    const entry = () => stop();
    held.add(entry);
    return () => {
      if (held.delete(entry)) stop();
    };
  };
  return {
    get ended() {
      return !live();
    },
    get holding() {
      return held.size;
    },
    onEnd(callback) {
      if (over) callback();
      else held.add(() => callback());
    },
    setTimeout(handler, ms) {
      const id = window.setTimeout(() => {
        cancel();
        if (live()) handler();
      }, ms);
      const cancel = tie(() => clearTimeout(id));
      return cancel;
    },
    setInterval(handler, ms) {
      const id = window.setInterval(() => live() && handler(), ms);
      return tie(() => clearInterval(id));
    },
    requestAnimationFrame(handler) {
      const id = window.requestAnimationFrame(() => {
        cancel();
        if (live()) handler();
      });
      const cancel = tie(() => cancelAnimationFrame(id));
      return cancel;
    },
    listen(target, type, handler) {
      target.addEventListener(type, handler as EventListener);
      tie(() => target.removeEventListener(type, handler as EventListener));
    },
  };
}
