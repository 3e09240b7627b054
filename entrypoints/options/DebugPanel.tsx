import { useEffect, useState } from 'preact/hooks';
import type { ApiExchange } from '@/utils/api-exchange';
import { sendMessage } from '@/utils/messaging/client';

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
      <h2 id="debug-heading">Last API exchange</h2>
      {exchange === undefined ? (
        <p role="status">Loading…</p>
      ) : exchange === null ? (
        <p>Nothing recorded yet. Open the popup or press Refresh there, then reload this view.</p>
      ) : (
        <>
          <dl class="debug__facts">
            <dt>Request</dt>
            <dd>GET {exchange.url}</dd>
            <dt>Header</dt>
            <dd>Authorization: Bearer [redacted]</dd>
            <dt>When</dt>
            <dd>{new Date(exchange.at).toLocaleString()}</dd>
            <dt>Status</dt>
            <dd>{exchange.status ?? 'no answer'}</dd>
            <dt>Took</dt>
            <dd>{exchange.durationMs} ms</dd>
            <dt>Outcome</dt>
            <dd data-testid="debug-outcome">
              {exchange.outcome}
              {exchange.detail ? ` (${exchange.detail})` : ''}
            </dd>
          </dl>
          {exchange.bodyPreview !== null && <pre class="debug__body">{exchange.bodyPreview}</pre>}
        </>
      )}
      <button type="button" class="button" onClick={load}>
        Reload
      </button>
    </section>
  );
}
