/**
 * The service worker's SSI service: serves readings from the cache while they are fresh,
 * serves stale ones at once while revalidating, makes one request per account however many
 * callers ask at once, retries transient failures, and never lets a failure overwrite good data.
 */
import type { LastFailure } from '../api-cache';
import { FAILURE_COOLDOWN_MS, mayAskApi } from './api/ask-policy';
import { createOriginPause, pauseScope, type OriginPause } from './api/origin-pause';
import type { SsiClient } from './api/client';
import type { CacheEntry, EntryStore } from '../api-cache';
import { describeError, type SsiError } from '../errors';
import { isStorageFailure } from './storage-failure';
import { err, type Result } from '../result';
import { withRetry, type RetryPolicy } from './retry';
import { targetKey, type Settings } from '../settings';
import type { SavedConfig } from './saved-config';
import type { SsiSnapshot } from '../ssi/model';
import { stateFromEntry, type SsiState } from '../ssi/state';

/** Where cache entries are kept (extension storage in the product, a Map in tests). */
export type CacheStore = EntryStore<CacheEntry>;

export interface SsiServiceDeps {
  client: SsiClient;
  /** The saved settings and key, read together: a request never pairs one's old with the other's new. */
  read: () => Promise<SavedConfig>;
  cache: CacheStore;
  /** Whether the extension may call the API origin now (`mayCallOrigin` in the product). */
  mayCall: (origin: string) => Promise<boolean>;
  now: () => number;
  retry: RetryPolicy;
  /** The 429 pause every ask to an origin shares (with the key's accounts); one of its own if not given. */
  pause?: OriginPause;
  /**
   * Told about every state of the selected account (the settings' `accountId`) handed out or
   * produced by a background revalidation; not of other accounts asked for by ID.
   */
  onState?: (ssi: SsiState) => void;
  /**
   * Told when a request's outcome, written to the cache, changed what a page shows: the
   * reading, or the error's code or words. Not on every write: whoever is told asks again.
   */
  onUpdate?: (ssi: SsiState) => void;
  /**
   * Told of every good reading once it is in the cache (for the history), with the settings it
   * was asked with. Never told of a failure, nor of an answer left unwritten (its key was
   * replaced meanwhile).
   */
  onReading?: (snapshot: SsiSnapshot, settings: Settings, selected: boolean) => void;
}

export { FAILURE_COOLDOWN_MS } from './api/ask-policy';

/** Slots whose last automatic ask is remembered; the oldest are forgotten first. */
export const MAX_REMEMBERED_ASKS = 1_000;

/** What a page shows of an entry: its reading, and its error's code and words. */
function shown(entry: CacheEntry | null, now: number): string {
  const error = entry?.lastError?.error;
  return JSON.stringify([entry?.snapshot, error?.code, error && describeError(error, now)]);
}

export interface SsiService {
  /**
   * The SSI of the configured account. `refresh` skips the freshness window (the user pressed
   * Refresh). `config`: the saved settings and key as the caller read them, so that one ask
   * works from one reading of them (read here when not given). `accountId`: another account of
   * the key than the selected one (the team, a member's profile badge), in its own cache slot;
   * the key's default account by its ID shares the default's slot. Never rejects: failures
   * come back in `ssi.error`, next to the last good data.
   */
  getSsi(options?: { refresh?: boolean; config?: SavedConfig; accountId?: string }): Promise<SsiState>;
}

export function createSsiService(deps: SsiServiceDeps): SsiService {
  // Requests under way, by cache slot and key: callers after a key change never join a request
  // made with the old key.
  const inFlight = new Map<string, Promise<SsiState>>();
  // Failures that storage refused to keep, by cache slot: newer than the slot's stored one.
  const unstored = new Map<string, LastFailure>();
  const pause = deps.pause ?? createOriginPause();
  // When each slot (and key) last went to the API, newest last: an automatic ask waits the
  // failure cooldown after the last one even when its entry is gone from the cache (the cache
  // keeps so many entries; a page that asks for more accounts than that must not loop).
  const asked = new Map<string, number>();
  function recentlyAsked(key: string): boolean {
    return deps.now() - (asked.get(key) ?? -Infinity) < FAILURE_COOLDOWN_MS;
  }
  function noteAsked(key: string): void {
    asked.delete(key);
    asked.set(key, deps.now());
    for (const old of asked.keys()) {
      if (asked.size <= MAX_REMEMBERED_ASKS) break;
      asked.delete(old);
    }
  }

  function stateOf(entry: CacheEntry | null, settings: Settings, refreshing: boolean): SsiState {
    return stateFromEntry(entry, settings.freshnessMinutes, deps.now(), refreshing);
  }

  /** Tells `onState` of a state of the selected account; hands out any state. */
  function emitState(ssi: SsiState, selected: boolean): SsiState {
    if (selected) deps.onState?.(ssi);
    return ssi;
  }

  /**
   * The settings to ask account `accountId` with: the saved ones for another account. The
   * key's default account, asked for by its ID, is read from the default's slot (where its
   * readings already are): one account never has two slots.
   */
  async function settingsFor(saved: Settings, accountId: string | undefined): Promise<Settings> {
    if (accountId === undefined || accountId === saved.accountId) return saved;
    const defaults = { ...saved, accountId: '' };
    const known = await deps.cache.read(targetKey(defaults));
    return known?.snapshot?.accountId === accountId ? defaults : { ...saved, accountId };
  }

  async function request(settings: Settings, apiKey: string): Promise<Result<SsiSnapshot, SsiError>> {
    const origin = settings.apiBaseUrl;
    if (!(await deps.mayCall(origin))) {
      return err({ code: 'permission-missing' });
    }
    return withRetry(deps.retry, () =>
      deps.client.getSsi(
        { baseUrl: origin, apiKey },
        { accountId: settings.accountId || undefined, debug: settings.debug },
      ),
    );
  }

  async function revalidate(
    key: string,
    settings: Settings,
    apiKey: string,
    selected: boolean,
  ): Promise<SsiState> {
    let result: Result<SsiSnapshot, SsiError>;
    try {
      result = await request(settings, apiKey);
    } catch {
      result = err({ code: 'internal' });
    }
    if (!result.ok) pause.note(pauseScope(settings.apiBaseUrl, apiKey), result.error);
    const current = await deps.cache.read(key);
    const next: CacheEntry = result.ok
      ? { snapshot: result.value, lastError: null }
      : { snapshot: current?.snapshot ?? null, lastError: { error: result.error, at: deps.now() } };
    try {
      // The key is compared as the entry is written: a key saved meanwhile (its caches cleared
      // after it) leaves this answer, which belongs to the old key, unwritten.
      if (!(await deps.cache.write(key, next, async () => (await deps.read()).apiKey === apiKey)))
        return stateOf(current, settings, false);
    } catch (failure) {
      // Reported, not swallowed: the user keeps what we have in hand and learns why it will
      // not be there next time. Nothing changed in storage, so tabs are not told to ask again
      // (they would start another request that fails the same way), and automatic requests
      // wait out the cooldown (or a 429's pause), remembered in memory since storage refused it.
      unstored.set(key, next.lastError ?? { error: { code: 'storage-failed' }, at: deps.now() });
      return {
        ...stateOf(next, settings, false),
        error: { code: isStorageFailure(failure) ? 'storage-failed' : 'internal' },
        errorAt: deps.now(),
      };
    }
    unstored.delete(key);
    if (result.ok) deps.onReading?.(result.value, settings, selected);
    const ssi = stateOf(next, settings, false);
    if (shown(current, deps.now()) !== shown(next, deps.now())) deps.onUpdate?.(ssi);
    return ssi;
  }

  function startRevalidation(
    key: string,
    settings: Settings,
    apiKey: string,
    selected: boolean,
  ): Promise<SsiState> {
    const flight = `${key}|${apiKey}`;
    const running = inFlight.get(flight);
    if (running) return running;
    const run = revalidate(key, settings, apiKey, selected)
      .catch((): SsiState => ({
        ...stateOf(null, settings, false),
        error: { code: 'internal' },
        errorAt: deps.now(),
      }))
      .then((ssi) => emitState(ssi, selected))
      .finally(() => inFlight.delete(flight));
    inFlight.set(flight, run);
    return run;
  }

  async function serve({
    refresh = false,
    config,
    accountId,
  }: {
    refresh?: boolean;
    config?: SavedConfig;
    accountId?: string;
  }): Promise<SsiState> {
    const saved = config ?? (await deps.read());
    const { apiKey } = saved;
    const settings = await settingsFor(saved.settings, accountId);
    const selected = settings.accountId === saved.settings.accountId;
    const emit = (ssi: SsiState) => emitState(ssi, selected);
    const key = targetKey(settings);
    const entry = await deps.cache.read(key);
    if (!apiKey) {
      return emit({ ...stateOf(entry, settings, false), error: { code: 'no-key' }, errorAt: null });
    }
    // Requests and asks are told apart by slot and key: a new key is never held by the old's.
    const flight = `${key}|${apiKey}`;
    const flying = inFlight.has(flight);
    const ssi = stateOf(entry, settings, flying);
    if (!refresh && ssi.snapshot && !ssi.stale) return emit(ssi);
    const pausedUntil = pause.until(pauseScope(settings.apiBaseUrl, apiKey));
    if (pausedUntil > deps.now() && !flying) {
      // Another ask to this API was told to wait: this one waits too, and says so.
      return emit(
        ssi.error
          ? ssi
          : { ...ssi, error: { code: 'rate-limited', retryAt: pausedUntil }, errorAt: deps.now() },
      );
    }
    // An entry keeps its own cooldown; one dropped from the cache to make room (never the
    // selected or the default account's, which are pinned) is held by the memory of asks.
    const pinned = selected || settings.accountId === '';
    if (!refresh && !flying && !entry && !pinned && recentlyAsked(flight)) return emit(ssi);
    const mayAsk = await mayAskApi(unstored.get(key) ?? entry?.lastError, {
      now: deps.now(),
      forced: refresh,
      mayCallOrigin: () => deps.mayCall(settings.apiBaseUrl),
    });
    if (!mayAsk) return emit(ssi);
    if (!flying) noteAsked(flight);
    if (!refresh && ssi.snapshot) {
      void startRevalidation(key, settings, apiKey, selected);
      return emit({ ...ssi, refreshing: true });
    }
    return startRevalidation(key, settings, apiKey, selected);
  }

  return {
    async getSsi(options = {}) {
      try {
        return await serve(options);
      } catch {
        // Storage failed under us: say so instead of rejecting (the doc promises no rejection).
        return emitState(
          {
            snapshot: null,
            error: { code: 'internal' },
            errorAt: deps.now(),
            stale: false,
            refreshing: false,
          },
          options.accountId === undefined,
        );
      }
    },
  };
}
