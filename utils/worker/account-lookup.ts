/**
 * The key's LinkedIn accounts (`GET /linkedin/accounts`), kept per API origin with the last
 * failure, under the same rules as the SSI: the origin rule (`mayCall`), the 429 pause and the
 * failure cooldown (`mayAskApi`), failures kept in storage (a worker restart keeps a pause), an
 * answer for a replaced key never written. Today it answers the badge's one question, an
 * account's LinkedIn slug; it is where a cached account list will grow.
 */
import type { LastFailure } from '../api-cache';
import { mayAskApi } from './api/ask-policy';
import type { AccountSummary } from './api/accounts';
import type { SsiClient } from './api/client';
import type { AccountsEntry, EntryStore } from '../api-cache';
import type { SsiError } from '../errors';
import { err, type Result } from '../result';
import type { SavedConfig } from './saved-config';

export interface AccountLookupDeps {
  client: SsiClient;
  /** The accounts by API origin (extension storage in the product, a Map in tests). */
  store: EntryStore<AccountsEntry>;
  /** The saved settings and key, read together (`readSavedConfig`). */
  read: () => Promise<SavedConfig>;
  /** Whether the extension may call an API origin now (`mayCallOrigin` in the product). */
  mayCall: (origin: string) => Promise<boolean>;
  now: () => number;
}

export interface AccountLookup {
  /**
   * The LinkedIn slug (`publicId`) of account `accountId` of the saved key, from storage, else
   * asked of the API when the rules allow it. Null when it has none, is not the key's, or
   * could not be known now. Never rejects.
   */
  publicIdOf(config: SavedConfig, accountId: string): Promise<string | null>;
}

export function createAccountLookup(deps: AccountLookupDeps): AccountLookup {
  // Lookups under way, by origin and key: tabs that ask at once share one request.
  const inFlight = new Map<string, Promise<AccountSummary[] | null>>();
  // Failures that storage refused to keep, by origin: newer than the stored one.
  const unstored = new Map<string, LastFailure>();

  /** Asks for the key's accounts if the rules allow it now, and keeps the outcome. */
  async function list(origin: string, apiKey: string, asked: string): Promise<AccountSummary[] | null> {
    const entry = await deps.store.read(origin);
    const mayCallOrigin = () => deps.mayCall(origin);
    const last = unstored.get(origin) ?? entry?.lastError;
    if (!(await mayAskApi(last, { now: deps.now(), forced: false, mayCallOrigin }))) return null;
    let result: Result<AccountSummary[], SsiError>;
    try {
      result = (await mayCallOrigin())
        ? await deps.client.listAccounts({ baseUrl: origin, apiKey })
        : err({ code: 'permission-missing' });
    } catch {
      result = err({ code: 'internal' });
    }
    const next: AccountsEntry = result.ok
      ? {
          // The asked account, when not listed, is known to have no slug: not asked again.
          slugs: {
            ...entry?.slugs,
            ...Object.fromEntries([
              [asked, null],
              ...result.value.map((account) => [account.id, account.publicId]),
            ]),
          },
          lastError: null,
        }
      : { slugs: entry?.slugs ?? {}, lastError: { error: result.error, at: deps.now() } };
    try {
      // Compared as it is written: a key saved meanwhile (which emptied this store) wins.
      await deps.store.write(origin, next, async () => (await deps.read()).apiKey === apiKey);
      unstored.delete(origin);
    } catch {
      unstored.set(origin, next.lastError ?? { error: { code: 'storage-failed' }, at: deps.now() });
    }
    return result.ok ? result.value : null;
  }

  return {
    async publicIdOf({ settings, apiKey }, accountId) {
      if (!apiKey) return null;
      const origin = settings.apiBaseUrl;
      try {
        const known = (await deps.store.read(origin))?.slugs;
        if (known && Object.hasOwn(known, accountId)) return known[accountId] ?? null;
        const flight = `${origin}|${apiKey}`;
        let listing = inFlight.get(flight);
        if (!listing) {
          listing = list(origin, apiKey, accountId).finally(() => inFlight.delete(flight));
          inFlight.set(flight, listing);
        }
        return (await listing)?.find((account) => account.id === accountId)?.publicId ?? null;
      } catch {
        // Storage failed under us: the badge does without the slug.
        return null;
      }
    },
  };
}
