/** The options form's values, and how they become a save or a connection test. */
import type { PublicSettings, SettingsProblem, SettingsSave } from '@/utils/messaging/protocol';
import { err, ok, type Result } from '@/utils/result';
import { parseAccountId, parseApiBaseUrl, parseApiKey, parseFreshness } from '@/utils/settings-rules';

/** The form as the user sees it: every field a string or a boolean. */
export interface FormValues {
  apiKey: string;
  apiBaseUrl: string;
  accountId: string;
  freshnessMinutes: string;
  debug: boolean;
  showBadge: boolean;
}

export function formFromSettings(settings: PublicSettings): FormValues {
  return {
    apiKey: '',
    apiBaseUrl: settings.apiBaseUrl,
    accountId: settings.accountId,
    freshnessMinutes: String(settings.freshnessMinutes),
    debug: settings.debug,
    showBadge: settings.showBadge,
  };
}

/**
 * Checks every field and builds the save. An empty key field keeps the saved key; a form with
 * no saved key and an empty field is an error, since nothing would work without one.
 */
export function buildSave(values: FormValues, hasApiKey: boolean): Result<SettingsSave, SettingsProblem[]> {
  const problems: SettingsProblem[] = [];
  let apiKey: SettingsSave['apiKey'] = { action: 'keep' };
  if (values.apiKey.trim() || !hasApiKey) {
    const key = parseApiKey(values.apiKey);
    if (key.ok) apiKey = { action: 'set', value: key.value };
    else problems.push({ field: 'apiKey', message: key.error });
  }
  const apiBaseUrl = parseApiBaseUrl(values.apiBaseUrl);
  if (!apiBaseUrl.ok) problems.push({ field: 'apiBaseUrl', message: apiBaseUrl.error });
  const accountId = parseAccountId(values.accountId);
  if (!accountId.ok) problems.push({ field: 'accountId', message: accountId.error });
  const freshness = parseFreshness(
    values.freshnessMinutes.trim() === '' ? NaN : Number(values.freshnessMinutes),
  );
  if (!freshness.ok) problems.push({ field: 'freshnessMinutes', message: freshness.error });
  if (!apiBaseUrl.ok || !accountId.ok || !freshness.ok || problems.length > 0) return err(problems);
  return ok({
    apiKey,
    settings: {
      apiBaseUrl: apiBaseUrl.value,
      accountId: accountId.value,
      freshnessMinutes: freshness.value,
      debug: values.debug,
      showBadge: values.showBadge,
    },
  });
}
