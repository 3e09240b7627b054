import { keyForNewAddress } from './api-key';
import { formatClock } from './format';
import { t, type MessageKey } from './i18n';

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

/** A description whose words are read in the UI language each time they are read. */
function described(title: MessageKey, message: MessageKey, action: ErrorAction): ErrorDescription {
  return {
    get title() {
      return t(title);
    },
    get message() {
      return t(message);
    },
    action,
  };
}

/**
 * The words for failures that happen inside the extension rather than at the API. Pages use
 * them for messages that never reached the service worker, without carrying every error's
 * wording (the service worker describes API errors for them: see `DescribedSsiState`).
 */
export const LOCAL_DESCRIPTIONS = {
  offline: described('error_offline_title', 'error_offline_message', 'retry'),
  'storage-failed': described('error_storage_failed_title', 'error_storage_failed_message', 'retry'),
  refused: described('error_refused_title', 'error_refused_message', 'none'),
  internal: described('error_internal_title', 'error_internal_message', 'retry'),
} as const satisfies Record<string, ErrorDescription>;

/** Words for an error a page met itself (the worker unreachable, a refused message, offline). */
export function describeLocally(error: Pick<SsiError, 'code'>): ErrorDescription {
  return Object.hasOwn(LOCAL_DESCRIPTIONS, error.code)
    ? LOCAL_DESCRIPTIONS[error.code as keyof typeof LOCAL_DESCRIPTIONS]
    : LOCAL_DESCRIPTIONS.internal;
}

/** The form field each `invalid-*` code is about, as the options page names it. */
const INVALID_INPUT_FIELDS = {
  'invalid-base-url': 'field_api_base_url',
  'invalid-key': 'field_api_key',
  'invalid-account-id': 'field_account_id',
} as const satisfies Record<string, MessageKey>;

/**
 * Maps an error to what the user reads and can do, in the UI language. Every code has words
 * that say what to do next; server words, when present, are quoted as they came (the caller
 * renders text).
 */
export function describeError(error: SsiError, now: number = Date.now()): ErrorDescription {
  const server = error.serverMessage;
  switch (error.code) {
    case 'no-key':
      return described('error_no_key_title', 'error_no_key_message', 'open-settings');
    case 'key-for-new-address':
      return { title: t('error_key_for_new_address_title'), message: keyForNewAddress(), action: 'none' };
    case 'invalid-base-url':
    case 'invalid-key':
    case 'invalid-account-id': {
      // One sentence for the three: the input's own rule says what is wrong (`detail`).
      const field = t(INVALID_INPUT_FIELDS[error.code]);
      return {
        title: t('error_invalid_input_title', field),
        message: error.detail ?? t('error_invalid_input_message', field),
        action: 'none',
      };
    }
    case 'unauthorized':
      return described('error_unauthorized_title', 'error_unauthorized_message', 'open-settings');
    case 'forbidden':
      return {
        title: t('error_forbidden_title'),
        message: server ? t('error_forbidden_server', server) : t('error_forbidden_message'),
        action: 'open-settings',
      };
    case 'bad-request':
      return {
        title: t('error_bad_request_title'),
        message: server ? t('error_bad_request_server', server) : t('error_bad_request_message'),
        action: 'open-settings',
      };
    case 'not-found':
      return described('error_not_found_title', 'error_not_found_message', 'open-settings');
    case 'rate-limited':
      return {
        title: t('error_rate_limited_title'),
        message:
          error.retryAt && error.retryAt > now
            ? t('error_rate_limited_until', formatClock(error.retryAt))
            : t('error_rate_limited_message'),
        action: 'retry',
      };
    case 'session-expired':
      return described('error_session_expired_title', 'error_session_expired_message', 'retry');
    case 'server':
      return {
        title: t('error_server_title'),
        // The status as digits: an HTTP status is a code, not a quantity.
        message: error.status ? t('error_server_status', String(error.status)) : t('error_server_message'),
        action: 'retry',
      };
    case 'api-error':
      return {
        title: t('error_api_error_title'),
        message: server ? t('error_api_error_server', server) : t('error_api_error_message'),
        action: 'retry',
      };
    case 'network':
      return described('error_network_title', 'error_network_message', 'retry');
    case 'timeout':
      return described('error_timeout_title', 'error_timeout_message', 'retry');
    case 'permission-missing':
      return described('error_permission_missing_title', 'error_permission_missing_message', 'open-settings');
    case 'malformed':
      return described('error_malformed_title', 'error_malformed_message', 'retry');
    case 'oversized':
      return described('error_oversized_title', 'error_oversized_message', 'open-settings');
    case 'no-score':
      return described('error_no_score_title', 'error_no_score_message', 'retry');
    case 'offline':
    case 'storage-failed':
    case 'refused':
    case 'internal':
      return LOCAL_DESCRIPTIONS[error.code];
  }
}
