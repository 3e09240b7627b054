/**
 * Why an imported history file was refused, as data, and the words the user reads for it. A
 * file is refused whole at its first problem, so nothing of it is merged.
 */
import { MAX_IMPORT_BYTES } from './history-file';
import { cleanText } from './reading';

/** Where in the file: a CSV line, or a JSON reading (both counted from 1). */
export interface ProblemPlace {
  format: 'csv' | 'json';
  line: number;
}

export type ImportProblem =
  | { code: 'too-large' }
  | { code: 'empty' }
  | { code: 'unknown-format' }
  | { code: 'unsupported-version'; version: string }
  | { code: 'wrong-header'; found: string }
  | ({ code: 'unclosed-quote' } & ProblemPlace)
  | ({ code: 'wrong-cell-count'; expected: number; found: number } & ProblemPlace)
  | ({ code: 'not-a-reading' } & ProblemPlace)
  | ({ code: 'unknown-field'; field: string } & ProblemPlace)
  | ({ code: 'bad-date'; value: string } & ProblemPlace)
  | ({ code: 'future-date'; value: string } & ProblemPlace)
  | ({ code: 'bad-account'; value: string } & ProblemPlace)
  | ({ code: 'missing-value'; column: string } & ProblemPlace)
  | ({ code: 'not-a-number'; column: string; value: string } & ProblemPlace)
  | ({ code: 'out-of-range'; column: string; value: string; max: number } & ProblemPlace)
  | ({ code: 'bad-text'; column: string } & ProblemPlace)
  | ({ code: 'duplicate-day'; day: string; accountId: string } & ProblemPlace);

/** Values quoted in a message are cut to this, so a hostile file cannot flood the page. */
const QUOTE_CHARS = 40;

function quote(value: string): string {
  const clean = cleanText(value) ?? '';
  return `“${clean.length > QUOTE_CHARS ? `${clean.slice(0, QUOTE_CHARS - 1)}…` : clean}”`;
}

function place(problem: ProblemPlace): string {
  return problem.format === 'csv' ? `Line ${problem.line}` : `Reading ${problem.line}`;
}

/** What the user reads when `problem` refused a file; always ends by saying nothing changed. */
export function describeImportProblem(problem: ImportProblem): string {
  const unchanged = ' Nothing was imported.';
  switch (problem.code) {
    case 'too-large':
      return `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB: that is not an SSI history.${unchanged}`;
    case 'empty':
      return `The file is empty.${unchanged}`;
    case 'unknown-format':
      return `This is not an SSI history: import a CSV or JSON file exported by SSI Companion.${unchanged}`;
    case 'unsupported-version':
      return `This history was exported by a newer version of SSI Companion (format ${quote(problem.version)}): update the extension first.${unchanged}`;
    case 'wrong-header':
      return `The first line is not the SSI history header (it starts with ${quote(problem.found)}): export again from SSI Companion, or fix the header.${unchanged}`;
    case 'unclosed-quote':
      return `${place(problem)}: a quoted cell is never closed.${unchanged}`;
    case 'wrong-cell-count':
      return `${place(problem)}: ${problem.found} cells where the header has ${problem.expected}.${unchanged}`;
    case 'not-a-reading':
      return `${place(problem)}: not a reading (an object with a date, an account and the scores).${unchanged}`;
    case 'unknown-field':
      return `${place(problem)}: unknown field ${quote(problem.field)}.${unchanged}`;
    case 'bad-date':
      return `${place(problem)}: ${quote(problem.value)} is not a date in the form YYYY-MM-DD.${unchanged}`;
    case 'future-date':
      return `${place(problem)}: the date ${quote(problem.value)} is in the future.${unchanged}`;
    case 'bad-account':
      return `${place(problem)}: ${quote(problem.value)} is not an account ID.${unchanged}`;
    case 'missing-value':
      return `${place(problem)}: ${problem.column} is empty, and every reading needs one.${unchanged}`;
    case 'not-a-number':
      return `${place(problem)}: ${problem.column} is ${quote(problem.value)}, not a plain number such as 42.5.${unchanged}`;
    case 'out-of-range':
      return `${place(problem)}: ${problem.column} is ${quote(problem.value)}, outside 0 to ${problem.max}.${unchanged}`;
    case 'bad-text':
      return `${place(problem)}: ${problem.column} is longer than 200 characters.${unchanged}`;
    case 'duplicate-day':
      return `${place(problem)}: a second reading for ${problem.day} of account ${quote(problem.accountId)}.${unchanged}`;
  }
}
