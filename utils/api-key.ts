/**
 * What an API key looks like before it is saved or tested. Shared by the options form and the
 * service worker; the key itself is stored by the worker alone (`worker/secrets.ts`).
 */
import { t } from './i18n';
import { err, ok, type Result } from './result';

/**
 * Why a saved key is not sent to an address it was not saved for (a typo must not receive it):
 * the words of a save or a test that would.
 */
export function keyForNewAddress(): string {
  return t('api_key_for_new_address');
}

const API_KEY = /^[\x21-\x7e]{8,512}$/;

/** An API key is 8 to 512 printable characters without spaces; the words say what is wrong. */
export function parseApiKey(input: string): Result<string, string> {
  const trimmed = input.trim();
  if (!trimmed) return err(t('api_key_empty'));
  if (trimmed.length < 8) return err(t('api_key_too_short'));
  return API_KEY.test(trimmed) ? ok(trimmed) : err(t('api_key_malformed'));
}
