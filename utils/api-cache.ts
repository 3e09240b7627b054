/**
 * The shapes of what the worker keeps from the API in extension storage, each entry next to
 * its last failure: the SSI cache, per (API origin, account), with the last good reading (read
 * by the popup for its first paint); the key's accounts, per API origin. Written by the service
 * worker alone. Stored data is validated on the way out like any other input.
 */
import { SSI_ERROR_CODES, type SsiError } from './errors';
import { isJsonObject } from './json';
import type { KeyAccount } from './key-accounts';
import {
  PILLAR_IDS,
  type GroupComparison,
  type PillarId,
  type PillarScore,
  type SsiSnapshot,
} from './ssi/model';

/** The last failed attempt to get something from the API, stored next to what it was for. */
export interface LastFailure {
  error: SsiError;
  /** When it failed (epoch ms). */
  at: number;
}

export interface CacheEntry {
  /** The last good reading; never overwritten by a failure. */
  snapshot: SsiSnapshot | null;
  /** The last attempt's failure, cleared by the next success. */
  lastError: LastFailure | null;
}

/** All cache entries, by `targetKey(settings)`. */
export type SsiCache = Record<string, CacheEntry>;

/** What the worker knows of the key's LinkedIn accounts on one API origin (`/linkedin/accounts`). */
export interface AccountsEntry {
  /** The LinkedIn slug (`publicId`) by account id, from good answers; null when it has none. */
  slugs: Record<string, string | null>;
  /** The last good list, and when it came (epoch ms); null before the first. */
  list: { accounts: KeyAccount[]; at: number } | null;
  /** The last attempt's failure, cleared by the next success. */
  lastError: LastFailure | null;
}

/** Entries kept in storage under one key, each read back validated (`readCacheEntry`, ...). */
export interface EntryStore<E> {
  read(key: string): Promise<E | null>;
  /**
   * Stores `entry` under `key`, unless `stillValid`, asked at the moment of writing (no other
   * queued storage write can come between), says no. Resolves to whether it was written.
   */
  write(key: string, entry: E, stillValid?: () => Promise<boolean>): Promise<boolean>;
}

// Hand-written rather than a valibot schema: the popup reads this for its first paint, and
// keeps valibot out of its bundle (docs/decisions.md).

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

function failure(value: unknown): LastFailure | null {
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

/** Reads `stored[key]` with `read`; absent when it does not match (`Unreadable`). */
function readEntry<E>(stored: unknown, key: string, read: (entry: Record<string, unknown>) => E): E | null {
  if (!isJsonObject(stored) || !Object.hasOwn(stored, key)) return null;
  const entry = stored[key];
  if (!isJsonObject(entry)) return null;
  try {
    return read(entry);
  } catch (problem) {
    if (problem instanceof Unreadable) return null;
    throw problem;
  }
}

/**
 * The entry stored under `key`, validated and copied field by field (nothing else survives);
 * an entry that does not match the current shape (older version, corruption) reads as absent
 * rather than breaking the page.
 */
export function readCacheEntry(cache: unknown, key: string): CacheEntry | null {
  return readEntry(cache, key, (entry) => ({
    snapshot: snapshot(entry.snapshot),
    lastError: failure(entry.lastError),
  }));
}

/** The accounts entry stored under `key`, validated like {@link readCacheEntry}. */
export function readAccountsEntry(accounts: unknown, key: string): AccountsEntry | null {
  return readEntry(accounts, key, (entry) => {
    if (!isJsonObject(entry.slugs)) throw new Unreadable();
    const slugs: AccountsEntry['slugs'] = {};
    for (const [id, slug] of Object.entries(entry.slugs)) {
      // Defined as own properties: an id of "__proto__" is data, not a prototype.
      Object.defineProperty(slugs, id, { value: nullableText(slug), enumerable: true, writable: true });
    }
    return { slugs, list: accountList(entry.list), lastError: failure(entry.lastError) };
  });
}

/** Most accounts a stored list keeps (the API's list is capped at as many). */
const MAX_STORED_ACCOUNTS = 500;

function nullableFlag(value: unknown): boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value;
  throw new Unreadable();
}

/** A stored account list; absent (older versions) reads as none. */
function accountList(value: unknown): AccountsEntry['list'] {
  if (value === undefined || value === null) return null;
  if (!isJsonObject(value) || !Array.isArray(value.accounts) || typeof value.at !== 'number')
    throw new Unreadable();
  if (value.accounts.length > MAX_STORED_ACCOUNTS) throw new Unreadable();
  const accounts = value.accounts.map((account: unknown): KeyAccount => {
    if (!isJsonObject(account) || typeof account.id !== 'string' || typeof account.name !== 'string')
      throw new Unreadable();
    return {
      id: account.id,
      name: account.name,
      publicId: nullableText(account.publicId),
      status: nullableText(account.status),
      apiSeat: nullableFlag(account.apiSeat),
    };
  });
  return { accounts, at: value.at };
}
