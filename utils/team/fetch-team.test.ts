import { describe, expect, it } from 'vitest';
import { describeError, type SsiError } from '../errors';
import type { KeyAccount } from '../key-accounts';
import type { DescribedSsiState } from '../messaging/protocol';
import { err, ok, type Result } from '../result';
import { makeSnapshot } from '../testing/snapshot';
import { describedState } from '../testing/ssi-state';
import {
  fetchTeam,
  MAX_IN_FLIGHT,
  retryableRows,
  teamRows,
  type FetchTeamDeps,
  type TeamProgress,
  type TeamRow,
} from './fetch-team';

const T0 = Date.parse('2026-12-03T09:00:00Z');

function account(id: string, overrides: Partial<KeyAccount> = {}): KeyAccount {
  return { id, name: `Name ${id}`, publicId: null, status: 'AVAILABLE', apiSeat: true, ...overrides };
}

const reading = (id: string, overall = 50) =>
  describedState({ snapshot: makeSnapshot({ accountId: id, overall }) });

function rateLimited(retryAt: number, snapshot = null as DescribedSsiState['snapshot']): DescribedSsiState {
  const error: SsiError = { code: 'rate-limited', status: 429, retryAt };
  return describedState({ snapshot, error, errorAt: T0, problem: describeError(error, T0) });
}

type Reply = Result<DescribedSsiState, SsiError>;

/** A make-believe worker and clock: `sleep` moves the clock on at once and is recorded. */
function harness(answer: (id: string, refresh: boolean, ask: number) => Reply | Promise<Reply>) {
  let now = T0;
  const asks: { id: string; refresh: boolean; at: number }[] = [];
  const sleeps: number[] = [];
  const progress: TeamProgress[] = [];
  const deps: FetchTeamDeps = {
    getSsi: async (id, refresh) => {
      asks.push({ id, refresh, at: now });
      return answer(id, refresh, asks.filter((ask) => ask.id === id).length);
    },
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    now: () => now,
    onProgress: (step) => progress.push(step),
  };
  return { deps, asks, sleeps, progress };
}

const words = (rows: TeamRow[]) => rows.map((row) => [row.account.id, row.status, row.problem]);

describe('fetchTeam', () => {
  it('never has more than two asks in flight, and asks every usable account once, without refresh', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const pending = new Map<string, (reply: Reply) => void>();
    let inFlight = 0;
    let maxInFlight = 0;
    const { deps, asks } = harness(
      (id) =>
        new Promise<Reply>((resolve) => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          pending.set(id, (reply) => {
            inFlight--;
            resolve(reply);
          });
        }),
    );
    const run = fetchTeam(teamRows(ids.map((id) => account(id))), deps);
    // Answers out of order, one at a time, as the asks arrive.
    for (const id of ['b', 'a', 'd', 'c', 'e']) {
      await expect.poll(() => pending.has(id)).toBe(true);
      expect(inFlight).toBeLessThanOrEqual(MAX_IN_FLIGHT);
      pending.get(id)!(ok(reading(id)));
      pending.delete(id);
    }
    const rows = await run;
    expect(maxInFlight).toBe(MAX_IN_FLIGHT);
    expect(asks.map((ask) => ask.id).sort()).toEqual(ids);
    expect(asks.every((ask) => !ask.refresh)).toBe(true);
    expect(rows.map((row) => [row.account.id, row.status, row.snapshot?.accountId])).toEqual(
      ids.map((id) => [id, 'done', id]),
    );
  });

  it('waits out a 429 as Retry-After says, pausing every lane, then asks that account again by itself', async () => {
    const { deps, asks, sleeps, progress } = harness((id, _refresh, ask) =>
      id === 'b' && ask === 1 ? ok(rateLimited(T0 + 2_000)) : ok(reading(id)),
    );
    const rows = await fetchTeam(teamRows(['a', 'b', 'c'].map((id) => account(id))), deps);

    expect(words(rows)).toEqual([
      ['a', 'done', null],
      ['b', 'done', null],
      ['c', 'done', null],
    ]);
    expect(sleeps).toEqual([2_000]);
    // The retry is forced: the worker would otherwise serve its cooldown, not ask again.
    expect(asks).toEqual([
      { id: 'a', refresh: false, at: T0 },
      { id: 'b', refresh: false, at: T0 },
      { id: 'c', refresh: false, at: T0 + 2_000 },
      { id: 'b', refresh: true, at: T0 + 2_000 },
    ]);
    expect(progress).toContainEqual({ done: 0, total: 3, waitingUntil: T0 + 2_000 });
  });

  it('does not wait a pause over a minute: the row says when to try again, and no other account is asked meanwhile', async () => {
    const { deps, asks, sleeps } = harness((id) =>
      id === 'a' ? ok(rateLimited(T0 + 5 * 60_000)) : ok(reading(id)),
    );
    const rows = await fetchTeam(teamRows(['a', 'b', 'c'].map((id) => account(id))), deps);

    expect(sleeps).toEqual([]);
    expect(asks.map((ask) => ask.id)).toEqual(['a', 'b']);
    expect(words(rows)).toEqual([
      ['a', 'rate-limited', 'Rate limited: try again in 5 min.'],
      ['b', 'done', null],
      ['c', 'rate-limited', 'Rate limited: try again in 5 min.'],
    ]);
    expect(retryableRows(rows).map((row) => row.account.id)).toEqual(['a', 'c']);
  });

  it('gives up on an account after three 429s in a row', async () => {
    const { deps, asks } = harness(() => ok(rateLimited(T0 + 1_000)));
    const later = () => T0 + 1_000 * asks.length;
    deps.getSsi = async (id, refresh) => {
      asks.push({ id, refresh, at: deps.now() });
      return ok(rateLimited(later()));
    };
    const [row] = await fetchTeam(teamRows([account('a')]), deps);
    expect(asks).toHaveLength(3);
    expect(row!.status).toBe('rate-limited');
  });

  it("keeps the others when one account fails, in the worker's words, with its last reading", async () => {
    const expired: SsiError = { code: 'session-expired', status: 500 };
    const stale = makeSnapshot({ accountId: 'b', overall: 42 });
    const { deps } = harness((id) =>
      id === 'b'
        ? ok(
            describedState({ snapshot: stale, error: expired, errorAt: T0, problem: describeError(expired) }),
          )
        : id === 'c'
          ? err({ code: 'internal', detail: 'the service worker could not be reached' })
          : ok(reading(id)),
    );
    const rows = await fetchTeam(teamRows(['a', 'b', 'c'].map((id) => account(id))), deps);

    expect(words(rows)).toEqual([
      ['a', 'done', null],
      ['b', 'failed', describeError(expired).message],
      [
        'c',
        'failed',
        'Something went wrong inside the extension. Try again; if it persists, reload the extension.',
      ],
    ]);
    expect(rows[1]!.snapshot).toBe(stale);
    expect(rows[0]!.snapshot?.accountId).toBe('a');
  });

  it('reports progress from 0 to the number of usable accounts', async () => {
    const { deps, progress } = harness((id) => ok(reading(id)));
    await fetchTeam(teamRows(['a', 'b', 'c'].map((id) => account(id))), deps);
    expect(progress.map((step) => `${step.done} of ${step.total}`)).toEqual([
      '0 of 3',
      '1 of 3',
      '2 of 3',
      '3 of 3',
    ]);
  });

  it('shows unusable accounts with their words and never asks for them', async () => {
    const { deps, asks, progress } = harness((id) => ok(reading(id)));
    const accounts = [
      account('a'),
      account('b', { status: 'ERROR' }),
      account('c', { apiSeat: false }),
      account('d', { status: null, apiSeat: null }),
    ];
    const rows = await fetchTeam(teamRows(accounts), deps);

    expect(asks.map((ask) => ask.id)).toEqual(['a', 'd']);
    expect(words(rows)).toEqual([
      ['a', 'done', null],
      [
        'b',
        'unusable',
        'Its LinkedIn connection has a problem: reconnect it in the ConnectSafely dashboard.',
      ],
      ['c', 'unusable', 'It has no API seat: allocate one to it in the ConnectSafely dashboard.'],
      ['d', 'done', null],
    ]);
    expect(progress.at(-1)).toEqual({ done: 2, total: 2, waitingUntil: null });
  });

  it('asks again with refresh for a Retry', async () => {
    const { deps, asks } = harness((id) => ok(reading(id)));
    await fetchTeam(
      [{ account: { id: 'a', name: 'A' }, status: 'failed', snapshot: null, problem: 'x' }],
      deps,
      {
        refresh: true,
      },
    );
    expect(asks).toEqual([{ id: 'a', refresh: true, at: T0 }]);
  });

  it('starts no new ask once aborted', async () => {
    const controller = new AbortController();
    const { deps, asks } = harness((id) => {
      controller.abort();
      return ok(reading(id));
    });
    const rows = await fetchTeam(teamRows(['a', 'b', 'c', 'd'].map((id) => account(id))), {
      ...deps,
      signal: controller.signal,
    });
    // Aborted as the first ask was answered: the second lane never started.
    expect(asks.map((ask) => ask.id)).toEqual(['a']);
    expect(rows.map((row) => row.status)).toEqual(['done', 'queued', 'queued', 'queued']);
  });
});
