// @vitest-environment node
import { readFileSync } from 'node:fs';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { formatTable, README, readmeTable, withReadmeTable } from './reliability-reporter';

const ROWS = [
  { group: 'Forged and stray messages', tried: 72, held: 72, failed: 0 },
  { group: 'Secrets', tried: 9, held: 8, failed: 1 },
];

const README_TEXT = readFileSync(README, 'utf8');

describe('the README’s hardening table', () => {
  it('is written as prettier keeps it, so that `npm run check` accepts a rewritten README', async () => {
    const markdown = `# Hardening\n\n${formatTable(ROWS)}\n`;
    expect(await format(markdown, { parser: 'markdown' })).toBe(markdown);
  });

  it('sums the groups up in a Total row', () => {
    expect(formatTable(ROWS).split('\n').at(-1)).toBe(
      '| Total                     |    81 |   80 |      1 |',
    );
  });

  it('is found between its markers in README.md, in the reporter’s own format', () => {
    const table = readmeTable(README_TEXT);
    expect(table).not.toBeNull();
    // Read back into rows and formatted again, it is the same text: the reporter can compare
    // the README's table with its own, character for character.
    const rows = table!
      .split('\n')
      .slice(2, -1)
      .map((line) => line.split('|').map((cell) => cell.trim()))
      .map(([, group, tried, held, failed]) => ({
        group: group!,
        tried: Number(tried),
        held: Number(held),
        failed: Number(failed),
      }));
    expect(formatTable(rows)).toBe(table);
  });

  it('is replaced between its markers only', () => {
    const rewritten = withReadmeTable(README_TEXT, formatTable(ROWS));

    expect(readmeTable(rewritten)).toBe(formatTable(ROWS));
    const [before, after] = [
      README_TEXT.split('<!-- reliability-table:start -->'),
      README_TEXT.split('<!-- reliability-table:end -->'),
    ];
    expect(rewritten.startsWith(before[0]!)).toBe(true);
    expect(rewritten.endsWith(after[1]!)).toBe(true);
    expect(withReadmeTable(rewritten, readmeTable(README_TEXT)!)).toBe(README_TEXT);
  });

  it('cannot be rewritten into a README without markers', () => {
    expect(readmeTable('# No table here')).toBeNull();
    expect(() => withReadmeTable('# No table here', formatTable(ROWS))).toThrow(/reliability-table/);
  });
});
