/**
 * What an API key looks like before it is saved or tested. Shared by the options form and the
 * service worker; the key itself is stored by the worker alone (`worker/secrets.ts`).
 */
import { err, ok, type Result } from './result';

/**
 * Why a saved key is not sent to an address it was not saved for (a typo must not receive it):
 * the words of a save or a test that would.
 */
export const KEY_FOR_NEW_ADDRESS =
  'The saved key only goes to the API base URL it was saved with. To use another address, paste the key again.';

const API_KEY = /^[\x21-\x7e]{8,512}$/;

/** An API key is 8 to 512 printable characters without spaces; the words say what is wrong. */
export function parseApiKey(input: string): Result<string, string> {
  const trimmed = input.trim();
  if (!trimmed) return err('Enter your API key.');
  if (trimmed.length < 8)
    return err('That key looks too short: paste the whole key from the ConnectSafely dashboard.');
  return API_KEY.test(trimmed)
    ? ok(trimmed)
    : err('That does not look like an API key: paste it again without spaces.');
}
