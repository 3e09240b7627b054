/**
 * The key's LinkedIn accounts (`GET /linkedin/accounts`), kept per API origin with the last
 * failure, under the same rules as the SSI: served from storage while fresh (the freshness
 * setting), the origin rule (`mayCall`), the 429 pause and the failure cooldown (`mayAskApi`),
 * failures kept in storage (a worker restart keeps a pause), an answer for a replaced key never
 * written.
 */
import type { AccountsEntry, EntryStore, LastFailure } from '../api-cache';
import type { SsiError } from '../errors';
import type { KeyAccount } from '../key-accounts';
import { err, type Result } from '../result';
import { mayAskApi } from './api/ask-policy';
import type { SsiClient } from './api/client';
import { createOriginPause, pauseScope, type OriginPause } from './api/origin-pause';
import type { SavedConfig } from './saved-config';

export interface KeyAccountsDeps {
  client: SsiClient;
  /** The accounts by API origin (extension storage in the product, a Map in tests). */
  store: EntryStore<AccountsEntry>;
  /** The saved settings and key, read together (`readSavedConfig`). */
  read: () => Promise<SavedConfig>;
  /** Whether the extension may call an API origin now (`mayCallOrigin` in the product). */
  mayCall: (origin: string) => Promise<boolean>;
  now: () => number;
  /** The 429 pause every ask to an origin shares (with the SSI); one of its own if not given. */
  pause?: OriginPause;
}

/** The key's accounts as known now, and the last attempt's failure. */
export interface KeyAccountsState {
  /** The last good list; null when none was ever loaded for this key and origin. */
  accounts: KeyAccount[] | null;
  /** Why the last attempt failed (null when it did not, or nothing was asked). */
  error: SsiError | null;
}

export interface KeyAccountsService {
  /**
   * The saved key's accounts: from storage while fresh, else asked of the API when the rules
   * allow it. `refresh` (the user asked) skips the freshness window and the failure cooldown,
   * never a 429's pause. `background`: a stored list, even stale, is answered at once (and
   * asked afresh behind, by the same rules). Never rejects.
   */
  list(config: SavedConfig, options?: { refresh?: boolean; background?: boolean }): Promise<KeyAccountsState>;
  /**
   * The LinkedIn slug (`publicId`) of account `accountId` of the saved key, from storage, else
   * asked of the API when the rules allow it. Null when it has none, is not the key's, or
   * could not be known now. Never rejects.
   */
  publicIdOf(config: SavedConfig, accountId: string): Promise<string | null>;
}

export function createKeyAccountsService(deps: KeyAccountsDeps): KeyAccountsService {
  // Requests under way, by origin and key: callers that ask at once share one request.
  const inFlight = new Map<string, Promise<AccountsEntry | null>>();
  // Failures that storage refused to keep, by origin: newer than the stored one.
  const unstored = new Map<string, LastFailure>();
  const pause = deps.pause ?? createOriginPause();

  /**
   * Asks for the key's accounts if the rules allow it now, and keeps the outcome: the entry as
   * it is afterwards, or null when nothing was asked. `asked` (an account ID) is remembered as
   * having no slug when the list does not hold it.
   */
  async function ask(
    origin: string,
    apiKey: string,
    { forced, asked }: { forced: boolean; asked?: string },
  ): Promise<AccountsEntry | null> {
    const entry = await deps.store.read(origin);
    const mayCallOrigin = () => deps.mayCall(origin);
    const last = unstored.get(origin) ?? entry?.lastError;
    if (pause.until(pauseScope(origin, apiKey)) > deps.now()) return null;
    if (!(await mayAskApi(last, { now: deps.now(), forced, mayCallOrigin }))) return null;
    let result: Result<KeyAccount[], SsiError>;
    try {
      result = (await mayCallOrigin())
        ? await deps.client.listAccounts({ baseUrl: origin, apiKey })
        : err({ code: 'permission-missing' });
    } catch {
      result = err({ code: 'internal' });
    }
    if (!result.ok) pause.note(pauseScope(origin, apiKey), result.error);
    const next: AccountsEntry = result.ok
      ? {
          slugs: {
            ...entry?.slugs,
            ...Object.fromEntries([
              ...(asked === undefined ? [] : [[asked, null]]),
              ...result.value.map((account) => [account.id, account.publicId]),
            ]),
          },
          list: { accounts: result.value, at: deps.now() },
          lastError: null,
        }
      : {
          slugs: entry?.slugs ?? {},
          list: entry?.list ?? null,
          lastError: { error: result.error, at: deps.now() },
        };
    try {
      // Compared as it is written: a key saved meanwhile (which emptied this store) wins.
      await deps.store.write(origin, next, async () => (await deps.read()).apiKey === apiKey);
      unstored.delete(origin);
    } catch {
      unstored.set(origin, next.lastError ?? { error: { code: 'storage-failed' }, at: deps.now() });
    }
    return next;
  }

  /** One request per origin and key at a time: a second caller joins the first. */
  function shared(origin: string, apiKey: string, options: { forced: boolean; asked?: string }) {
    const flight = `${origin}|${apiKey}`;
    let request = inFlight.get(flight);
    if (!request) {
      request = ask(origin, apiKey, options).finally(() => inFlight.delete(flight));
      inFlight.set(flight, request);
    }
    return request;
  }

  return {
    async list({ settings, apiKey }, { refresh = false, background = false } = {}) {
      if (!apiKey) return { accounts: null, error: { code: 'no-key' } };
      const origin = settings.apiBaseUrl;
      try {
        const entry = await deps.store.read(origin);
        const fresh = entry?.list && deps.now() - entry.list.at < settings.freshnessMinutes * 60_000;
        if (fresh && !refresh) return { accounts: entry.list?.accounts ?? null, error: null };
        if (background && entry?.list && !refresh) {
          void shared(origin, apiKey, { forced: false }).catch(() => {});
          return { accounts: entry.list.accounts, error: entry.lastError?.error ?? null };
        }
        const after = (await shared(origin, apiKey, { forced: refresh })) ?? entry;
        const failure = unstored.get(origin) ?? after?.lastError;
        return { accounts: after?.list?.accounts ?? null, error: failure?.error ?? null };
      } catch {
        return { accounts: null, error: { code: 'internal' } };
      }
    },

    async publicIdOf({ settings, apiKey }, accountId) {
      if (!apiKey) return null;
      const origin = settings.apiBaseUrl;
      try {
        const known = (await deps.store.read(origin))?.slugs;
        if (known && Object.hasOwn(known, accountId)) return known[accountId] ?? null;
        const after = await shared(origin, apiKey, { forced: false, asked: accountId });
        return after?.list?.accounts.find((account) => account.id === accountId)?.publicId ?? null;
      } catch {
        // Storage failed under us: the badge does without the slug.
        return null;
      }
    },
  };
}
