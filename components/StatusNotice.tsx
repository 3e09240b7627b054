import { t } from '@/utils/i18n';
import type { ErrorDescription, SsiErrorCode } from '@/utils/errors';

export interface StatusNoticeProps {
  code: SsiErrorCode;
  /** The error in words, as the service worker (or the page, for its own failures) put it. */
  problem: ErrorDescription;
  /** True when good data is still on screen: the notice is then a warning about freshness. */
  hasData: boolean;
  onOpenSettings: () => void;
  onRetry: () => void;
}

/**
 * An error in words with its way out, announced to assistive technology (`role="alert"`).
 * The server's words arrive inside the description's message and are rendered as text.
 */
export function StatusNotice({ code, problem, hasData, onOpenSettings, onRetry }: StatusNoticeProps) {
  const { title, message, action } = problem;
  return (
    <div
      class={`notice ${hasData ? 'notice--warning' : 'notice--error'}`}
      role="alert"
      data-error-code={code}
    >
      <p class="notice__title">{hasData ? t('notice_stale_title', title) : title}</p>
      <p class="notice__message">{message}</p>
      {action === 'open-settings' && (
        <button type="button" class="button button--primary" onClick={onOpenSettings}>
          {t('action_open_settings')}
        </button>
      )}
      {action === 'retry' && (
        <button type="button" class="button" onClick={onRetry}>
          {t('action_try_again')}
        </button>
      )}
    </div>
  );
}
