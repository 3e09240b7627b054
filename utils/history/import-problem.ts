/**
 * Why an imported history file was refused, as data, and the words the user reads for it. A
 * file is refused whole at its first problem, so nothing of it is merged.
 */
import { t } from '../i18n';
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
  return t('quote', clean.length > QUOTE_CHARS ? `${clean.slice(0, QUOTE_CHARS - 1)}…` : clean);
}

function place(problem: ProblemPlace): string {
  return t(problem.format === 'csv' ? 'import_place_line' : 'import_place_reading', problem.line);
}

/** What the user reads when `problem` refused a file; always ends by saying nothing changed. */
export function describeImportProblem(problem: ImportProblem): string {
  return `${why(problem)} ${t('import_nothing_imported')}`;
}

/** The sentence saying what is wrong, in the UI language. */
function why(problem: ImportProblem): string {
  switch (problem.code) {
    case 'too-large':
      return t('import_too_large', MAX_IMPORT_BYTES / 1024 / 1024);
    case 'empty':
      return t('import_empty');
    case 'unknown-format':
      return t('import_unknown_format');
    case 'unsupported-version':
      return t('import_unsupported_version', quote(problem.version));
    case 'wrong-header':
      return t('import_wrong_header', quote(problem.found));
    case 'unclosed-quote':
      return t('import_unclosed_quote', place(problem));
    case 'wrong-cell-count':
      return t('import_wrong_cell_count', place(problem), problem.found, problem.expected);
    case 'not-a-reading':
      return t('import_not_a_reading', place(problem));
    case 'unknown-field':
      return t('import_unknown_field', place(problem), quote(problem.field));
    case 'bad-date':
      return t('import_bad_date', place(problem), quote(problem.value));
    case 'future-date':
      return t('import_future_date', place(problem), quote(problem.value));
    case 'bad-account':
      return t('import_bad_account', place(problem), quote(problem.value));
    case 'missing-value':
      return t('import_missing_value', place(problem), problem.column);
    case 'not-a-number':
      return t('import_not_a_number', place(problem), problem.column, quote(problem.value));
    case 'out-of-range':
      return t('import_out_of_range', place(problem), problem.column, quote(problem.value), problem.max);
    case 'bad-text':
      return t('import_bad_text', place(problem), problem.column);
    case 'duplicate-day':
      return t('import_duplicate_day', place(problem), problem.day, quote(problem.accountId));
  }
}
