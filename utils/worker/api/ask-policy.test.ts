import { describe, expect, it, vi } from 'vitest';
import { SSI_ERROR_CODES, type SsiError } from '../../errors';
import type { LastFailure } from '../../api-cache';
import { FAILURE_COOLDOWN_MS, mayAskApi } from './ask-policy';

const T0 = Date.parse('2026-12-02T09:00:00.000Z');

function ask(last: LastFailure | null, now: number, forced: boolean, callable = false) {
  const mayCallOrigin = vi.fn(async () => callable);
  return { answer: mayAskApi(last, { now, forced, mayCallOrigin }), mayCallOrigin };
}

describe('mayAskApi', () => {
  it.each([false, true])('lets any ask go when nothing failed (forced: %s)', async (forced) => {
    expect(await ask(null, T0, forced).answer).toBe(true);
  });

  describe.each(SSI_ERROR_CODES.filter((code) => code !== 'permission-missing'))('after %s', (code) => {
    const last = { error: { code }, at: T0 };

    it.each([
      { label: 'just after', now: T0, forced: false, may: false },
      {
        label: '1 ms before the cooldown ends',
        now: T0 + FAILURE_COOLDOWN_MS - 1,
        forced: false,
        may: false,
      },
      { label: 'when the cooldown ends', now: T0 + FAILURE_COOLDOWN_MS, forced: false, may: true },
      { label: 'just after, forced', now: T0, forced: true, may: true },
    ])('$label: $may', async ({ now, forced, may }) => {
      expect(await ask(last, now, forced, true).answer).toBe(may);
    });
  });

  describe('after a 429', () => {
    const limited: SsiError = { code: 'rate-limited', status: 429, retryAt: T0 + 5 * FAILURE_COOLDOWN_MS };

    it.each([
      { now: T0 + FAILURE_COOLDOWN_MS, forced: false, may: false },
      { now: T0 + 5 * FAILURE_COOLDOWN_MS - 1, forced: true, may: false },
      { now: T0 + 5 * FAILURE_COOLDOWN_MS, forced: false, may: true },
    ])(
      'at +$now ms, forced $forced: $may (the pause binds forced asks too)',
      async ({ now, forced, may }) => {
        expect(await ask({ error: limited, at: T0 }, now, forced).answer).toBe(may);
      },
    );

    it('with a pause shorter than the cooldown, automatic asks still wait out the cooldown', async () => {
      const short = { error: { ...limited, retryAt: T0 + 1_000 }, at: T0 };
      expect(await ask(short, T0 + 2_000, false).answer).toBe(false);
      expect(await ask(short, T0 + 2_000, true).answer).toBe(true);
    });
  });

  describe('after permission-missing', () => {
    const last: LastFailure = { error: { code: 'permission-missing' }, at: T0 };

    it('within the cooldown, an automatic ask goes once the origin may be called (asked of the browser)', async () => {
      const granted = ask(last, T0 + 1, false, true);
      expect(await granted.answer).toBe(true);
      expect(granted.mayCallOrigin).toHaveBeenCalledTimes(1);
    });

    it('within the cooldown, an automatic ask waits while the permission is still missing', async () => {
      expect(await ask(last, T0 + 1, false, false).answer).toBe(false);
    });

    it('after the cooldown, asks without looking at the permission (the request will)', async () => {
      const later = ask(last, T0 + FAILURE_COOLDOWN_MS, false, false);
      expect(await later.answer).toBe(true);
      expect(later.mayCallOrigin).not.toHaveBeenCalled();
    });
  });
});
