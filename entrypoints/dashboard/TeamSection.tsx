import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { describeLocally } from '@/utils/errors';
import {
  formatAge,
  formatDelta,
  formatOverall,
  formatPillarScore,
  formatRank,
  MISSING,
} from '@/utils/format';
import { localDay } from '@/utils/history/day';
import type { DailyReading } from '@/utils/history/reading';
import { changeOver } from '@/utils/history/trends';
import {
  fetchTeam,
  retryableRows,
  teamRows,
  type TeamProgress,
  type TeamRow,
  type TeamRowStatus,
} from '@/utils/team/fetch-team';
import {
  sortTeam,
  TEAM_COLUMNS,
  teamCsvName,
  teamToCsv,
  type TeamColumn,
  type TeamEntry,
  type TeamSort,
} from '@/utils/team/team-table';
import type { DashboardPort } from './port';
import { TeamChart } from './TeamChart';
import { t, type MessageKey } from '@/utils/i18n';

export type TeamPort = Pick<
  DashboardPort,
  'getAccounts' | 'getAccountSsi' | 'readHistories' | 'download' | 'now' | 'sleep'
>;

/** A column's value as the table shows it. */
function shownValue(column: TeamColumn, entry: TeamEntry, now: number): string {
  const value = column.value(entry);
  if (value === null) return MISSING;
  if (typeof value === 'string') return value;
  switch (column.id) {
    case 'overall':
      return formatOverall(value);
    case 'industryRank':
    case 'networkRank':
      return formatRank(value);
    case 'weeklyChange':
      return formatDelta(value);
    case 'updated':
      return formatAge(value, now);
    default:
      return formatPillarScore(value);
  }
}

/** The status column's words for a row still to read, by their messages. */
const STATUS_WORDS: Partial<Record<TeamRowStatus, MessageKey>> = {
  queued: 'team_waiting',
  loading: 'team_reading',
};

/** The status column's words for a row with no problem: empty once read. */
function statusWords(status: TeamRowStatus): string {
  const key = STATUS_WORDS[status];
  return key ? t(key) : '';
}

/** What the progress line says. */
function progressWords(
  progress: TeamProgress | null,
  running: boolean,
  rows: readonly TeamRow[],
  now: number,
) {
  if (!progress || progress.total === 0) return '';
  const { done, total, waitingUntil } = progress;
  if (running && waitingUntil !== null) {
    const seconds = Math.max(1, Math.ceil((waitingUntil - now) / 1000));
    return t('team_progress_paused', done, total, seconds);
  }
  if (running) return t('team_progress_reading', done, total);
  // Once done, the whole team's count: a Retry's run asks only some of it.
  const usable = rows.filter((row) => row.status !== 'unusable').length;
  const read = rows.filter((row) => row.status === 'done').length;
  const failed = retryableRows(rows).length;
  return failed ? t('team_progress_failed', read, usable, failed) : t('team_progress_done', read, usable);
}

/** The header of a sortable column: a button that sorts by it, the other way on a second press. */
function SortHeader({
  column,
  sort,
  onSort,
}: {
  column: TeamColumn;
  sort: TeamSort | null;
  onSort(sort: TeamSort): void;
}) {
  const direction = sort?.column === column.id ? sort.direction : null;
  return (
    <th scope="col" aria-sort={direction ?? 'none'}>
      <button
        type="button"
        class="team__sort"
        onClick={() =>
          onSort({ column: column.id, direction: direction === 'ascending' ? 'descending' : 'ascending' })
        }
      >
        {column.label}
        <span class="team__sort-mark" aria-hidden="true">
          {direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ' ↕'}
        </span>
      </button>
    </th>
  );
}

/**
 * Every account of the key side by side: its SSI, pillars, ranks, weekly change and age, as a
 * sortable table, a bar chart and a CSV file. The accounts are read politely by `fetchTeam`
 * (two at a time, the cache reused, a 429 waited out); one that fails says why in its row.
 */
export function TeamSection({ port }: { port: TeamPort }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [rows, setRows] = useState<TeamRow[] | null>(null);
  const [progress, setProgress] = useState<TeamProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [histories, setHistories] = useState<Record<string, DailyReading[]>>({});
  const [sort, setSort] = useState<TeamSort | null>(null);
  const [, tick] = useState(0);
  const stop = useRef(new AbortController());

  const run = useCallback(
    async (asked: TeamRow[], refresh: boolean) => {
      setRunning(true);
      const settled = await fetchTeam(
        asked,
        {
          getSsi: (accountId, forced) => port.getAccountSsi(accountId, forced),
          sleep: port.sleep,
          now: port.now,
          onRow: (row) =>
            setRows(
              (current) => current?.map((each) => (each.account.id === row.account.id ? row : each)) ?? null,
            ),
          onProgress: setProgress,
          signal: stop.current.signal,
        },
        { refresh },
      );
      if (stop.current.signal.aborted) return;
      const read = await port.readHistories(settled.map((row) => row.account.id)).catch(() => ({}));
      setHistories((current) => ({ ...current, ...read }));
      setRunning(false);
    },
    [port],
  );

  useEffect(() => {
    const controller = (stop.current = new AbortController());
    void (async () => {
      const reply = await port.getAccounts();
      if (controller.signal.aborted) return;
      const accounts = reply.ok ? reply.value.accounts : null;
      if (!accounts) {
        setProblem(
          reply.ok
            ? (reply.value.problem?.message ?? t('team_accounts_unknown'))
            : describeLocally(reply.error).message,
        );
        return;
      }
      const start = teamRows(accounts);
      setRows(start);
      await run(start, false);
    })();
    return () => controller.abort();
  }, [port, run]);

  // While a 429's pause runs, the countdown in the progress line moves on by the second.
  useEffect(() => {
    if (!running || progress?.waitingUntil == null) return;
    const timer = setInterval(() => tick((count) => count + 1), 1000);
    return () => clearInterval(timer);
  }, [running, progress?.waitingUntil]);

  const now = port.now();
  const entries = sortTeam(
    (rows ?? []).map((row) => ({ row, weeklyChange: changeOver(histories[row.account.id] ?? [], 7) })),
    sort,
  );
  const retryable = rows ? retryableRows(rows) : [];

  return (
    <section class="panel team" aria-labelledby="team-heading">
      <div class="team__head">
        <h2 id="team-heading" class="section-heading">
          {t('team_heading')}
        </h2>
        <div class="team__actions">
          {!running && retryable.length > 0 && (
            <button type="button" class="button" onClick={() => void run(retryable, true)}>
              {t('team_retry')}
            </button>
          )}
          <button
            type="button"
            class="button"
            disabled={entries.length === 0}
            onClick={() =>
              port.download({
                name: teamCsvName(localDay(now)),
                type: 'text/csv;charset=utf-8',
                text: teamToCsv(entries),
              })
            }
          >
            {t('team_export_csv')}
          </button>
        </div>
      </div>
      <p role="status" aria-live="polite" class="team__progress" data-testid="team-progress">
        {rows === null && !problem
          ? t('team_loading_accounts')
          : progressWords(progress, running, rows ?? [], now)}
      </p>
      {problem && (
        <p role="alert" class="team__problem">
          {problem}
        </p>
      )}
      {rows && rows.length === 0 && <p class="team__empty">{t('team_empty')}</p>}
      {entries.length > 0 && (
        <>
          <TeamChart entries={entries} />
          <div
            class="history-table team__table"
            tabIndex={0}
            role="region"
            aria-label={t('team_table_label')}
          >
            <table>
              <caption>{t('team_caption')}</caption>
              <thead>
                <tr>
                  {TEAM_COLUMNS.map((column) => (
                    <SortHeader key={column.id} column={column} sort={sort} onSort={setSort} />
                  ))}
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr
                    key={entry.row.account.id}
                    data-account={entry.row.account.id}
                    data-status={entry.row.status}
                  >
                    {TEAM_COLUMNS.map((column) =>
                      column.id === 'name' ? (
                        <th key={column.id} scope="row">
                          {entry.row.account.name}
                        </th>
                      ) : column.id === 'status' ? (
                        <td key={column.id} class="team__status">
                          {entry.row.problem ?? statusWords(entry.row.status)}
                        </td>
                      ) : (
                        <td key={column.id}>{shownValue(column, entry, now)}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
