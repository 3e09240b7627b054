/**
 * A goal: a target SSI by a date. How far the member is, the weekly pace it needs, and when the
 * last 30 days' pace would reach it.
 */
import { MAX_OVERALL } from '../ssi/model';
import { addDays, daysBetween, isDayKey, type DayKey } from './day';
import type { DailyReading } from './reading';
import { dailyPace } from './trends';

export interface Goal {
  /** The overall score aimed at, 1-100. */
  target: number;
  /** The day it should be reached by. */
  by: DayKey;
}

export interface GoalProgress {
  current: number;
  target: number;
  /** Points still to gain; 0 once reached. */
  remaining: number;
  reached: boolean;
  /** How much of the target the current score is, 0-1. */
  fraction: number;
  /** Calendar days until the goal's date (negative once it has passed). */
  daysLeft: number;
  /** Points per week needed from today to reach it in time; null once reached or past due. */
  weeklyPaceNeeded: number | null;
  /** Points per week over the last 30 days; null without enough readings. */
  weeklyPace: number | null;
  /**
   * The day the last 30 days' pace would reach the target; null when reached, when the pace is
   * unknown, flat or falling (it never would), or when that day is over ten years away.
   */
  projectedDay: DayKey | null;
}

/** Projections further than this are no projection at all. */
const HORIZON_DAYS = 3_650;

/** Whether `goal` is one the dashboard can keep: a reachable score and a real day. */
export function isValidGoal(goal: unknown): goal is Goal {
  const candidate = goal as Partial<Goal> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.target === 'number' &&
    Number.isFinite(candidate.target) &&
    candidate.target > 0 &&
    candidate.target <= MAX_OVERALL &&
    typeof candidate.by === 'string' &&
    isDayKey(candidate.by)
  );
}

/** The goals of storage, by account: every entry that is no goal (or under no account ID) dropped. */
export function readGoals(stored: unknown): Record<string, Goal> {
  const goals: Record<string, Goal> = {};
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return goals;
  for (const [accountId, goal] of Object.entries(stored)) {
    if (/^[A-Za-z0-9_-]{1,64}$/.test(accountId) && isValidGoal(goal)) {
      goals[accountId] = { target: goal.target, by: goal.by };
    }
  }
  return goals;
}

/** Progress towards `goal` as of `today`, from the account's history; null with no reading. */
export function goalProgress(days: readonly DailyReading[], goal: Goal, today: DayKey): GoalProgress | null {
  const latest = days.at(-1);
  if (!latest) return null;
  const current = latest.overall;
  const remaining = Math.max(0, goal.target - current);
  const reached = remaining === 0;
  const daysLeft = daysBetween(today, goal.by);
  const perDay = dailyPace(days, today);
  let projectedDay: DayKey | null = null;
  if (!reached && perDay !== null && perDay > 0) {
    const needed = Math.ceil(remaining / perDay);
    if (needed <= HORIZON_DAYS) projectedDay = addDays(today, needed);
  }
  return {
    current,
    target: goal.target,
    remaining,
    reached,
    fraction: Math.min(1, Math.max(0, current / goal.target)),
    daysLeft,
    weeklyPaceNeeded: reached || daysLeft <= 0 ? null : (remaining / daysLeft) * 7,
    weeklyPace: perDay === null ? null : perDay * 7,
    projectedDay,
  };
}
