import { KEY_FOR_NEW_ADDRESS } from './api-key';

/**
 * Every way getting an SSI can fail, as data with one code each, and the one function that
 * turns a code into the words and the way out the user sees.
 */

export const SSI_ERROR_CODES = [
  'no-key',
  'key-for-new-address',
  'invalid-base-url',
  'invalid-key',
  'invalid-account-id',
  'unauthorized',
  'forbidden',
  'bad-request',
  'not-found',
  'rate-limited',
  'session-expired',
  'server',
  'api-error',
  'offline',
  'network',
  'timeout',
  'permission-missing',
  'malformed',
  'oversized',
  'no-score',
  'storage-failed',
  'internal',
  'refused',
] as const;

export type SsiErrorCode = (typeof SSI_ERROR_CODES)[number];

/** A failure, safe to store and to send to any extension context (it never holds the key). */
export interface SsiError {
  code: SsiErrorCode;
  /** HTTP status, when the failure came from an HTTP answer. */
  status?: number;
  /** The server's own words (already redacted and trimmed), shown as text only. */
  serverMessage?: string;
  /** When a new request makes sense again (epoch ms), for 429. */
  retryAt?: number;
  /**
   * A short detail: for the debug view, which field was wrong; for an `invalid-*` code, the
   * words of the rule the input broke (the same words the options form shows for that field).
   */
  detail?: string;
}

/** What the UI offers next to an error. */
export type ErrorAction = 'open-settings' | 'retry' | 'none';

export interface ErrorDescription {
  /** A short headline, e.g. for the toolbar tooltip. */
  title: string;
  /** One or two sentences saying what happened and what to do. */
  message: string;
  action: ErrorAction;
}

/**
 * The words for failures that happen inside the extension rather than at the API. Pages use
 * them for messages that never reached the service worker, without carrying every error's
 * wording (the service worker describes API errors for them: see `DescribedSsiState`).
 */
export const LOCAL_DESCRIPTIONS = {
  offline: {
    title: 'Offline',
    message: 'You are offline. The SSI will refresh when you are back online.',
    action: 'retry',
  },
  'storage-failed': {
    title: 'Could not save',
    message: 'The browser refused to save (its storage may be full). Free some disk space, then try again.',
    action: 'retry',
  },
  refused: {
    title: 'Request blocked',
    message: 'The extension refused a request it did not expect. Reload the page and try again.',
    action: 'none',
  },
  internal: {
    title: 'Something went wrong',
    message: 'Something went wrong inside the extension. Try again; if it persists, reload the extension.',
    action: 'retry',
  },
} as const satisfies Record<string, ErrorDescription>;

/** Words for an error a page met itself (the worker unreachable, a refused message, offline). */
export function describeLocally(error: Pick<SsiError, 'code'>): ErrorDescription {
  return Object.hasOwn(LOCAL_DESCRIPTIONS, error.code)
    ? LOCAL_DESCRIPTIONS[error.code as keyof typeof LOCAL_DESCRIPTIONS]
    : LOCAL_DESCRIPTIONS.internal;
}

/** The form field each `invalid-*` code is about, as the options page names it. */
const INVALID_INPUT_FIELDS = {
  'invalid-base-url': 'API base URL',
  'invalid-key': 'API key',
  'invalid-account-id': 'Account ID',
} as const;

function formatClock(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/**
 * Maps an error to what the user reads and can do. Every code has words that say what to
 * do next; server words, when present, are quoted as they came (the caller renders text).
 */
export function describeError(error: SsiError, now: number = Date.now()): ErrorDescription {
  const server = error.serverMessage;
  switch (error.code) {
    case 'no-key':
      return {
        title: 'API key needed',
        message: 'Add your API key in settings to see your SSI.',
        action: 'open-settings',
      };
    case 'key-for-new-address':
      return { title: 'Paste your key for this address', message: KEY_FOR_NEW_ADDRESS, action: 'none' };
    case 'invalid-base-url':
    case 'invalid-key':
    case 'invalid-account-id': {
      // One sentence for the three: the input's own rule says what is wrong (`detail`).
      const field = INVALID_INPUT_FIELDS[error.code];
      return {
        title: `Check the ${field}`,
        message: error.detail ?? `The ${field} is not valid: check it in the form above.`,
        action: 'none',
      };
    }
    case 'unauthorized':
      return {
        title: 'API key rejected',
        message: 'The API key was rejected: check it in settings.',
        action: 'open-settings',
      };
    case 'forbidden':
      return {
        title: 'Access refused',
        message: server
          ? `ConnectSafely refused access: “${server}”`
          : 'ConnectSafely refused access for this key. Check your plan in ConnectSafely.',
        action: 'open-settings',
      };
    case 'bad-request':
      return {
        title: 'Request refused',
        message: `${server ? `ConnectSafely said: “${server}”. ` : ''}Check the LinkedIn account in settings.`,
        action: 'open-settings',
      };
    case 'not-found':
      return {
        title: 'Wrong address',
        message: 'The API base URL does not answer like the ConnectSafely API: check it in settings.',
        action: 'open-settings',
      };
    case 'rate-limited': {
      const wait =
        error.retryAt && error.retryAt > now
          ? ` Try again after ${formatClock(error.retryAt)}.`
          : ' Try again in a minute.';
      return {
        title: 'Too many requests',
        message: `ConnectSafely asked us to slow down.${wait}`,
        action: 'retry',
      };
    }
    case 'session-expired':
      return {
        title: 'LinkedIn session expired',
        message:
          'The LinkedIn session behind this account has probably expired: reconnect the account in ConnectSafely, then refresh.',
        action: 'retry',
      };
    case 'server':
      return {
        title: 'ConnectSafely is having trouble',
        message: `ConnectSafely could not answer${error.status ? ` (HTTP ${error.status})` : ''}. Try again in a few minutes.`,
        action: 'retry',
      };
    case 'api-error':
      return {
        title: 'ConnectSafely reported a problem',
        message: server
          ? `ConnectSafely said: “${server}”`
          : 'ConnectSafely could not return your SSI. Try again later.',
        action: 'retry',
      };
    case 'offline':
      return LOCAL_DESCRIPTIONS['offline'];
    case 'network':
      return {
        title: 'API unreachable',
        message: 'Could not reach the API. Check your connection, or the API base URL in settings.',
        action: 'retry',
      };
    case 'timeout':
      return {
        title: 'API too slow',
        message: 'The API took too long to answer. Try again.',
        action: 'retry',
      };
    case 'permission-missing':
      return {
        title: 'Permission needed',
        message:
          'The extension may not call this API base URL yet: open settings and press Save to allow it.',
        action: 'open-settings',
      };
    case 'malformed':
      return {
        title: 'Unreadable answer',
        message:
          'The API answered with data this extension cannot read. Check the API base URL in settings, or try again later.',
        action: 'retry',
      };
    case 'oversized':
      return {
        title: 'Answer too large',
        message: 'The API sent far more data than an SSI needs. Check the API base URL in settings.',
        action: 'open-settings',
      };
    case 'no-score':
      return {
        title: 'No SSI yet',
        message:
          'ConnectSafely has no SSI for this account yet. Check that it is connected in ConnectSafely, then refresh.',
        action: 'retry',
      };
    case 'storage-failed':
      return LOCAL_DESCRIPTIONS['storage-failed'];
    case 'refused':
      return LOCAL_DESCRIPTIONS['refused'];
    case 'internal':
      return LOCAL_DESCRIPTIONS['internal'];
  }
}
