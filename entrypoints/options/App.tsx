import type { TargetedEvent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { describeLocally } from '@/utils/errors';
import { sendMessage } from '@/utils/messaging/client';
import { parseApiKey } from '@/utils/api-key';
import { API_PRESETS, needsHostPermission, originPattern, parseApiBaseUrl } from '@/utils/api-origin';
import type { PublicSettings } from '@/utils/messaging/protocol';
import { parseAccountId } from '@/utils/account-id';
import {
  FRESHNESS_MINUTES,
  NOTIFY_THRESHOLD,
  type BackgroundRefresh,
  type SettingsProblem,
} from '@/utils/settings';
import { AccountField } from './AccountField';
import { DebugPanel } from './DebugPanel';
import { DeleteAllData } from './DeleteAllData';
import { Field } from './Field';
import { OutcomeLine, type Outcome } from './Outcome';
import { buildSave, formFromSettings, settingsOf, type FormValues } from './form';
import { t, type MessageKey } from '@/utils/i18n';

type FieldName = SettingsProblem['field'];
/** The form's fields typed as text (every one but the switches). */
type TextField = { [K in keyof FormValues]: FormValues[K] extends string ? K : never }[keyof FormValues];
/** The form's switches. */
type SwitchField = { [K in keyof FormValues]: FormValues[K] extends boolean ? K : never }[keyof FormValues];

/** Asks for the host permission a custom API origin needs. Must run inside the click. */
async function ensureHostAccess(origin: string): Promise<boolean> {
  if (!needsHostPermission(origin)) return true;
  try {
    return await browser.permissions.request({ origins: [originPattern(origin)] });
  } catch {
    return false;
  }
}

/**
 * Gives back the permission of an address the settings no longer use: the extension keeps
 * access to the one API origin it calls, and to nothing it used to.
 */
function releaseHostAccess(previous: string, next: string) {
  if (previous === next || !needsHostPermission(previous)) return;
  void browser.permissions.remove({ origins: [originPattern(previous)] }).catch(() => {});
}

/** The key's accounts, as the service worker knows them (`refresh`: asked of the API afresh). */
const askAccounts = (refresh: boolean) => sendMessage('accounts:get', { refresh });

/** The choices of "Refresh in the background", by their messages. */
const BACKGROUND_REFRESH_CHOICES: ReadonlyArray<readonly [BackgroundRefresh, MessageKey]> = [
  ['off', 'options_background_off'],
  ['6h', 'options_background_6h'],
  ['12h', 'options_background_12h'],
  ['24h', 'options_background_24h'],
];

/** Asks for the optional `notifications` permission. Must run inside the click. */
async function askNotificationPermission(): Promise<boolean> {
  try {
    return await browser.permissions.request({ permissions: ['notifications'] });
  } catch {
    return false;
  }
}

export function App() {
  const [saved, setSaved] = useState<PublicSettings | null>(null);
  const [values, setValues] = useState<FormValues | null>(null);
  const [problems, setProblems] = useState<Partial<Record<FieldName, string>>>({});
  const [showKey, setShowKey] = useState(false);
  const [saveOutcome, setSaveOutcome] = useState<Outcome>(null);
  const [testOutcome, setTestOutcome] = useState<Outcome>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [permissionProblem, setPermissionProblem] = useState<string | null>(null);
  // Counts the saves that set a key: each asks the key's accounts again.
  const [keySaves, setKeySaves] = useState(0);

  useEffect(() => {
    void sendMessage('settings:get', null).then((reply) => {
      if (reply.ok) {
        setSaved(reply.value);
        setValues(formFromSettings(reply.value));
      } else {
        setLoadError(describeLocally(reply.error).message);
      }
    });
  }, []);

  if (loadError) {
    return (
      <main class="options">
        <h1>{t('options_title')}</h1>
        <p role="alert" class="notice">
          {loadError}
        </p>
      </main>
    );
  }
  if (!values || !saved) {
    return (
      <main class="options">
        <h1>{t('options_title')}</h1>
        <p role="status">{t('options_loading')}</p>
      </main>
    );
  }

  const update = <K extends keyof FormValues>(field: K, value: FormValues[K]) => {
    setValues({ ...values, [field]: value });
    setSaveOutcome(null);
  };
  const describedBy = (id: string, field: FieldName, hint = true) =>
    [hint && `${id}-hint`, problems[field] && `${id}-problem`].filter(Boolean).join(' ') || undefined;
  /** What the input of every text field takes from its field: id, value, validity, descriptions, input. */
  const inputOf = (id: string, field: TextField) => ({
    id,
    value: values[field],
    'aria-invalid': Boolean(problems[field]),
    'aria-describedby': describedBy(id, field),
    onInput: (event: TargetedEvent<HTMLInputElement>) => update(field, event.currentTarget.value),
  });

  /** A setting that is on or off, as a labelled checkbox. */
  const switchOf = (id: string, field: SwitchField, label: string, disabled = false) => (
    <div class="field field--check">
      <input
        id={id}
        type="checkbox"
        checked={values[field]}
        disabled={disabled}
        onChange={(event) => update(field, event.currentTarget.checked)}
      />
      <label for={id}>{label}</label>
    </div>
  );

  /**
   * Notifications need the browser's permission, asked as the user turns them on (inside the
   * click); without it they stay off and the page says why.
   */
  async function onNotificationsChange(on: boolean) {
    setPermissionProblem(null);
    if (on && !(await askNotificationPermission())) {
      update('notifications', false);
      setPermissionProblem(t('options_notify_refused'));
      return;
    }
    update('notifications', on);
  }

  /**
   * Picks a preset. The sandbox host is an optional permission: it is asked for here, inside
   * the click, and again on Save if it was refused.
   */
  async function onPreset(origin: string) {
    update('apiBaseUrl', origin);
    setProblems(({ apiBaseUrl: _, ...others }) => others);
    if (!(await ensureHostAccess(origin))) {
      setProblems((others) => ({ ...others, apiBaseUrl: t('options_permission_needed') }));
    }
  }

  async function onSave(event: Event) {
    event.preventDefault();
    if (!values || !saved) return;
    const save = buildSave(values, saved);
    if (!save.ok) {
      setProblems(Object.fromEntries(save.error.map((p) => [p.field, p.message])));
      setSaveOutcome({ kind: 'error', text: t('options_fix_fields') });
      return;
    }
    setProblems({});
    if (!(await ensureHostAccess(save.value.settings.apiBaseUrl))) {
      setProblems({ apiBaseUrl: t('options_permission_needed') });
      setSaveOutcome({ kind: 'error', text: t('options_permission_refused') });
      return;
    }
    setSaveOutcome({ kind: 'busy', text: t('options_saving') });
    const reply = await sendMessage('settings:save', save.value);
    if (!reply.ok) {
      setSaveOutcome({ kind: 'error', text: describeLocally(reply.error).message });
    } else if (!reply.value.ok) {
      setProblems({ [reply.value.error.field]: reply.value.error.message });
      setSaveOutcome({ kind: 'error', text: t('options_fix_fields') });
    } else {
      releaseHostAccess(saved.apiBaseUrl, reply.value.value.apiBaseUrl);
      setSaved(reply.value.value);
      setValues({ ...formFromSettings(reply.value.value) });
      setShowKey(false);
      if (save.value.apiKey.action === 'set') setKeySaves((count) => count + 1);
      setSaveOutcome({ kind: 'ok', text: t('options_saved') });
    }
  }

  async function onTest() {
    if (!values) return;
    const base = parseApiBaseUrl(values.apiBaseUrl);
    const account = parseAccountId(values.accountId);
    const key = values.apiKey.trim() ? parseApiKey(values.apiKey) : null;
    const found: Partial<Record<FieldName, string>> = {};
    if (!base.ok) found.apiBaseUrl = base.error;
    if (!account.ok) found.accountId = account.error;
    if (key && !key.ok) found.apiKey = key.error;
    setProblems(found);
    if (!base.ok || Object.keys(found).length) {
      setTestOutcome({ kind: 'error', text: t('options_fix_fields_test') });
      return;
    }
    if (!(await ensureHostAccess(base.value))) {
      setTestOutcome({ kind: 'error', text: t('options_permission_refused') });
      return;
    }
    setTestOutcome({ kind: 'busy', text: t('options_testing') });
    const reply = await sendMessage('connection:test', {
      apiBaseUrl: base.value,
      accountId: values.accountId,
      ...(key?.ok ? { apiKey: key.value } : {}),
    });
    const result = reply.ok ? reply.value : { ok: false as const, error: describeLocally(reply.error) };
    setTestOutcome(
      result.ok ? { kind: 'ok', text: result.value.summary } : { kind: 'error', text: result.error.message },
    );
  }

  async function onRemoveKey() {
    if (!saved) return;
    const reply = await sendMessage('settings:save', {
      apiKey: { action: 'clear' },
      settings: settingsOf(saved),
    });
    if (reply.ok && reply.value.ok) {
      setSaved(reply.value.value);
      setSaveOutcome({ kind: 'ok', text: t('options_key_removed') });
    } else {
      setSaveOutcome({ kind: 'error', text: t('options_key_not_removed') });
    }
  }

  /**
   * Deletes everything (`data:delete-all`), then shows the settings as they now are: the
   * defaults, no key. Resolves with the sentence to show when it could not.
   */
  async function onDeleteAll(): Promise<string | null> {
    const reply = await sendMessage('data:delete-all', null);
    const failure = !reply.ok ? reply.error : !reply.value.ok ? reply.value.error : null;
    if (failure) return describeLocally(failure).message;
    const fresh = await sendMessage('settings:get', null);
    if (!fresh.ok) return describeLocally(fresh.error).message;
    setSaved(fresh.value);
    setValues(formFromSettings(fresh.value));
    setProblems({});
    setShowKey(false);
    setSaveOutcome(null);
    setTestOutcome(null);
    setPermissionProblem(null);
    return null;
  }

  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      <p class="options__intro">{t('options_intro')}</p>
      <form onSubmit={onSave} noValidate>
        <Field
          id="api-key"
          label={t('field_api_key')}
          hint={saved.hasApiKey ? t('options_key_hint_saved') : t('options_key_hint_new')}
          problem={problems.apiKey}
        >
          <div class="field__row">
            <input
              {...inputOf('api-key', 'apiKey')}
              type={(showKey ? 'text' : 'password') as 'text'}
              placeholder={saved.hasApiKey ? t('options_key_placeholder_saved') : ''}
              autocomplete="off"
              spellcheck={false}
            />
            <button type="button" class="button" aria-pressed={showKey} onClick={() => setShowKey(!showKey)}>
              {showKey ? t('options_key_hide') : t('options_key_show')}
            </button>
            {saved.hasApiKey && (
              <button type="button" class="button" onClick={() => void onRemoveKey()}>
                {t('options_key_remove')}
              </button>
            )}
          </div>
        </Field>

        <Field
          id="api-base-url"
          label={t('field_api_base_url')}
          hint={t('options_base_url_hint')}
          problem={problems.apiBaseUrl}
        >
          <div class="field__row">
            <input {...inputOf('api-base-url', 'apiBaseUrl')} type="url" spellcheck={false} />
            {API_PRESETS.map((preset) => (
              <button
                key={preset.origin}
                type="button"
                class="button"
                aria-pressed={values.apiBaseUrl === preset.origin}
                onClick={() => void onPreset(preset.origin)}
              >
                {preset.label}
              </button>
            ))}
          </div>
        </Field>

        <AccountField
          hasApiKey={saved.hasApiKey}
          keySaves={keySaves}
          value={values.accountId}
          problem={problems.accountId}
          onChange={(accountId) => update('accountId', accountId)}
          askAccounts={askAccounts}
        />

        <Field
          id="freshness"
          label={t('options_freshness')}
          hint={t('options_freshness_hint', String(FRESHNESS_MINUTES.min), String(FRESHNESS_MINUTES.max))}
          problem={problems.freshnessMinutes}
        >
          <input
            {...inputOf('freshness', 'freshnessMinutes')}
            type="number"
            min={FRESHNESS_MINUTES.min}
            max={FRESHNESS_MINUTES.max}
          />
        </Field>

        <Field id="background-refresh" label={t('options_background')} hint={t('options_background_hint')}>
          <select
            id="background-refresh"
            value={values.backgroundRefresh}
            aria-describedby="background-refresh-hint"
            onChange={(event) => update('backgroundRefresh', event.currentTarget.value)}
          >
            {BACKGROUND_REFRESH_CHOICES.map(([value, label]) => (
              <option key={value} value={value}>
                {t(label)}
              </option>
            ))}
          </select>
        </Field>

        {switchOf('show-badge', 'showProfileBadge', t('options_show_badge'))}

        <fieldset class="options__group">
          <legend>{t('options_notifications')}</legend>
          <div class="field field--check">
            <input
              id="notifications"
              type="checkbox"
              checked={values.notifications}
              onChange={(event) => void onNotificationsChange(event.currentTarget.checked)}
            />
            <label for="notifications">{t('options_notify')}</label>
          </div>
          {permissionProblem && (
            <p class="field__problem" role="alert">
              {permissionProblem}
            </p>
          )}
          <Field
            id="notify-threshold"
            label={t('options_notify_threshold')}
            hint={t('options_notify_threshold_hint', NOTIFY_THRESHOLD.min, NOTIFY_THRESHOLD.max)}
            problem={problems.notifyThreshold}
          >
            <input
              {...inputOf('notify-threshold', 'notifyThreshold')}
              type="number"
              min={NOTIFY_THRESHOLD.min}
              max={NOTIFY_THRESHOLD.max}
              disabled={!values.notifications}
            />
          </Field>
          {switchOf('weekly-summary', 'weeklySummary', t('options_weekly'), !values.notifications)}
        </fieldset>

        {switchOf('debug', 'debug', t('options_debug'))}

        <div class="options__buttons">
          <button type="submit" class="button button--primary">
            {t('action_save')}
          </button>
          <button type="button" class="button" onClick={() => void onTest()}>
            {t('action_test_connection')}
          </button>
        </div>
        <OutcomeLine outcome={saveOutcome} testId="save-outcome" />
        <OutcomeLine outcome={testOutcome} testId="test-outcome" />
      </form>
      {saved.debug && <DebugPanel />}
      <DeleteAllData onDelete={onDeleteAll} />
    </main>
  );
}
