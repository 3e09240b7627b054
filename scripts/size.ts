/**
 * `npm run size`: fails when an entry's JS (gzip, all it loads, on demand included) is over
 * its budget, or what it loads at once is over its budget for that. Run after a build; part
 * of `npm run check`.
 */
import { kb, measureEntries } from './sizes';

/**
 * Budgets in gzip bytes, from the performance issue: the popup includes chart.js; so does the
 * dashboard (issue 15), with its line charts.
 */
export const BUDGETS: Record<string, number> = {
  popup: 60 * 1024,
  dashboard: 120 * 1024,
  'content script': 10 * 1024,
  background: 25 * 1024,
};

/**
 * Budgets for what an entry loads at once, in gzip bytes. The content script's is the gate,
 * which runs on every LinkedIn page: it must stay the URL check it is, with the badge's code
 * in the badge's own script (README, "The LinkedIn badge").
 */
export const INITIAL_BUDGETS: Record<string, number> = {
  'content script': 1.5 * 1024,
};

/** The budget cell: the budget, marked when `bytes` is over it. */
const cell = (bytes: number, budget: number | undefined) =>
  budget === undefined ? '—' : `${kb(budget)}${bytes > budget ? ' **OVER**' : ''}`;

const entries = measureEntries();
let failed = false;
console.log('| entry | initial | initial budget | on demand | total (gzip) | budget |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const entry of entries) {
  const budget = BUDGETS[entry.entry];
  const initialBudget = INITIAL_BUDGETS[entry.entry];
  failed ||=
    (budget !== undefined && entry.total > budget) ||
    (initialBudget !== undefined && entry.initial > initialBudget);
  console.log(
    `| ${entry.entry} | ${kb(entry.initial)} | ${cell(entry.initial, initialBudget)} | ${kb(entry.lazy)} | ${kb(entry.total)} | ${cell(entry.total, budget)} |`,
  );
}
if (failed) {
  console.error('\nOver budget: see the table above.');
  process.exit(1);
}
console.log('\nAll entries within budget.');
