/**
 * Turns a decoded `GET /linkedin/ssi` body into an {@link SsiSnapshot}, or says precisely why
 * it cannot. Pure: no I/O, no clock (the caller passes `fetchedAt`).
 */
import * as v from 'valibot';
import { err, ok, type Result } from '../../result';
import type { SsiError } from '../../errors';
import {
  PILLAR_IDS,
  type GroupComparison,
  type PillarId,
  type PillarScore,
  type SsiSnapshot,
} from '../../ssi/model';
import { SsiResponseSchema, type GroupEntry, type SsiResponse, type SubScoreEntry } from './ssi-schema';
import { isJsonObject } from '../../json';

type GroupKind = 'INDUSTRY' | 'NETWORK';

function malformed(detail: string): { ok: false; error: SsiError } {
  return err({ code: 'malformed', detail });
}

/** The pillar scores of a list, by enum; unknown enums are ignored, a repeated one is an error. */
function pillarMap(
  entries: readonly SubScoreEntry[] | null | undefined,
  where: string,
): Result<Partial<Record<PillarId, number | null>>, SsiError> {
  const map: Partial<Record<PillarId, number | null>> = {};
  for (const entry of entries ?? []) {
    const id = entry.pillar.toUpperCase() as PillarId;
    if (!PILLAR_IDS.includes(id)) continue;
    if (id in map) return malformed(`${where}: pillar ${id} appears twice`);
    map[id] = entry.score ?? null;
  }
  return ok(map);
}

function groupKind(entry: GroupEntry): string {
  return (entry.group ?? entry.groupType ?? '').toUpperCase();
}

/** The group of that kind: the top-level object first, filled in from `groupScore[]`. */
function findGroup(response: SsiResponse, kind: GroupKind): GroupEntry[] {
  const topLevel = kind === 'INDUSTRY' ? response.industry : response.network;
  const listed = (response.groupScore ?? []).find((entry) => groupKind(entry) === kind);
  return [topLevel, listed].filter((entry): entry is GroupEntry => entry != null);
}

function firstDefined<T>(entries: GroupEntry[], pick: (entry: GroupEntry) => T | null | undefined) {
  for (const entry of entries) {
    const value = pick(entry);
    if (value !== null && value !== undefined) return value;
  }
  return null;
}

interface ParsedGroup {
  comparison: GroupComparison | null;
  pillars: Partial<Record<PillarId, number | null>>;
}

function parseGroup(response: SsiResponse, kind: GroupKind): Result<ParsedGroup, SsiError> {
  const entries = findGroup(response, kind);
  const comparison: GroupComparison = {
    rank: firstDefined(entries, (e) => e.rank),
    averageScore: firstDefined(entries, (e) => e.averageScore ?? e.score?.overall),
    groupSize: firstDefined(entries, (e) => e.groupSize),
    change: firstDefined(entries, (e) => e.change),
    industryName: firstDefined(entries, (e) => e.industryName?.trim() || null),
  };
  const subScores = entries.find((e) => (e.pillars ?? e.score?.subScores)?.length);
  const pillars = pillarMap(subScores?.pillars ?? subScores?.score?.subScores, kind.toLowerCase());
  if (!pillars.ok) return pillars;
  const empty = Object.values(comparison).every((value) => value === null);
  return ok({ comparison: empty ? null : comparison, pillars: pillars.value });
}

function validate(body: unknown): Result<SsiResponse, SsiError> {
  const parsed = v.safeParse(SsiResponseSchema, body);
  if (parsed.success) return ok(parsed.output);
  const issue = parsed.issues[0];
  const path = (v.getDotPath(issue) ?? 'body').slice(0, 80);
  // Never the received value: it is the server's text and could hold anything, the key included.
  return malformed(`${path}: expected ${String(issue.expected ?? issue.type).slice(0, 60)}`);
}

/**
 * Validates and normalises an SSI answer.
 *
 * Reads the documented shape and LinkedIn's raw shape (also when it only comes as `rawJson`).
 * Missing fields stay `null`; nothing is invented. Fails with `api-error` for
 * `success: false`, `malformed` for wrong types, out-of-range numbers or repeated pillars,
 * and `no-score` when the answer holds no overall score.
 */
export function parseSsiResponse(body: unknown, fetchedAt: number): Result<SsiSnapshot, SsiError> {
  if (!isJsonObject(body)) {
    return malformed('body: expected a JSON object');
  }
  const validated = validate(body);
  if (!validated.ok) return validated;
  let response = validated.value;
  if (response.success === false) {
    return err({ code: 'api-error' });
  }
  if (response.memberScore?.overall == null && response.rawJson != null) {
    const raw = validate(response.rawJson);
    if (!raw.ok) return malformed(`rawJson.${raw.error.detail ?? ''}`);
    response = {
      ...raw.value,
      accountId: response.accountId ?? raw.value.accountId,
      profileUrn: response.profileUrn ?? raw.value.profileUrn,
      activeSeat: response.activeSeat ?? raw.value.activeSeat,
    };
  }
  const overall = response.memberScore?.overall;
  if (overall == null) return err({ code: 'no-score' });

  const member = pillarMap(response.memberScore?.subScores, 'memberScore');
  if (!member.ok) return member;
  const industry = parseGroup(response, 'INDUSTRY');
  if (!industry.ok) return industry;
  const network = parseGroup(response, 'NETWORK');
  if (!network.ok) return network;

  const pillars: PillarScore[] = PILLAR_IDS.map((id) => ({
    id,
    score: member.value[id] ?? null,
    industryAverage: industry.value.pillars[id] ?? null,
    networkAverage: network.value.pillars[id] ?? null,
  }));

  return ok({
    accountId: response.accountId ?? null,
    overall,
    pillars,
    industry: industry.value.comparison,
    network: network.value.comparison,
    profileUrn: response.profileUrn ?? null,
    activeSeat: response.activeSeat ?? null,
    fetchedAt,
  });
}
