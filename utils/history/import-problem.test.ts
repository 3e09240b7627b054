import { describe, expect, it } from 'vitest';
import { describeImportProblem } from './import-problem';

describe('describeImportProblem', () => {
  it('names the line of a CSV and the reading of a JSON file', () => {
    expect(describeImportProblem({ code: 'bad-date', value: 'x', format: 'csv', line: 7 })).toMatch(
      /^Line 7: /,
    );
    expect(describeImportProblem({ code: 'bad-date', value: 'x', format: 'json', line: 7 })).toMatch(
      /^Reading 7: /,
    );
  });

  it('quotes what the file held, cut short and without control characters', () => {
    const words = describeImportProblem({
      code: 'not-a-number',
      column: 'overall',
      value: `\u0007${'9'.repeat(100)}`,
      format: 'csv',
      line: 2,
    });
    expect(words).toContain(`“${'9'.repeat(39)}…”`);
    expect(words).not.toContain('\u0007');
  });
});
