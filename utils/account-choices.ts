/**
 * The choices of a "LinkedIn account" picker (the popup's header, the options page): one per
 * person, so the key's default account, which the settings name with an empty ID, is never
 * listed twice.
 */
import { t } from './i18n';
import { accountProblem, type KeyAccountsView } from './key-accounts';

export interface AccountChoice {
  /** The `accountId` setting this choice saves: empty for the key's default account. */
  value: string;
  label: string;
  /** Why its SSI cannot be read now, in words that say what to do; null when it can. */
  problem: string | null;
}

/**
 * The label of the key's default account while its name is not known yet, in the UI language
 * (read once, as the module loads: the UI language does not change while the extension runs).
 */
export const DEFAULT_ACCOUNT_LABEL = t('account_key_default');

/**
 * The choices for `view` with `selected` (the `accountId` setting) among them: first the key's
 * default account (by name once a reading said which one it is), then the others in the API's
 * order. A selected ID the list does not hold stays a choice of its own, so that showing the
 * picker never changes the setting.
 */
export function accountChoices(view: KeyAccountsView, selected: string): AccountChoice[] {
  const accounts = view.accounts ?? [];
  const defaultAccount = accounts.find((account) => account.id === view.defaultAccountId);
  const choices: AccountChoice[] = [
    {
      value: '',
      label: defaultAccount ? t('account_named_default', defaultAccount.name) : DEFAULT_ACCOUNT_LABEL,
      problem: defaultAccount ? accountProblem(defaultAccount) : null,
    },
  ];
  for (const account of accounts) {
    if (account === defaultAccount) continue;
    choices.push({ value: account.id, label: account.name, problem: accountProblem(account) });
  }
  if (selected && !choices.some((choice) => choice.value === selected)) {
    choices.push({
      value: selected,
      label: t('account_label', selected),
      problem: view.accounts ? t('account_not_in_key') : null,
    });
  }
  return choices;
}

/**
 * The choice the picker shows for `selected`: the key's default account when `selected` is its
 * ID (a setting saved by ID before the default was known).
 */
export function selectedChoice(view: KeyAccountsView, selected: string): string {
  return selected && selected === view.defaultAccountId ? '' : selected;
}

/**
 * The name of the account `selected` (the `accountId` setting) stands for, once known: the
 * default account's only when a reading said which one it is. Null when not known.
 */
export function accountNameOf(view: KeyAccountsView, selected: string): string | null {
  const id = selected || view.defaultAccountId;
  return view.accounts?.find((account) => account.id === id)?.name ?? null;
}
