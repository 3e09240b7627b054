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
      return 'Importing…';
    case 'added':
      if (outcome.added === 0) return 'Added 0 days: every day in the file was already recorded.';
      return `Added ${outcome.added} ${outcome.added === 1 ? 'day' : 'days'}.`;
    case 'refused':
      return outcome.refusal.code === 'too-many-accounts'
        ? `The file holds ${outcome.refusal.accounts} accounts; one import takes at most ${MAX_IMPORT_ACCOUNTS}. Nothing was imported.`
        : describeImportProblem(outcome.refusal);
    case 'failed':
      return outcome.error.code === 'refused'
        ? 'The extension could not store this history. Nothing was imported.'
        : `${describeLocally(outcome.error).message} Nothing was imported.`;
  }
}

const FORMATS: readonly { format: HistoryFormat; label: string }[] = [
  { format: 'csv', label: 'Export CSV' },
  { format: 'json', label: 'Export JSON' },
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
        Export and import
      </h2>
      <p class="transfer__intro">
        Download this account’s history ({days.length} {days.length === 1 ? 'day' : 'days'}) to keep it or
        open it in a spreadsheet, or import a CSV or JSON file exported by SSI Companion (up to{' '}
        {MAX_IMPORT_BYTES / 1024 / 1024} MB). Days already recorded keep their reading.
      </p>
      <div class="transfer__actions">
        {FORMATS.map(({ format, label }) => (
          <button
            key={format}
            type="button"
            class="button"
            disabled={days.length === 0}
            onClick={() => download(exportFile(days, format, now(), today))}
          >
            {label}
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
          Import
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
