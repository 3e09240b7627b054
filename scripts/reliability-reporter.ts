/**
 * A vitest reporter that sums the reliability suites up: per group (a suite's top-level
 * `describe`), how many cases were tried, held and failed. Also writes the table as JSON
 * to `artifacts/reliability.json` for the README.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Reporter, TestCase, TestModule } from 'vitest/node';

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
  return [
    format(header),
    `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`,
    ...lines.map(format),
  ].join('\n');
}

export default class ReliabilityReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const rows = new Map<string, Row>();
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'skipped' || state === 'pending') continue;
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
  }
}
