import { HISTORY_RANGES, type HistoryRange } from '@/utils/history/timeline';

/** The ranges in words, as the buttons and captions say them. */
export const RANGE_LABELS: Readonly<Record<HistoryRange, { button: string; caption: string }>> = {
  '7d': { button: '7 days', caption: 'last 7 days' },
  '30d': { button: '30 days', caption: 'last 30 days' },
  '90d': { button: '90 days', caption: 'last 90 days' },
  '1y': { button: '1 year', caption: 'last year' },
  all: { button: 'All', caption: 'all days recorded' },
};

export interface RangePickerProps {
  value: HistoryRange;
  onChange(range: HistoryRange): void;
}

/** Buttons that pick the range of the charts and the table; the chosen one is pressed. */
export function RangePicker({ value, onChange }: RangePickerProps) {
  return (
    <div class="range-picker" role="group" aria-label="Range">
      {HISTORY_RANGES.map((range) => (
        <button
          key={range}
          type="button"
          class={range === value ? 'button button--pressed' : 'button'}
          aria-pressed={range === value}
          onClick={() => onChange(range)}
        >
          {RANGE_LABELS[range].button}
        </button>
      ))}
    </div>
  );
}
