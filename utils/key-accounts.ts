/**
 * The LinkedIn accounts an API key holds (`GET /linkedin/accounts`), as every context sees
 * them: who each is, and whether the extension can read its SSI now.
 */
import type { AccountsEntry, CacheEntry } from './api-cache';
import { t } from './i18n';

/** One LinkedIn account of the key. */
export interface KeyAccount {
  /** The account's ConnectSafely ID (24 hex characters in the documented API). */
  id: string;
  /** First and last name; the ID when the API gave neither. */
  name: string;
  /** The `/in/<publicId>/` slug, when known. */
  publicId: string | null;
  /** ConnectSafely's connection status: `AVAILABLE`, `IN_USE` or `ERROR` (null when not given). */
  status: string | null;
  /** Whether the account holds an API seat (null when not given). */
  apiSeat: boolean | null;
}

/**
 * Why the extension cannot read this account's SSI now, in words that say what to do; null
 * when nothing stands in the way. Unknown statuses are not held against an account: the API
 * says so itself when asked.
 */
export function accountProblem(account: Pick<KeyAccount, 'status' | 'apiSeat'>): string | null {
  if (account.status === 'ERROR') return t('account_problem_connection');
  if (account.apiSeat === false) return t('account_problem_no_seat');
  return null;
}

/** The key's accounts as the worker hands them to pages. */
export interface KeyAccountsView {
  /** The accounts, in the API's order; null while none were ever loaded for this key and origin. */
  accounts: KeyAccount[] | null;
  /** The ID of the account the key answers for without an `accountId`, once a reading said it. */
  defaultAccountId: string | null;
}

/**
 * The view of what storage holds: the accounts entry of the API origin, and the default slot's
 * entry (its reading names the default account).
 */
export function keyAccountsViewOf(
  accounts: AccountsEntry | null,
  defaultSlot: CacheEntry | null,
): KeyAccountsView {
  return {
    accounts: accounts?.list?.accounts ?? null,
    defaultAccountId: defaultSlot?.snapshot?.accountId ?? null,
  };
}
