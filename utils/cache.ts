/**
 * The shape of the SSI cache kept in extension storage: per (API origin, account), the last
 * good reading and the last failure. Read by the popup for its first paint and written by the
 * service worker alone. Stored data is validated on the way out like any other input.
 */
import * as v from 'valibot';
import { SSI_ERROR_CODES, type SsiError } from './errors';
import { PILLAR_IDS, type SsiSnapshot } from './ssi/model';

export interface CacheEntry {
  /** The last good reading; never overwritten by a failure. */
  snapshot: SsiSnapshot | null;
  /** The last attempt's failure, cleared by the next success. */
  lastError: { error: SsiError; at: number } | null;
}

/** All cache entries, by `targetKey(settings)`. */
export type SsiCache = Record<string, CacheEntry>;

const nullableNumber = v.nullable(v.pipe(v.number(), v.finite()));

const GroupSchema = v.nullable(
  v.object({
    rank: nullableNumber,
    averageScore: nullableNumber,
    groupSize: nullableNumber,
    change: nullableNumber,
    industryName: v.nullable(v.string()),
  }),
);

const SnapshotSchema = v.object({
  accountId: v.nullable(v.string()),
  overall: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100)),
  pillars: v.pipe(
    v.array(
      v.object({
        id: v.picklist(PILLAR_IDS),
        score: nullableNumber,
        industryAverage: nullableNumber,
        networkAverage: nullableNumber,
      }),
    ),
    v.length(PILLAR_IDS.length),
  ),
  industry: GroupSchema,
  network: GroupSchema,
  profileUrn: v.nullable(v.string()),
  activeSeat: v.nullable(v.boolean()),
  fetchedAt: v.pipe(v.number(), v.finite()),
});

const ErrorSchema = v.object({
  code: v.picklist(SSI_ERROR_CODES),
  status: v.optional(v.number()),
  serverMessage: v.optional(v.string()),
  retryAt: v.optional(v.number()),
  detail: v.optional(v.string()),
});

const EntrySchema = v.object({
  snapshot: v.nullable(SnapshotSchema),
  lastError: v.nullable(v.object({ error: ErrorSchema, at: v.number() })),
});

/**
 * The entry stored under `key`, validated; an entry that does not match the current shape
 * (older version, corruption) reads as absent rather than breaking the page.
 */
export function readCacheEntry(cache: unknown, key: string): CacheEntry | null {
  if (typeof cache !== 'object' || cache === null || !Object.hasOwn(cache, key)) return null;
  const parsed = v.safeParse(EntrySchema, (cache as Record<string, unknown>)[key]);
  return parsed.success ? parsed.output : null;
}
