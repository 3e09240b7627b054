/**
 * The ConnectSafely API client: the only code that builds requests. Used by the service
 * worker alone (it needs the key).
 */
import type { SsiError } from '../../errors';
import { err, ok, type Result } from '../../result';
import { parseSsiResponse } from './ssi-parse';
import type { SsiSnapshot } from '../../ssi/model';
import { parseAccountList, parseAccountStatus, type AccountStatus, type AccountSummary } from './accounts';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  getJson,
  serverWords,
  type ApiTarget,
  type HttpDeps,
} from './http';

export type { ApiTarget } from './http';

export interface SsiRequest {
  /** Empty or missing: the key's default account. */
  accountId?: string;
  /** Ask for LinkedIn's raw answer too. */
  debug?: boolean;
}

export interface SsiClient {
  /**
   * The SSI of one account. Resolves with a validated snapshot, or an error value for every
   * failure (HTTP status, network, timeout, oversized or malformed body, `success: false`).
   * Never rejects.
   */
  getSsi(target: ApiTarget, request?: SsiRequest): Promise<Result<SsiSnapshot, SsiError>>;
  /** The key's LinkedIn accounts, optionally filtered by `q`. Never rejects. */
  listAccounts(target: ApiTarget, q?: string): Promise<Result<AccountSummary[], SsiError>>;
  /** One account's connection status. Never rejects. */
  getAccountStatus(target: ApiTarget, accountId: string): Promise<Result<AccountStatus, SsiError>>;
}

/** Builds a client; every dependency can be replaced (tests pass a local fetch and a clock). */
export function createSsiClient(deps: Partial<HttpDeps> & Pick<HttpDeps, 'fetch'>): SsiClient {
  const http: HttpDeps = {
    now: () => Date.now(),
    isOnline: () => true,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    maxBytes: DEFAULT_MAX_BYTES,
    ...deps,
  };

  return {
    async getSsi(target, request = {}) {
      const answer = await getJson(http, target, '/linkedin/ssi', {
        accountId: request.accountId,
        debug: request.debug ? 'true' : undefined,
      });
      if (!answer.ok) return answer;
      const parsed = parseSsiResponse(answer.value, http.now());
      if (!parsed.ok && parsed.error.code === 'api-error') {
        const serverMessage = serverWords(answer.value, target.apiKey);
        return err({ ...parsed.error, ...(serverMessage ? { serverMessage } : {}) });
      }
      return parsed;
    },

    async listAccounts(target, q) {
      const answer = await getJson(http, target, '/linkedin/accounts', { q });
      return answer.ok ? parseAccountList(answer.value) : answer;
    },

    async getAccountStatus(target, accountId) {
      const answer = await getJson(http, target, '/linkedin/account/status', { accountId });
      if (!answer.ok) return answer;
      const status = parseAccountStatus(answer.value);
      return status.ok ? ok(status.value) : err(status.error);
    },
  };
}
