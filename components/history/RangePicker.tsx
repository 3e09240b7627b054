import { t, type MessageKey } from '@/utils/i18n';
import { HISTORY_RANGES, type HistoryRange } from '@/utils/history/timeline';

/** The messages of the ranges, as the buttons and captions say them. */
const RANGE_MESSAGES = {
  '7d': { button: 'range_7d', caption: 'range_caption_7d' },
  '30d': { button: 'range_30d', caption: 'range_caption_30d' },
  '90d': { button: 'range_90d', caption: 'range_caption_90d' },
  '1y': { button: 'range_1y', caption: 'range_caption_1y' },
  all: { button: 'range_all', caption: 'range_caption_all' },
} as const satisfies Record<HistoryRange, { button: MessageKey; caption: MessageKey }>;

/** The ranges in words (the UI language's), as the buttons and captions say them. */
export const RANGE_LABELS: Readonly<Record<HistoryRange, { button: string; caption: string }>> =
  Object.fromEntries(
    Object.entries(RANGE_MESSAGES).map(([range, keys]) => [
      range,
      {
        get button() {
          return t(keys.button);
        },
        get caption() {
          return t(keys.caption);
        },
      },
    ]),
  ) as Record<HistoryRange, { button: string; caption: string }>;

export interface RangePickerProps {
  value: HistoryRange;
  onChange(range: HistoryRange): void;
}

/** Buttons that pick the range of the charts and the table; the chosen one is pressed. */
export function RangePicker({ value, onChange }: RangePickerProps) {
  return (
    <div class="range-picker" role="group" aria-label={t('range_label')}>
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
