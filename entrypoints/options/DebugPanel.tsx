import { useEffect, useState } from 'preact/hooks';
import type { ApiExchange } from '@/utils/api-exchange';
import { sendMessage } from '@/utils/messaging/client';
import { formatMoment } from '@/utils/format';
import { t } from '@/utils/i18n';

/**
 * The debug view: the last API request and the start of its answer, as the service worker
 * recorded them while debug was on. The key is never part of it; the header reads redacted.
 */
export function DebugPanel() {
  const [exchange, setExchange] = useState<ApiExchange | null | undefined>(undefined);

  const load = () => {
    void sendMessage('debug:get', null).then((reply) => setExchange(reply.ok ? reply.value : null));
  };
  useEffect(load, []);

  return (
    <section class="debug" aria-labelledby="debug-heading">
      <h2 id="debug-heading">{t('debug_heading')}</h2>
      {exchange === undefined ? (
        <p role="status">{t('debug_loading')}</p>
      ) : exchange === null ? (
        <p>{t('debug_nothing')}</p>
      ) : (
        <>
          <dl class="debug__facts">
            <dt>{t('debug_request')}</dt>
            <dd>GET {exchange.url}</dd>
            <dt>{t('debug_header')}</dt>
            <dd>{t('debug_header_redacted')}</dd>
            <dt>{t('debug_when')}</dt>
            <dd>{formatMoment(exchange.at)}</dd>
            <dt>{t('debug_status')}</dt>
            <dd>{exchange.status ?? t('debug_no_answer')}</dd>
            <dt>{t('debug_took')}</dt>
            <dd>{t('debug_duration', exchange.durationMs)}</dd>
            <dt>{t('debug_outcome')}</dt>
            <dd data-testid="debug-outcome">
              {exchange.outcome}
              {exchange.detail ? ` (${exchange.detail})` : ''}
            </dd>
          </dl>
          {exchange.bodyPreview !== null && <pre class="debug__body">{exchange.bodyPreview}</pre>}
        </>
      )}
      <button type="button" class="button" onClick={load}>
        {t('debug_reload')}
      </button>
    </section>
  );
}
