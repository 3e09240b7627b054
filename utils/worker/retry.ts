/** Retrying a failed request, with exponential backoff and jitter. */
import type { SsiError } from '../errors';
import type { Result } from '../result';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** First delay; each further one doubles. */
  baseDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** 0 <= random() < 1, for jitter. */
  random: () => number;
}

/**
 * Whether a failure is worth trying again automatically: network trouble and 5xx answers.
 * A timeout is not: it already cost the user the whole timeout once.
 */
export function isRetryable(error: SsiError): boolean {
  return error.code === 'network' || error.code === 'server' || error.code === 'session-expired';
}

/** The delay before retry number `attempt` (0-based): base x 2^attempt, jittered to 50-150 %. */
export function backoffDelay(policy: Pick<RetryPolicy, 'baseDelayMs' | 'random'>, attempt: number): number {
  return Math.round(policy.baseDelayMs * 2 ** attempt * (0.5 + policy.random()));
}

/**
 * Runs `attempt` until it succeeds, fails with an error that is not retryable
 * ({@link isRetryable}), or has been retried `policy.retries` times; returns the last result.
 */
export async function withRetry<T>(
  policy: RetryPolicy,
  attempt: () => Promise<Result<T, SsiError>>,
): Promise<Result<T, SsiError>> {
  let result = await attempt();
  for (let retry = 0; retry < policy.retries && !result.ok && isRetryable(result.error); retry++) {
    await policy.sleep(backoffDelay(policy, retry));
    result = await attempt();
  }
  return result;
}
