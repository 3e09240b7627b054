/**
 * The options page's "LinkedIn account" field, as data: what the worker's `accounts:get` reply
 * lets the field show (a picker by name, or the typed ID when no list can load), and the
 * picker's choices for the form's `accountId`.
 */
import { accountChoices, selectedChoice, type AccountChoice } from '@/utils/account-choices';
import { describeLocally } from '@/utils/errors';
import type { KeyAccountsView } from '@/utils/key-accounts';
import type { Reply } from '@/utils/messaging/protocol';
import { t } from '@/utils/i18n';

/** The key's accounts as the field knows them. */
export type AccountList =
  /** No key is saved: nothing to list. */
  | { state: 'no-key' }
  /** The first answer is awaited. */
  | { state: 'loading' }
  /** A list, and the last attempt's failure in words when it failed (the list is then older). */
  | { state: 'loaded'; view: KeyAccountsView; problem: string | null }
  /** No list could load, in words. */
  | { state: 'failed'; problem: string };

/** The words of a failure the worker did not put in words (read once, as the module loads). */
export const LIST_FAILED = t('account_list_failed');

/** The field's hint when no key is saved (read once, as the module loads). */
export const SAVE_KEY_FIRST = t('account_save_key_first');

/** What an `accounts:get` reply means for the field: a list (maybe with a failure), or a failure. */
export function accountListOf(reply: Reply<'accounts:get'>): AccountList {
  if (!reply.ok) return { state: 'failed', problem: describeLocally(reply.error).message };
  const { accounts, defaultAccountId, problem } = reply.value;
  if (!accounts) return { state: 'failed', problem: problem?.message ?? LIST_FAILED };
  return { state: 'loaded', view: { accounts, defaultAccountId }, problem: problem?.message ?? null };
}

/** An option's text: the choice's label, marked when its SSI cannot be read now. */
export function optionLabel(choice: AccountChoice): string {
  return choice.problem ? t('account_option_needs_attention', choice.label) : choice.label;
}

/** The picker for the form's `accountId`: its choices, the one shown, and that one's problem. */
export function pickerOf(view: KeyAccountsView, accountId: string) {
  const shown = selectedChoice(view, accountId);
  const choices = accountChoices(view, shown);
  const problem = choices.find((choice) => choice.value === shown)?.problem ?? null;
  return { choices, shown, problem };
}
