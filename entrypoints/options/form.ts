/** The options form's values, and how they become a save: every setting read by its rule. */
import { keyForNewAddress, parseApiKey } from '@/utils/api-key';
import type { PublicSettings, SettingsSave } from '@/utils/messaging/protocol';
import { err, ok, type Result } from '@/utils/result';
import {
  SETTING_NAMES,
  SETTINGS,
  validateSettings,
  type SettingName,
  type Settings,
  type SettingsProblem,
} from '@/utils/settings';

/** The form as the user sees it: a switch holds a boolean, every other field its text. */
export type FormValues = { apiKey: string } & {
  [K in SettingName]: Settings[K] extends boolean ? boolean : string;
};

/** The settings of `saved`, without what only a page is told (`hasApiKey`). */
export function settingsOf(saved: PublicSettings): Settings {
  return Object.fromEntries(SETTING_NAMES.map((name) => [name, saved[name]])) as unknown as Settings;
}

export function formFromSettings(settings: PublicSettings): FormValues {
  const fields = SETTING_NAMES.map((name) => {
    const value = settings[name];
    return [name, typeof value === 'boolean' ? value : String(value)];
  });
  return { apiKey: '', ...Object.fromEntries(fields) } as FormValues;
}

/** A field's value as its setting's rule reads it: a number setting's text as a number. */
function fromForm(name: SettingName, value: string | boolean): unknown {
  if (SETTINGS[name].wire.type !== 'number' || typeof value !== 'string') return value;
  return value.trim() === '' ? NaN : Number(value);
}

/**
 * Checks every field and builds the save, or every field's problem. An empty key field keeps
 * the saved key, for the address it was saved with (`saved`); a form with no saved key and an
 * empty field is an error, since nothing would work without one.
 */
export function buildSave(
  values: FormValues,
  saved: PublicSettings,
): Result<SettingsSave, SettingsProblem[]> {
  const problems: SettingsProblem[] = [];
  let apiKey: SettingsSave['apiKey'] = { action: 'keep' };
  if (values.apiKey.trim() || !saved.hasApiKey) {
    const key = parseApiKey(values.apiKey);
    if (key.ok) apiKey = { action: 'set', value: key.value };
    else problems.push({ field: 'apiKey', message: key.error });
  }
  const settings = validateSettings(
    Object.fromEntries(SETTING_NAMES.map((name) => [name, fromForm(name, values[name])])),
  );
  if (!settings.ok) return err([...problems, ...settings.error]);
  if (apiKey.action === 'keep' && settings.value.apiBaseUrl !== saved.apiBaseUrl) {
    problems.push({ field: 'apiKey', message: keyForNewAddress() });
  }
  return problems.length ? err(problems) : ok({ apiKey, settings: settings.value });
}
