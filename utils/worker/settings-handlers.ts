/** The service worker's handlers for settings: read them (without the key), save them, test them. */
import { parseAccountId } from '../account-id';
import { parseApiBaseUrl } from '../api-origin';
import { keyForNewAddress, parseApiKey } from '../api-key';
import type { SsiError } from '../errors';
import { plural, t } from '../i18n';
import type { ConnectionTest, PublicSettings, SettingsSave } from '../messaging/protocol';
import { err, ok, type Result } from '../result';
import {
  coerceSettings,
  parseSetting,
  validateSettings,
  type Settings,
  type SettingsProblem,
} from '../settings';
import type { SsiClient } from './api/client';
import type { SavedConfig } from './saved-config';

export interface SettingsStore {
  /** The saved settings and key, read together (`readSavedConfig`). */
  read(): Promise<SavedConfig>;
  /**
   * Saves the settings and, when `apiKey` is given, the key (null removes it) with the cached
   * readings forgotten, as one write (`saveConfig` of `storage-writers.ts`).
   */
  save(settings: Settings, apiKey?: string | null): Promise<void>;
  /** Sets the `accountId` setting alone, read and written back in one step (`selectAccount`). */
  select(accountId: string): Promise<void>;
}

export interface SettingsHandlerDeps {
  store: SettingsStore;
  client: SsiClient;
  /** Whether the extension may call an API origin now (`mayCallOrigin` in the product). */
  mayCall: (origin: string) => Promise<boolean>;
}

function describeAccounts(accounts: { name: string }[]): string {
  if (accounts.length === 0) return t('connection_no_accounts');
  const names = accounts
    .slice(0, 3)
    .map((account) => account.name)
    .join(', ');
  const listed = accounts.length > 3 ? t('connection_names_more', names, accounts.length - 3) : names;
  return plural(
    accounts.length,
    { one: 'connection_accounts_one', other: 'connection_accounts_other' },
    accounts.length,
    listed,
  );
}

export function createSettingsHandlers(deps: SettingsHandlerDeps) {
  const { store } = deps;

  async function publicSettings(): Promise<PublicSettings> {
    const { settings, apiKey } = await store.read();
    return { ...coerceSettings(settings), hasApiKey: Boolean(apiKey) };
  }

  return {
    /** The settings and whether a key is saved. Never the key. */
    getSettings: publicSettings,

    /** Saves validated settings and applies the key action; a new or removed key empties the cache. */
    async saveSettings(save: SettingsSave): Promise<Result<PublicSettings, SettingsProblem>> {
      const settings = validateSettings(save.settings);
      // The form shows every problem itself; a save that still has one is told the first.
      if (!settings.ok) return err(settings.error[0]!);
      let nextKey: string | null | undefined;
      if (save.apiKey.action === 'set') {
        const key = parseApiKey(save.apiKey.value);
        if (!key.ok) return err({ field: 'apiKey', message: key.error });
        nextKey = key.value;
      } else if (save.apiKey.action === 'clear') {
        nextKey = null;
      }
      const { apiKey: previousKey, settings: previous } = await store.read();
      if (save.apiKey.action === 'keep' && previousKey && settings.value.apiBaseUrl !== previous.apiBaseUrl) {
        // As for Test connection: the saved key goes to the saved address only.
        return err({ field: 'apiKey', message: keyForNewAddress() });
      }
      // With a new key, the caches are emptied in the same write: a reading of the old key that
      // reaches storage after it is not written (the SSI service checks its key as it writes);
      // one that came before is gone with it.
      await store.save(settings.value, nextKey !== previousKey ? nextKey : undefined);
      return ok(await publicSettings());
    },

    /** Selects the account pages show (`accountId`; empty for the key's default), by its rule. */
    async selectAccount(accountId: string): Promise<Result<null, SettingsProblem>> {
      const parsed = parseSetting('accountId', accountId);
      if (!parsed.ok) return err({ field: 'accountId', message: parsed.error });
      await store.select(parsed.value);
      return ok(null);
    },

    /** Calls the API with the form's values and says in words what happened. */
    async testConnection(test: ConnectionTest): Promise<Result<{ summary: string }, SsiError>> {
      const baseUrl = parseApiBaseUrl(test.apiBaseUrl);
      if (!baseUrl.ok) return err({ code: 'invalid-base-url', detail: baseUrl.error });
      const accountId = parseAccountId(test.accountId);
      if (!accountId.ok) return err({ code: 'invalid-account-id', detail: accountId.error });
      const saved = await store.read();
      let apiKey = saved.apiKey;
      if (!test.apiKey && baseUrl.value !== saved.settings.apiBaseUrl) {
        // The saved key goes to the saved address only: a typo must not receive it.
        return err({ code: 'key-for-new-address' });
      }
      if (test.apiKey) {
        const typed = parseApiKey(test.apiKey);
        if (!typed.ok) return err({ code: 'invalid-key', detail: typed.error });
        apiKey = typed.value;
      }
      if (!apiKey) return err({ code: 'no-key' });
      if (!(await deps.mayCall(baseUrl.value))) {
        return err({ code: 'permission-missing' });
      }
      const target = { baseUrl: baseUrl.value, apiKey };
      if (accountId.value) {
        const status = await deps.client.getAccountStatus(target, accountId.value);
        if (!status.ok) return status;
        const { name, status: state, hasSalesNavigator } = status.value;
        const connected = state
          ? t('connection_account_status', name, state.toLowerCase())
          : t('connection_account', name);
        return ok({
          summary: hasSalesNavigator ? `${connected} ${t('connection_has_sales_navigator')}` : connected,
        });
      }
      const accounts = await deps.client.listAccounts(target);
      return accounts.ok ? ok({ summary: describeAccounts(accounts.value) }) : accounts;
    },
  };
}
