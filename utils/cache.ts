/**
 * The shape of the SSI cache kept in extension storage: per (API origin, account), the last
 * good reading and the last failure. Read by the popup for its first paint and written by the
 * service worker alone. Stored data is validated on the way out like any other input.
 */
import type { LastFailure } from './api/ask-policy';
import { SSI_ERROR_CODES, type SsiError } from './errors';
import { isJsonObject } from './json';
import {
  PILLAR_IDS,
  type GroupComparison,
  type PillarId,
  type PillarScore,
  type SsiSnapshot,
} from './ssi/model';

export interface CacheEntry {
  /** The last good reading; never overwritten by a failure. */
  snapshot: SsiSnapshot | null;
  /** The last attempt's failure, cleared by the next success. */
  lastError: LastFailure | null;
}

/** All cache entries, by `targetKey(settings)`. */
export type SsiCache = Record<string, CacheEntry>;

// Hand-written rather than a valibot schema: the popup reads this for its first paint, and
// its size budget counts every byte (valibot costs it about 2 KB gzip).

/** Thrown inside the readers below when a field does not match: the entry reads as absent. */
class Unreadable extends Error {}

function nullableNumber(value: unknown): number | null {
  if (value === null) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new Unreadable();
}

function nullableText(value: unknown): string | null {
  if (value === null || typeof value === 'string') return value;
  throw new Unreadable();
}

function group(value: unknown): GroupComparison | null {
  if (value === null) return null;
  if (!isJsonObject(value)) throw new Unreadable();
  return {
    rank: nullableNumber(value.rank),
    averageScore: nullableNumber(value.averageScore),
    groupSize: nullableNumber(value.groupSize),
    change: nullableNumber(value.change),
    industryName: nullableText(value.industryName),
  };
}

function pillar(value: unknown, id: PillarId): PillarScore {
  if (!isJsonObject(value) || value.id !== id) throw new Unreadable();
  return {
    id,
    score: nullableNumber(value.score),
    industryAverage: nullableNumber(value.industryAverage),
    networkAverage: nullableNumber(value.networkAverage),
  };
}

function snapshot(value: unknown): SsiSnapshot | null {
  if (value === null) return null;
  if (!isJsonObject(value) || !Array.isArray(value.pillars) || value.pillars.length !== PILLAR_IDS.length) {
    throw new Unreadable();
  }
  const overall = nullableNumber(value.overall);
  const fetchedAt = nullableNumber(value.fetchedAt);
  if (overall === null || overall < 0 || overall > 100 || fetchedAt === null) throw new Unreadable();
  const pillars = value.pillars as unknown[];
  const activeSeat = value.activeSeat;
  if (activeSeat !== null && typeof activeSeat !== 'boolean') throw new Unreadable();
  return {
    accountId: nullableText(value.accountId),
    overall,
    pillars: PILLAR_IDS.map((id, index) => pillar(pillars[index], id)),
    industry: group(value.industry),
    network: group(value.network),
    profileUrn: nullableText(value.profileUrn),
    activeSeat,
    fetchedAt,
  };
}

function failure(value: unknown): CacheEntry['lastError'] {
  if (value === null) return null;
  if (!isJsonObject(value) || !isJsonObject(value.error) || typeof value.at !== 'number')
    throw new Unreadable();
  const { code, status, serverMessage, retryAt, detail } = value.error;
  if (!(SSI_ERROR_CODES as readonly unknown[]).includes(code)) throw new Unreadable();
  const error: SsiError = { code: code as SsiError['code'] };
  const optional = (name: keyof SsiError, field: unknown, type: 'number' | 'string') => {
    if (field === undefined) return;
    if (typeof field !== type) throw new Unreadable();
    Object.assign(error, { [name]: field });
  };
  optional('status', status, 'number');
  optional('serverMessage', serverMessage, 'string');
  optional('retryAt', retryAt, 'number');
  optional('detail', detail, 'string');
  return { error, at: value.at };
}

/**
 * The entry stored under `key`, validated and copied field by field (nothing else survives);
 * an entry that does not match the current shape (older version, corruption) reads as absent
 * rather than breaking the page.
 */
export function readCacheEntry(cache: unknown, key: string): CacheEntry | null {
  if (!isJsonObject(cache) || !Object.hasOwn(cache, key)) return null;
  const entry = cache[key];
  if (!isJsonObject(entry)) return null;
  try {
    return { snapshot: snapshot(entry.snapshot), lastError: failure(entry.lastError) };
  } catch (problem) {
    if (problem instanceof Unreadable) return null;
    throw problem;
  }
}
