/**
 * Schemas and parsers for the account routes: `GET /linkedin/accounts` (a light list whose
 * envelope is not confirmed: a bare array or an object holding one) and
 * `GET /linkedin/account/status`.
 */
import * as v from 'valibot';
import { ACCOUNT_ID } from '../../account-id';
import type { SsiError } from '../../errors';
import type { KeyAccount } from '../../key-accounts';
import { isJsonObject } from '../../json';
import { err, ok, type Result } from '../../result';
import { MAX_TEXT } from './ssi-schema';

const text = v.pipe(v.string(), v.maxLength(MAX_TEXT));

const AccountSummarySchema = v.object({
  // An account ID names a cache slot and a history: the `accountId` setting's rule.
  id: v.pipe(v.string(), v.regex(ACCOUNT_ID)),
  firstName: v.nullish(text),
  lastName: v.nullish(text),
  publicId: v.nullish(text),
  status: v.nullish(text),
  apiSeatAllocated: v.nullish(v.boolean()),
});

export type AccountSummary = KeyAccount;

const AccountListSchema = v.pipe(v.array(AccountSummarySchema), v.maxLength(500));

/** The array inside whichever envelope the API used. */
function unwrapList(body: unknown): unknown {
  if (Array.isArray(body)) return body;
  if (isJsonObject(body)) {
    for (const key of ['accounts', 'data', 'items', 'results']) {
      const inner = body[key];
      if (Array.isArray(inner)) return inner;
    }
  }
  return body;
}

/** The summary of a validated account record (a list item or a status answer). */
function summaryOf(account: v.InferOutput<typeof AccountSummarySchema>): AccountSummary {
  const name = [account.firstName, account.lastName].filter(Boolean).join(' ').trim();
  return {
    id: account.id,
    name: name || account.id,
    publicId: account.publicId ?? null,
    status: account.status ?? null,
    apiSeat: account.apiSeatAllocated ?? null,
  };
}

/** Validates an accounts answer (bare array or wrapped) into summaries. */
export function parseAccountList(body: unknown): Result<AccountSummary[], SsiError> {
  const parsed = v.safeParse(AccountListSchema, unwrapList(body));
  if (!parsed.success) return err({ code: 'malformed', detail: 'accounts: unexpected shape' });
  return ok(parsed.output.map(summaryOf));
}

const AccountStatusSchema = v.object({
  ...AccountSummarySchema.entries,
  enabled: v.nullish(v.boolean()),
  linkedinPlan: v.nullish(v.object({ hasSalesNavigator: v.nullish(v.boolean()) })),
});

export interface AccountStatus extends AccountSummary {
  enabled: boolean | null;
  hasSalesNavigator: boolean | null;
}

/** Validates an account status answer. */
export function parseAccountStatus(body: unknown): Result<AccountStatus, SsiError> {
  const parsed = v.safeParse(AccountStatusSchema, body);
  if (!parsed.success) return err({ code: 'malformed', detail: 'account status: unexpected shape' });
  const account = parsed.output;
  return ok({
    ...summaryOf(account),
    enabled: account.enabled ?? null,
    hasSalesNavigator: account.linkedinPlan?.hasSalesNavigator ?? null,
  });
}
