import type { JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Reply } from '@/utils/messaging/protocol';
import { accountListOf, optionLabel, pickerOf, SAVE_KEY_FIRST, type AccountList } from './account-field';
import { Field } from './Field';
import { t } from '@/utils/i18n';

const AWAITED = { accounts: null, defaultAccountId: null };

export interface AccountFieldProps {
  /** Whether a key is saved: without one there is no list to ask for. */
  hasApiKey: boolean;
  /** Changes each time a key is saved (a new key, or the key for a new address): the list is asked again. */
  keySaves: number;
  /** The form's `accountId`: empty for the key's default account. */
  value: string;
  /** The form's problem with `accountId`, in words. */
  problem?: string;
  onChange(accountId: string): void;
  /** Asks the service worker for the key's accounts (`accounts:get`). Never rejects. */
  askAccounts(refresh: boolean): Promise<Reply<'accounts:get'>>;
}

/**
 * The "LinkedIn account" field: a picker of the key's accounts by name, with a "Reload list"
 * button; the typed "Account ID" only while no list can load (no key saved, or the list failed),
 * saying why. Either way it edits the form's `accountId`, which Save saves with the rest.
 */
export function AccountField(props: AccountFieldProps) {
  const { hasApiKey, keySaves, askAccounts } = props;
  // The list belongs to the key saved when it was asked: from the render a key is saved or
  // removed in, an older list is not shown.
  const generation = hasApiKey ? keySaves : -1;
  const [answered, setAnswered] = useState<{ generation: number; list: AccountList } | null>(null);
  const [busy, setBusy] = useState(false);
  // Answers to all but the latest ask are dropped: a reload may overtake the first load.
  const latest = useRef(0);

  const load = useCallback(
    async (refresh: boolean, forKey: number) => {
      const ask = ++latest.current;
      setBusy(true);
      const reply = await askAccounts(refresh);
      if (ask !== latest.current) return;
      setAnswered({ generation: forKey, list: accountListOf(reply) });
      setBusy(false);
    },
    [askAccounts],
  );

  useEffect(() => {
    latest.current++;
    setBusy(false);
    if (generation >= 0) void load(false, generation);
  }, [generation, load]);

  const list: AccountList = !hasApiKey
    ? { state: 'no-key' }
    : answered?.generation === generation
      ? answered.list
      : { state: 'loading' };

  const reload = (
    <button
      type="button"
      class="button"
      aria-disabled={busy}
      aria-busy={busy}
      onClick={() => {
        if (!busy) void load(true, generation);
      }}
    >
      {busy ? t('account_reloading') : t('account_reload')}
    </button>
  );
  const status = (
    <div role="status" class="field__status">
      {busy && <p class="field__hint">{t('account_loading_list')}</p>}
    </div>
  );
  const describedBy = (...ids: (string | false | null | undefined)[]) =>
    ids.filter(Boolean).join(' ') || undefined;

  const typed = list.state === 'no-key' || list.state === 'failed';
  const id = typed ? 'account-id' : 'account';
  const problemId = props.problem && `${id}-problem`;
  let notes: JSX.Element;
  let control: JSX.Element;
  if (typed) {
    const failed = list.state === 'failed';
    notes = (
      <>
        <p class={failed ? 'field__problem' : 'field__hint'} id={`${id}-list`}>
          {failed ? t('account_not_listed', list.problem) : SAVE_KEY_FIRST}
        </p>
        {failed && status}
      </>
    );
    control = (
      <input
        id={id}
        type="text"
        spellcheck={false}
        value={props.value}
        aria-invalid={Boolean(props.problem)}
        aria-describedby={describedBy(`${id}-hint`, `${id}-list`, problemId)}
        onInput={(event) => props.onChange(event.currentTarget.value)}
      />
    );
  } else {
    const picker = pickerOf(list.state === 'loaded' ? list.view : AWAITED, props.value);
    const listProblem = list.state === 'loaded' ? list.problem : null;
    notes = (
      <>
        {picker.problem && (
          <p class="field__problem" id={`${id}-choice`}>
            {picker.problem}
          </p>
        )}
        {listProblem && (
          <p class="field__problem" id={`${id}-list`} role="alert">
            {t('account_list_stale', listProblem)}
          </p>
        )}
        {status}
      </>
    );
    control = (
      <select
        id={id}
        value={picker.shown}
        disabled={list.state === 'loading'}
        aria-invalid={Boolean(props.problem)}
        aria-describedby={describedBy(
          `${id}-hint`,
          picker.problem && `${id}-choice`,
          listProblem && `${id}-list`,
          problemId,
        )}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        {picker.choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {optionLabel(choice)}
          </option>
        ))}
      </select>
    );
  }

  return (
    <Field
      id={id}
      label={typed ? t('field_account_id') : t('account_picker_label')}
      hint={typed ? t('options_account_hint') : t('account_picker_hint')}
      problem={props.problem}
      notes={notes}
    >
      <div class="field__row">
        {control}
        {list.state !== 'no-key' && reload}
      </div>
    </Field>
  );
}
