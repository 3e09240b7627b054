/**
 * What a LinkedIn account ID (of ConnectSafely) looks like. Its own module, free of the other
 * settings' rules: the popup's first frame checks an ID's length with no more code than this.
 */
import { t } from './i18n';
import { err, ok, type Result } from './result';

/** The longest account ID settings accept (ConnectSafely's are 24 characters). */
export const ACCOUNT_ID_MAX_LENGTH = 64;

/** What an account ID is: its characters and length. */
export const ACCOUNT_ID = new RegExp(`^[A-Za-z0-9_-]{1,${ACCOUNT_ID_MAX_LENGTH}}$`);

/** An account id is optional; when given it is a short token (ConnectSafely's are 24 hex). */
export function parseAccountId(input: string): Result<string, string> {
  const trimmed = input.trim();
  if (!trimmed) return ok('');
  return ACCOUNT_ID.test(trimmed) ? ok(trimmed) : err(t('account_id_invalid'));
}
