import { useState } from 'preact/hooks';
import { describeLocally, type SsiError } from '@/utils/errors';
import type { StoredHistory } from '@/utils/history/codec';
import type { DayKey } from '@/utils/history/day';
import { MAX_IMPORT_BYTES, type HistoryFormat } from '@/utils/history/history-file';
import { describeImportProblem } from '@/utils/history/import-problem';
import type { DailyReading } from '@/utils/history/reading';
import type { Result } from '@/utils/result';
import type { DownloadFile } from './port';
import { exportFile, MAX_IMPORT_ACCOUNTS, prepareImport, type ImportRefusal } from './transfer';
import { plural, t, type MessageKey } from '@/utils/i18n';

export interface TransferSectionProps {
  /** The current account's history, oldest first: what an export holds. */
  days: readonly DailyReading[];
  today: DayKey;
  now(): number;
  download(file: DownloadFile): void;
  /** Sends the checked histories to the worker, which merges all of them or none. */
  importHistories(histories: StoredHistory[]): Promise<Result<{ added: number }, SsiError>>;
}

type Outcome =
  | { kind: 'busy' }
  | { kind: 'added'; added: number }
  | { kind: 'refused'; refusal: ImportRefusal }
  | { kind: 'failed'; error: SsiError };

/** What the user reads once an import is done, or refused. */
function outcomeWords(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'busy':
      return t('transfer_importing');
    case 'added':
      if (outcome.added === 0) return t('transfer_added_none');
      return plural(
        outcome.added,
        { one: 'transfer_added_one', other: 'transfer_added_other' },
        outcome.added,
      );
    case 'refused':
      return outcome.refusal.code === 'too-many-accounts'
        ? `${t('transfer_too_many_accounts', outcome.refusal.accounts, MAX_IMPORT_ACCOUNTS)} ${t('import_nothing_imported')}`
        : describeImportProblem(outcome.refusal);
    case 'failed':
      return `${
        outcome.error.code === 'refused' ? t('transfer_not_stored') : describeLocally(outcome.error).message
      } ${t('import_nothing_imported')}`;
  }
}

const FORMATS: readonly { format: HistoryFormat; name: MessageKey }[] = [
  { format: 'csv', name: 'transfer_export_csv' },
  { format: 'json', name: 'transfer_export_json' },
];

/** "Export CSV", "Export JSON" and "Import": the history as a file, and back. */
export function TransferSection({ days, today, now, download, importHistories }: TransferSectionProps) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function onPick(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared at once, so that picking the same file again imports it again.
    input.value = '';
    if (!file) return;
    setOutcome({ kind: 'busy' });
    const prepared = await prepareImport(file, today);
    if (!prepared.ok) {
      setOutcome({ kind: 'refused', refusal: prepared.error });
      return;
    }
    const reply = await importHistories(prepared.value.histories);
    setOutcome(
      reply.ok ? { kind: 'added', added: reply.value.added } : { kind: 'failed', error: reply.error },
    );
  }

  const problem = outcome?.kind === 'refused' || outcome?.kind === 'failed';
  return (
    <section class="panel transfer" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading" class="section-heading">
        {t('transfer_heading')}
      </h2>
      <p class="transfer__intro">
        {plural(
          days.length,
          { one: 'transfer_intro_one', other: 'transfer_intro_other' },
          days.length,
          MAX_IMPORT_BYTES / 1024 / 1024,
        )}
      </p>
      <div class="transfer__actions">
        {FORMATS.map(({ format, name }) => (
          <button
            key={format}
            type="button"
            class="button"
            disabled={days.length === 0}
            onClick={() => download(exportFile(days, format, now(), today))}
          >
            {t(name)}
          </button>
        ))}
        <input
          id="import-file"
          class="transfer__file visually-hidden"
          type="file"
          accept=".csv,.json,text/csv,application/json"
          disabled={outcome?.kind === 'busy'}
          onChange={(event) => void onPick(event)}
        />
        <label for="import-file" class="button button--primary transfer__import">
          {t('transfer_import')}
        </label>
      </div>
      {/* Both live regions are always in the page, so what lands in them is announced. */}
      <div class="transfer__outcome" data-testid="import-outcome">
        <p role="status">{outcome && !problem && outcomeWords(outcome)}</p>
        <p role="alert" class="transfer__problem">
          {outcome && problem && outcomeWords(outcome)}
        </p>
      </div>
    </section>
  );
}
