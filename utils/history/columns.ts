/**
 * The columns of an exported history, in the order of the CSV header, each with how it is read
 * from and written to a reading and the bounds an imported value must keep. The CSV and the
 * JSON export share them, so the two formats cannot drift apart.
 */
import { PILLAR_IDS, type PillarId } from '../ssi/model';
import type { DailyReading } from './reading';
import { READING_BOUNDS } from './reading';

/** A column of numbers: a reading's field, its bounds, whether a row may leave it empty. */
export interface NumberColumn {
  name: string;
  kind: 'number';
  /** Inclusive bounds; `min` is exclusive where `positive` (a rank of 0% means nothing). */
  max: number;
  positive?: boolean;
  integer?: boolean;
  required?: boolean;
  get(reading: DailyReading): number | null;
  set(reading: DailyReading, value: number | null): void;
}

/** A column of text: the industry's name. */
export interface TextColumn {
  name: string;
  kind: 'text';
  get(reading: DailyReading): string | null;
  set(reading: DailyReading, value: string | null): void;
}

export type ValueColumn = NumberColumn | TextColumn;

/** The CSV's pillar columns, by LinkedIn's enums. */
export const PILLAR_COLUMNS: Readonly<Record<PillarId, string>> = {
  PROFESSIONAL_BRAND: 'professional_brand',
  FIND_RIGHT_PEOPLE: 'find_right_people',
  INSIGHT_ENGAGEMENT: 'insight_engagement',
  STRONG_RELATIONSHIP: 'strong_relationship',
};

function field(
  name: string,
  key: 'industryRank' | 'networkRank' | 'industryAverage' | 'networkAverage',
  max: number,
  positive = false,
): NumberColumn {
  return {
    name,
    kind: 'number',
    max,
    positive,
    get: (reading) => reading[key],
    set: (reading, value) => {
      reading[key] = value;
    },
  };
}

/** Every column after `date` and `account_id`, in the CSV header's order. */
export const VALUE_COLUMNS: readonly ValueColumn[] = [
  {
    name: 'overall',
    kind: 'number',
    max: READING_BOUNDS.overall,
    required: true,
    get: (reading) => reading.overall,
    set: (reading, value) => {
      reading.overall = value!;
    },
  },
  ...PILLAR_IDS.map((id): NumberColumn => ({
    name: PILLAR_COLUMNS[id],
    kind: 'number',
    max: READING_BOUNDS.pillar,
    get: (reading) => reading.pillars[id],
    set: (reading, value) => {
      reading.pillars[id] = value;
    },
  })),
  field('industry_rank', 'industryRank', READING_BOUNDS.rank, true),
  field('network_rank', 'networkRank', READING_BOUNDS.rank, true),
  field('industry_average', 'industryAverage', READING_BOUNDS.average),
  field('network_average', 'networkAverage', READING_BOUNDS.average),
  {
    name: 'industry_name',
    kind: 'text',
    get: (reading) => reading.industryName,
    set: (reading, value) => {
      reading.industryName = value;
    },
  },
];

/** The JSON export's extra columns: what the CSV leaves out. */
export const JSON_ONLY_COLUMNS: readonly NumberColumn[] = [
  {
    name: 'industry_group_size',
    kind: 'number',
    max: READING_BOUNDS.groupSize,
    integer: true,
    get: (reading) => reading.industryGroupSize,
    set: (reading, value) => {
      reading.industryGroupSize = value;
    },
  },
  {
    name: 'network_group_size',
    kind: 'number',
    max: READING_BOUNDS.groupSize,
    integer: true,
    get: (reading) => reading.networkGroupSize,
    set: (reading, value) => {
      reading.networkGroupSize = value;
    },
  },
];

/** The CSV header, exactly. */
export const CSV_HEADER = ['date', 'account_id', ...VALUE_COLUMNS.map((column) => column.name)] as const;

/** A reading with nothing but its day and account, for a parser to fill in. */
export function emptyReading(day: string, accountId: string): DailyReading {
  return {
    day,
    accountId,
    at: null,
    overall: 0,
    pillars: Object.fromEntries(PILLAR_IDS.map((id) => [id, null])) as Record<PillarId, number | null>,
    industryRank: null,
    networkRank: null,
    industryAverage: null,
    networkAverage: null,
    industryGroupSize: null,
    networkGroupSize: null,
    industryName: null,
  };
}
