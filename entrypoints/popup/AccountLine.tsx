import type { AccountChoice } from '@/utils/account-choices';
import { t } from '@/utils/i18n';

export interface AccountLineProps {
  /** How the header names the account shown. */
  label: string;
  /** The picker's choices; none (or one) draws the name as text. */
  choices: readonly AccountChoice[];
  /** The choice shown as picked (an `accountId` setting). */
  value: string;
  /** The Sales Navigator chip's words, if any. */
  seat: string | null;
  onPick(value: string): void;
}

/**
 * The header's account line: the account's name, or a picker of the key's accounts when it
 * has more than one. Same element and class either way, so the first frame (text) and the app
 * (picker) sit on the same line.
 */
export function AccountLine({ label, choices, value, seat, onPick }: AccountLineProps) {
  return (
    <p class="popup__account" data-testid="account">
      {choices.length > 1 ? (
        <select
          class="account-picker"
          aria-label={t('account_picker_label')}
          value={value}
          onChange={(event) => onPick(event.currentTarget.value)}
        >
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.problem ? t('account_needs_attention', choice.label) : choice.label}
            </option>
          ))}
        </select>
      ) : (
        label
      )}
      {seat && <span class="chip">{seat}</span>}
    </p>
  );
}
