/**
 * `npm run size`: fails when an entry's JS (gzip, all it loads, on demand included) is over
 * its budget. Run after a build; part of `npm run check`.
 */
import { kb, measureEntries } from './sizes';

/** Budgets in gzip bytes, from the performance issue: the popup includes chart.js. */
export const BUDGETS: Record<string, number> = {
  popup: 60 * 1024,
  'content script': 10 * 1024,
  background: 15 * 1024,
};

const entries = measureEntries();
let failed = false;
console.log('| entry | initial | on demand | total (gzip) | budget |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const entry of entries) {
  const budget = BUDGETS[entry.entry];
  const over = budget !== undefined && entry.total > budget;
  failed ||= over;
  console.log(
    `| ${entry.entry} | ${kb(entry.initial)} | ${kb(entry.lazy)} | ${kb(entry.total)} | ${budget ? `${kb(budget)}${over ? ' **OVER**' : ''}` : '—'} |`,
  );
}
if (failed) {
  console.error('\nOver budget: see the table above.');
  process.exit(1);
}
console.log('\nAll entries within budget.');
