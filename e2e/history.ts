/**
 * Made-up but plausible SSI histories for the end-to-end tests and the demo: a slow climb with
 * day-to-day noise, where most days move one or two pillars (as a member's activity does) and
 * one day in forty moves all four at once (a LinkedIn-wide recalculation). Deterministic: the
 * same arguments give the same days.
 */
import { DEFAULT_ACCOUNT, seededRandom } from '../sandbox/data';
import { addDays, type DayKey } from '../utils/history/day';
import type { DailyReading } from '../utils/history/reading';
import { PILLAR_IDS, type PillarId } from '../utils/ssi/model';

const round2 = (value: number) => Math.round(value * 100) / 100;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export interface HistoryOptions {
  /** The account the readings belong to; the sandbox's default account unless said. */
  accountId?: string;
  seed?: number;
}

/**
 * `count` consecutive days ending `lastDay`, oldest first, for the sandbox's default account
 * (its pillars climb towards what the sandbox answers today). Readings taken at a known time
 * are the worker's; these come from a file, so their time is unknown (`at: null`).
 */
export function generatedHistory(
  lastDay: DayKey,
  count: number,
  options: HistoryOptions = {},
): DailyReading[] {
  const random = seededRandom(`history:${options.seed ?? 42}`);
  const accountId = options.accountId ?? DEFAULT_ACCOUNT.id;
  const target = DEFAULT_ACCOUNT.basePillars;
  const pillars = target.map((score) => score * 0.8);
  const readings: DailyReading[] = [];
  for (let index = 0; index < count; index++) {
    const progress = count > 1 ? index / (count - 1) : 1;
    if (index > 0 && index % 40 === 0) {
      // A recalculation: all four pillars down a little at once.
      for (let pillar = 0; pillar < 4; pillar++) pillars[pillar] = pillars[pillar]! - 0.3 - random() * 0.4;
    } else {
      for (let pillar = 0; pillar < 4; pillar++) {
        if (random() < 0.55) continue;
        const aim = target[pillar]! * (0.8 + 0.17 * progress);
        const step = (aim - pillars[pillar]!) * 0.3 + (random() - 0.45) * 0.8;
        pillars[pillar] = clamp(pillars[pillar]! + step, 0, 25);
      }
      // Keep the untouched ones as they were: only moved pillars change.
    }
    const scores = pillars.map(round2);
    const overall = round2(scores.reduce((sum, score) => sum + score, 0));
    readings.push({
      day: addDays(lastDay, index - count + 1),
      accountId,
      at: null,
      overall,
      pillars: Object.fromEntries(PILLAR_IDS.map((id, at) => [id, scores[at]!])) as Record<PillarId, number>,
      industryRank: Math.max(1, Math.round(9 - 5 * progress + random() * 1.5)),
      networkRank: Math.max(1, Math.round(22 - 10 * progress + random() * 2)),
      industryAverage: round2(30.5 + random()),
      networkAverage: round2(38 + random()),
      industryGroupSize: null,
      networkGroupSize: null,
      industryName: DEFAULT_ACCOUNT.industry.industryName,
    });
  }
  return readings;
}
