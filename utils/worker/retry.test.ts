import { describe, expect, it, vi } from 'vitest';
import { SSI_ERROR_CODES, type SsiError, type SsiErrorCode } from '../errors';
import { err, ok, type Result } from '../result';
import { backoffDelay, isRetryable, withRetry, type RetryPolicy } from './retry';

function policy(overrides: Partial<RetryPolicy> = {}): RetryPolicy & { delays: number[] } {
  const delays: number[] = [];
  return {
    retries: 3,
    baseDelayMs: 100,
    random: () => 0.5,
    sleep: (ms) => {
      delays.push(ms);
      return Promise.resolve();
    },
    ...overrides,
    delays,
  };
}

/** An attempt that answers each result in turn, then the last one forever. */
function attempts(...results: Result<string, SsiError>[]) {
  let call = 0;
  return vi.fn(() => Promise.resolve(results[Math.min(call++, results.length - 1)] ?? ok('?')));
}

const failure = (code: SsiErrorCode) => err<SsiError>({ code });

describe('backoffDelay', () => {
  it.each([
    [0, 0.5, 100],
    [1, 0.5, 200],
    [2, 0.5, 400],
    [3, 0.5, 800],
    [0, 0, 50],
    [2, 0, 200],
    [0, 0.999, 150],
    [3, 0.999, 1199],
    [1, 0.25, 150],
  ])('attempt %i with random %d waits %i ms', (attempt, random, expected) => {
    expect(backoffDelay({ baseDelayMs: 100, random: () => random }, attempt)).toBe(expected);
  });
});

describe('withRetry', () => {
  it('does not retry or sleep when the first attempt succeeds', async () => {
    const retry = policy();
    const attempt = attempts(ok('done'));
    expect(await withRetry(retry, attempt)).toEqual(ok('done'));
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(retry.delays).toEqual([]);
  });

  it.each<SsiErrorCode>(['network', 'server', 'session-expired'])(
    'retries %s at most `retries` times with growing delays, and returns the last error',
    async (code) => {
      const retry = policy({ retries: 3 });
      const attempt = attempts(failure(code));
      expect(await withRetry(retry, attempt)).toEqual(failure(code));
      expect(attempt).toHaveBeenCalledTimes(4);
      expect(retry.delays).toEqual([100, 200, 400]);
    },
  );

  it('stops as soon as an attempt succeeds', async () => {
    const retry = policy({ retries: 5 });
    const attempt = attempts(failure('network'), failure('server'), ok('third time'));
    expect(await withRetry(retry, attempt)).toEqual(ok('third time'));
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(retry.delays).toEqual([100, 200]);
  });

  it('stops when a retry fails with an error that is not retryable', async () => {
    const retry = policy({ retries: 5 });
    const attempt = attempts(failure('network'), failure('unauthorized'), ok('never'));
    expect(await withRetry(retry, attempt)).toEqual(failure('unauthorized'));
    expect(attempt).toHaveBeenCalledTimes(2);
  });

  const notRetryable = SSI_ERROR_CODES.filter(
    (code) => !['network', 'server', 'session-expired'].includes(code),
  );
  it.each(notRetryable)('never retries %s', async (code) => {
    const retry = policy();
    const attempt = attempts(failure(code), ok('never'));
    expect(await withRetry(retry, attempt)).toEqual(failure(code));
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(retry.delays).toEqual([]);
  });

  it('makes a single attempt when retries is 0', async () => {
    const retry = policy({ retries: 0 });
    const attempt = attempts(failure('network'));
    await withRetry(retry, attempt);
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(retry.delays).toEqual([]);
  });

  it('jitters each delay with the random source: base x 2^n x (0.5 + random)', async () => {
    const randoms = [0, 0.25, 0.999];
    const retry = policy({ retries: 3, baseDelayMs: 1_000, random: () => randoms.shift() ?? 0 });
    await withRetry(retry, attempts(failure('server')));
    expect(retry.delays).toEqual([500, 1_500, 5_996]);
  });

  it('sleeps before each retry, not after the last attempt', async () => {
    const events: string[] = [];
    const retry = policy({
      retries: 2,
      sleep: (ms) => {
        events.push(`sleep ${ms}`);
        return Promise.resolve();
      },
    });
    await withRetry(retry, () => {
      events.push('attempt');
      return Promise.resolve(failure('network'));
    });
    expect(events).toEqual(['attempt', 'sleep 100', 'attempt', 'sleep 200', 'attempt']);
  });
});

describe('isRetryable', () => {
  const retryable = new Set<SsiErrorCode>(['network', 'server', 'session-expired']);
  it.each(SSI_ERROR_CODES.map((code) => [code, retryable.has(code)] as const))(
    '%s → %s',
    (code, expected) => {
      expect(isRetryable({ code })).toBe(expected);
    },
  );
});
