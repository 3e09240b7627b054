/**
 * Run-time schemas of the ConnectSafely `GET /linkedin/ssi` answer, in both shapes it comes in:
 * the documented one (`group`, `averageScore`, `pillars`) and LinkedIn's raw one (`groupType`,
 * a nested `score`). Unknown keys are dropped (never copied, so `__proto__` cannot reach an
 * object's prototype); wrong types and out-of-range numbers fail validation.
 */
import * as v from 'valibot';
import { MAX_OVERALL, MAX_PILLAR } from '../../ssi/model';
import { isJsonObject } from '../../json';

/** Longest string the extension keeps from an answer (names, ids, messages). */
export const MAX_TEXT = 200;

const text = v.pipe(v.string(), v.maxLength(MAX_TEXT));

/** A JSON object: valibot's `object` alone would also take an array. */
const record = <const T extends v.ObjectEntries>(entries: T) =>
  v.pipe(
    // No message of its own: the user-facing detail is built from `expected` (ssi/parse.ts).
    v.custom<Record<string, unknown>>(isJsonObject),
    v.object(entries),
  );
const score = (max: number) => v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(max));

const SubScoreSchema = record({
  pillar: v.pipe(v.string(), v.maxLength(64)),
  score: v.nullish(score(MAX_PILLAR)),
});

const SubScoresSchema = v.pipe(v.array(SubScoreSchema), v.maxLength(16));

const ScoreSchema = record({
  overall: v.nullish(score(MAX_OVERALL)),
  subScores: v.nullish(SubScoresSchema),
});

export const GroupSchema = record({
  group: v.nullish(v.pipe(v.string(), v.maxLength(64))),
  groupType: v.nullish(v.pipe(v.string(), v.maxLength(64))),
  industryName: v.nullish(text),
  rank: v.nullish(score(100)),
  averageScore: v.nullish(score(MAX_OVERALL)),
  groupSize: v.nullish(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e10))),
  change: v.nullish(v.pipe(v.number(), v.finite(), v.minValue(-100), v.maxValue(100))),
  pillars: v.nullish(SubScoresSchema),
  score: v.nullish(ScoreSchema),
});

/** `urn:li:fsd_profile:<ID>`, the only form of identity the extension accepts. */
export const PROFILE_URN_PATTERN = /^urn:li:fsd_profile:[A-Za-z0-9_-]{1,100}$/;

export const SsiResponseSchema = record({
  success: v.nullish(v.boolean()),
  accountId: v.nullish(text),
  memberScore: v.nullish(ScoreSchema),
  industry: v.nullish(GroupSchema),
  network: v.nullish(GroupSchema),
  groupScore: v.nullish(v.pipe(v.array(GroupSchema), v.maxLength(16))),
  profileUrn: v.nullish(v.pipe(v.string(), v.regex(PROFILE_URN_PATTERN))),
  activeSeat: v.nullish(v.boolean()),
  // Only inspected when the top level carries no score (see parse.ts).
  rawJson: v.nullish(v.unknown()),
});

export type SsiResponse = v.InferOutput<typeof SsiResponseSchema>;
export type GroupEntry = v.InferOutput<typeof GroupSchema>;
export type SubScoreEntry = v.InferOutput<typeof SubScoreSchema>;

/** The error bodies the API sends: `{error}`, `{success, error, issues}` or `{success, code, message}`. */
export const ErrorBodySchema = record({
  error: v.nullish(v.unknown()),
  message: v.nullish(v.unknown()),
  code: v.nullish(v.unknown()),
});
