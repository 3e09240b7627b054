/**
 * A vitest reporter that sums the reliability suites up: per group (a suite's top-level
 * `describe`), how many cases were tried, held and failed. Also writes the table as JSON to
 * `artifacts/reliability.json`, and holds README.md's hardening table equal to it: after a
 * complete run that passed, a README that disagrees is rewritten (on a developer's machine)
 * or fails the run (in CI, `CI` set), so the table can never go stale unnoticed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Reporter, TestCase, TestModule, TestRunEndReason, Vitest } from 'vitest/node';

export const README = resolve(import.meta.dirname, '..', 'README.md');
const TABLE_START = '<!-- reliability-table:start -->';
const TABLE_END = '<!-- reliability-table:end -->';

interface Row {
  group: string;
  tried: number;
  held: number;
  failed: number;
}

function groupOf(test: TestCase): string {
  let suite = test.parent;
  let top: string | null = null;
  while (suite.type === 'suite') {
    top = suite.name;
    suite = suite.parent;
  }
  return top ?? test.module.moduleId.split('/').at(-1) ?? 'ungrouped';
}

export function formatTable(rows: Row[]): string {
  const total = rows.reduce(
    (sum, row) => ({
      group: 'Total',
      tried: sum.tried + row.tried,
      held: sum.held + row.held,
      failed: sum.failed + row.failed,
    }),
    { group: 'Total', tried: 0, held: 0, failed: 0 },
  );
  const lines = [...rows, total].map((row) => [
    row.group,
    String(row.tried),
    String(row.held),
    String(row.failed),
  ]);
  const header = ['Group', 'Tried', 'Held', 'Failed'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]!.length)),
  );
  const format = (cells: string[]) =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  // Numbers right-aligned, as prettier keeps a markdown table whose columns say so.
  const rule = widths.map((width, column) =>
    column === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`,
  );
  return [format(header), `| ${rule.join(' | ')} |`, ...lines.map(format)].join('\n');
}

/** The table README.md holds between its markers, or null when the markers are missing. */
export function readmeTable(readme: string): string | null {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) return null;
  return readme.slice(start + TABLE_START.length, end).trim();
}

/** README.md's text with `table` between its markers. Throws when the markers are missing. */
export function withReadmeTable(readme: string, table: string): string {
  if (readmeTable(readme) === null) throw new Error(`README.md lacks ${TABLE_START} … ${TABLE_END}`);
  const start = readme.indexOf(TABLE_START) + TABLE_START.length;
  return `${readme.slice(0, start)}\n\n${table}\n\n${readme.slice(readme.indexOf(TABLE_END))}`;
}

export default class ReliabilityReporter implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  async onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    _errors: unknown,
    reason: TestRunEndReason,
  ): Promise<void> {
    const rows = new Map<string, Row>();
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'skipped' || state === 'pending') {
          skipped++;
          continue;
        }
        const group = groupOf(test);
        const row = rows.get(group) ?? { group, tried: 0, held: 0, failed: 0 };
        row.tried++;
        if (state === 'passed') row.held++;
        else row.failed++;
        rows.set(group, row);
      }
    }
    const ordered = [...rows.values()].sort((a, b) => a.group.localeCompare(b.group));
    const table = formatTable(ordered);
    console.log(`\nReliability: cases tried, held and failed, by group\n\n${table}\n`);
    const held = ordered.reduce((sum, row) => sum + row.held, 0);
    const failed = ordered.reduce((sum, row) => sum + row.failed, 0);
    console.log(`${held} passed, ${failed} failed`);
    const out = resolve(import.meta.dirname, '..', 'artifacts');
    mkdirSync(out, { recursive: true });
    writeFileSync(
      resolve(out, 'reliability.json'),
      `${JSON.stringify({ at: new Date().toISOString(), rows: ordered }, null, 2)}\n`,
    );
    if (reason === 'passed' && skipped === 0 && (await this.ranEverySuite(testModules))) {
      this.holdReadme(table);
    } else {
      console.log('README.md: hardening table not checked (a part of the suites, or a failed run).');
    }
  }

  /** Whether this run had every reliability suite in it: no project filter, no file left out. */
  private async ranEverySuite(testModules: ReadonlyArray<TestModule>): Promise<boolean> {
    if (!this.vitest || this.vitest.config.project.length > 0) return false;
    const ran = new Set(testModules.map((module) => module.moduleId));
    const every = await this.vitest.globTestSpecifications();
    return every.length > 0 && every.every((spec) => ran.has(spec.moduleId));
  }

  /** Holds README.md's table equal to `table`: rewritten here, a failure in CI. */
  private holdReadme(table: string): void {
    const readme = readFileSync(README, 'utf8');
    if (readmeTable(readme) === table) {
      console.log('README.md: hardening table matches this run.');
    } else if (process.env.CI) {
      console.error(
        `README.md: its hardening table disagrees with the suites. Run "npm run test:reliability" and commit README.md; this run's table:\n\n${table}\n`,
      );
      process.exitCode = 1;
    } else {
      writeFileSync(README, withReadmeTable(readme, table));
      console.log('README.md: hardening table updated from this run: commit it.');
    }
  }
}
