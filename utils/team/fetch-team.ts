/**
 * Reads the SSI of every account of the key, politely: at most {@link MAX_IN_FLIGHT} asks at
 * once, the worker's cache reused (asks go without `refresh`), and a 429 treated as key-wide:
 * every lane pauses until its `retryAt`, then the account is asked again, unless the wait is
 * longer than {@link MAX_WAIT_MS}, in which case the rows say when to try again. Pure: the
 * worker, the clock and the timer are injected, so it runs in a page and in a test alike.
 */
import { describeLocally, type SsiError } from '../errors';
import { accountProblem, type KeyAccount } from '../key-accounts';
import type { DescribedSsiState } from '../messaging/protocol';
import type { Result } from '../result';
import type { SsiSnapshot } from '../ssi/model';
import { t } from '../i18n';

/** The most asks under way at once. */
export const MAX_IN_FLIGHT = 2;
/** The longest 429 pause waited out by itself; a longer one is left to the user's Retry. */
export const MAX_WAIT_MS = 60_000;
/** How many 429s one account may meet in one run before its row says to try again later. */
const MAX_RATE_LIMITED_ASKS = 3;

/**
 * Where a row stands: `queued` (not asked yet), `loading`, `done` (the worker answered without
 * an error), `failed` (it answered with one, or could not be reached), `rate-limited` (a 429's
 * pause too long to wait), `unusable` (the account's status rules it out: never asked).
 */
export type TeamRowStatus = 'queued' | 'loading' | 'done' | 'failed' | 'rate-limited' | 'unusable';

/** One account of the team and what is known of its SSI. */
export interface TeamRow {
  account: Pick<KeyAccount, 'id' | 'name'>;
  status: TeamRowStatus;
  /** Its last good reading, kept through a failure. */
  snapshot: SsiSnapshot | null;
  /** Why there is no (current) reading, in words that say what to do; null when all is well. */
  problem: string | null;
}

/** How far a run is: `done` of `total` accounts settled; `waitingUntil` while a 429's pause runs. */
export interface TeamProgress {
  done: number;
  total: number;
  waitingUntil: number | null;
}

export interface FetchTeamDeps {
  /** The worker's `ssi:get` for one account (`refresh` skips the freshness window). */
  getSsi(accountId: string, refresh: boolean): Promise<Result<DescribedSsiState, SsiError>>;
  sleep(ms: number): Promise<void>;
  now(): number;
  /** Told of each row as it changes. */
  onRow?(row: TeamRow): void;
  onProgress?(progress: TeamProgress): void;
  /** Once aborted, no new ask starts; rows not asked yet are returned as they were. */
  signal?: AbortSignal;
}

/** The rows of `accounts` before any ask: `unusable` ones already say why, the rest are queued. */
export function teamRows(accounts: readonly KeyAccount[]): TeamRow[] {
  return accounts.map((account) => {
    const problem = accountProblem(account);
    return {
      account: { id: account.id, name: account.name },
      status: problem ? 'unusable' : 'queued',
      snapshot: null,
      problem,
    };
  });
}

/** The rows a Retry asks again: those that failed or were rate-limited. */
export function retryableRows(rows: readonly TeamRow[]): TeamRow[] {
  return rows.filter((row) => row.status === 'failed' || row.status === 'rate-limited');
}

/** "Rate limited: try again in 3 min", for a pause that ends at `retryAt`. */
export function rateLimitedWords(retryAt: number, now: number): string {
  const minutes = Math.max(1, Math.ceil((retryAt - now) / 60_000));
  return t('team_rate_limited', minutes);
}

/**
 * Asks the worker for the SSI of each of `rows` (unusable ones are skipped untouched) and
 * resolves with them all, in their order, each `done`, `failed` or `rate-limited`. One row's
 * failure never touches another's. `refresh`: every ask skips the freshness window (the user
 * pressed Retry); otherwise fresh readings come from the worker's cache. Never rejects.
 */
export async function fetchTeam(
  rows: readonly TeamRow[],
  deps: FetchTeamDeps,
  { refresh = false }: { refresh?: boolean } = {},
): Promise<TeamRow[]> {
  const results = new Map<string, TeamRow>(rows.map((row) => [row.account.id, row]));
  const queue = rows.filter((row) => row.status !== 'unusable');
  const total = queue.length;
  let next = 0;
  let done = 0;
  // The key-wide pause of the last 429 (epoch ms); 0 when none runs.
  let pausedUntil = 0;

  const aborted = () => deps.signal?.aborted === true;
  const progress = () =>
    deps.onProgress?.({ done, total, waitingUntil: pausedUntil > deps.now() ? pausedUntil : null });
  const set = (row: TeamRow): TeamRow => {
    results.set(row.account.id, row);
    deps.onRow?.(row);
    return row;
  };

  /** Asks for one row until it settles; null when the run was aborted first. */
  async function settle(row: TeamRow): Promise<TeamRow | null> {
    let forced = refresh;
    for (let limited = 0; ;) {
      for (let wait = pausedUntil - deps.now(); wait > 0; wait = pausedUntil - deps.now()) {
        if (wait > MAX_WAIT_MS) {
          return { ...row, status: 'rate-limited', problem: rateLimitedWords(pausedUntil, deps.now()) };
        }
        progress();
        await deps.sleep(wait);
        if (aborted()) return null;
      }
      set({ ...row, status: 'loading' });
      const reply = await deps.getSsi(row.account.id, forced);
      if (!reply.ok) return { ...row, status: 'failed', problem: describeLocally(reply.error).message };
      const { snapshot, error, problem } = reply.value;
      const kept = { ...row, snapshot: snapshot ?? row.snapshot };
      if (error?.code === 'rate-limited' && error.retryAt !== undefined) {
        pausedUntil = Math.max(pausedUntil, error.retryAt);
        if (++limited >= MAX_RATE_LIMITED_ASKS || error.retryAt - deps.now() > MAX_WAIT_MS) {
          return { ...kept, status: 'rate-limited', problem: rateLimitedWords(error.retryAt, deps.now()) };
        }
        // After a failure the worker serves automatic asks from its cache for a minute; an ask
        // past the 429's pause is this run's own retry, so it skips that wait (never the pause).
        forced = true;
        continue;
      }
      if (error)
        return { ...kept, status: 'failed', problem: problem?.message ?? describeLocally(error).message };
      return { ...kept, status: 'done', problem: null };
    }
  }

  async function lane(): Promise<void> {
    while (next < queue.length && !aborted()) {
      const row = queue[next++]!;
      const settled = await settle(row);
      if (!settled) return;
      set(settled);
      done++;
      progress();
    }
  }

  progress();
  await Promise.all(Array.from({ length: Math.min(MAX_IN_FLIGHT, total) }, lane));
  return rows.map((row) => results.get(row.account.id) ?? row);
}
