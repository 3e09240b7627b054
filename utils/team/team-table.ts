/**
 * The Team table as data: its columns (what each shows, how it sorts, its CSV name), the
 * sort, and the CSV export. The CSV follows the history export's rules (RFC 4180, CRLF, text
 * cells neutralised against formulas: `utils/history/csv.ts`).
 */
import { PILLAR_COLUMNS } from '../history/columns';
import { plainDecimal, textCell } from '../history/csv';
import { PILLAR_IDS, type PillarId } from '../ssi/model';
import type { TeamRow } from './fetch-team';
import { t } from '../i18n';

/** A row of the table: the account's row and its SSI's change over the last 7 days of history. */
export interface TeamEntry {
  row: TeamRow;
  /** The overall score's change against 7 days before its newest recorded day; null when unknown. */
  weeklyChange: number | null;
}

export type TeamColumnId =
  'name' | 'overall' | PillarId | 'industryRank' | 'networkRank' | 'weeklyChange' | 'updated' | 'status';

export interface TeamColumn {
  id: TeamColumnId;
  /** The header's words. */
  label: string;
  /** Its name in the CSV's header. */
  csv: string;
  /** What it sorts by and exports; null when unknown. */
  value(entry: TeamEntry): number | string | null;
}

/**
 * The pillars' short headers, by LinkedIn's enums (the full labels are long for a column), in
 * the UI language (read once, as the module loads, like the columns' labels below).
 */
export const PILLAR_SHORT_LABELS: Readonly<Record<PillarId, string>> = {
  PROFESSIONAL_BRAND: t('team_column_brand'),
  FIND_RIGHT_PEOPLE: t('team_column_people'),
  INSIGHT_ENGAGEMENT: t('team_column_insights'),
  STRONG_RELATIONSHIP: t('team_column_relationships'),
};

const snapshotOf = (entry: TeamEntry) => entry.row.snapshot;

/** The table's columns, in order. */
export const TEAM_COLUMNS: readonly TeamColumn[] = [
  { id: 'name', label: t('team_column_name'), csv: 'name', value: (entry) => entry.row.account.name },
  {
    id: 'overall',
    label: t('team_column_ssi'),
    csv: 'overall',
    value: (entry) => snapshotOf(entry)?.overall ?? null,
  },
  ...PILLAR_IDS.map((id): TeamColumn => ({
    id,
    label: PILLAR_SHORT_LABELS[id],
    csv: PILLAR_COLUMNS[id],
    value: (entry) => snapshotOf(entry)?.pillars.find((pillar) => pillar.id === id)?.score ?? null,
  })),
  {
    id: 'industryRank',
    label: t('team_column_industry_rank'),
    csv: 'industry_rank',
    value: (entry) => snapshotOf(entry)?.industry?.rank ?? null,
  },
  {
    id: 'networkRank',
    label: t('team_column_network_rank'),
    csv: 'network_rank',
    value: (entry) => snapshotOf(entry)?.network?.rank ?? null,
  },
  {
    id: 'weeklyChange',
    label: t('team_column_weekly_change'),
    csv: 'weekly_change',
    value: (entry) => entry.weeklyChange,
  },
  {
    id: 'updated',
    label: t('team_column_updated'),
    csv: 'updated_at',
    value: (entry) => snapshotOf(entry)?.fetchedAt ?? null,
  },
  { id: 'status', label: t('team_column_status'), csv: 'problem', value: (entry) => entry.row.problem },
];

export type SortDirection = 'ascending' | 'descending';

export interface TeamSort {
  column: TeamColumnId;
  direction: SortDirection;
}

function compareValues(a: number | string, b: number | string): number {
  return typeof a === 'number' && typeof b === 'number'
    ? a - b
    : String(a).localeCompare(String(b), undefined, { sensitivity: 'base' });
}

/**
 * The entries sorted by `sort`'s column in its direction, unknown values last either way and
 * ties by name; in the order given when `sort` is null. A new array.
 */
export function sortTeam(entries: readonly TeamEntry[], sort: TeamSort | null): TeamEntry[] {
  if (!sort) return [...entries];
  const column = TEAM_COLUMNS.find((candidate) => candidate.id === sort.column)!;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const byName = (a: TeamEntry, b: TeamEntry) => compareValues(a.row.account.name, b.row.account.name);
  return [...entries].sort((a, b) => {
    const [left, right] = [column.value(a), column.value(b)];
    if (left === null || right === null) {
      return left === right ? byName(a, b) : left === null ? 1 : -1;
    }
    return sign * compareValues(left, right) || byName(a, b);
  });
}

/** The CSV's header: the columns', with the account's ID after its name. */
export const TEAM_CSV_HEADER: readonly string[] = [
  'name',
  'account_id',
  ...TEAM_COLUMNS.slice(1).map((column) => column.csv),
];

/**
 * The entries as a CSV file's text, in the order given: numbers as plain decimals, the time of
 * the reading in ISO 8601 (UTC), a missing value as an empty cell.
 */
export function teamToCsv(entries: readonly TeamEntry[]): string {
  const lines = [TEAM_CSV_HEADER.join(',')];
  for (const entry of entries) {
    const cells = [textCell(entry.row.account.name), textCell(entry.row.account.id)];
    for (const column of TEAM_COLUMNS.slice(1)) {
      const value = column.value(entry);
      if (value === null) cells.push('');
      else if (column.id === 'updated') cells.push(new Date(value).toISOString());
      else cells.push(typeof value === 'number' ? plainDecimal(value) : textCell(value));
    }
    lines.push(cells.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The export's file name: `ssi-team-YYYY-MM-DD.csv`, for the local day `day`. */
export function teamCsvName(day: string): string {
  return `ssi-team-${day}.csv`;
}
