import { describeError, type SsiError } from '@/utils/errors';

export interface StatusNoticeProps {
  error: SsiError;
  /** True when good data is still on screen: the notice is then a warning about freshness. */
  hasData: boolean;
  onOpenSettings: () => void;
  onRetry: () => void;
  now: number;
}

/**
 * An error in words with its way out, announced to assistive technology (`role="alert"`).
 * The server's words arrive inside `describeError`'s message and are rendered as text.
 */
export function StatusNotice({ error, hasData, onOpenSettings, onRetry, now }: StatusNoticeProps) {
  const { title, message, action } = describeError(error, now);
  return (
    <div
      class={`notice ${hasData ? 'notice--warning' : 'notice--error'}`}
      role="alert"
      data-error-code={error.code}
    >
      <p class="notice__title">{hasData ? `Showing your last SSI. ${title}.` : title}</p>
      <p class="notice__message">{message}</p>
      {action === 'open-settings' && (
        <button type="button" class="button button--primary" onClick={onOpenSettings}>
          Open settings
        </button>
      )}
      {action === 'retry' && (
        <button type="button" class="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
