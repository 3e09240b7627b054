/** The pages' and content script's side of messaging: typed sends that never throw. */
import { browser } from 'wxt/browser';
import type { SsiError } from '../errors';
import { err } from '../result';
import type { Envelope, MessageType, PayloadOf, Reply } from './protocol';

/** How long to wait before the one retry when the service worker was not there to answer. */
const RETRY_DELAY_MS = 150;

function isReply(value: unknown): value is Reply<MessageType> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/**
 * Sends a message to the service worker and resolves with its reply. A worker that died
 * mid-request (or was not running) is asked once more; after that the failure resolves as an
 * `internal` error. Never rejects.
 */
export async function sendMessage<T extends MessageType>(type: T, payload: PayloadOf<T>): Promise<Reply<T>> {
  const envelope: Envelope<T> = { type, payload };
  let failure: SsiError = { code: 'internal' };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const reply: unknown = await browser.runtime.sendMessage(envelope);
      if (isReply(reply)) return reply as Reply<T>;
      failure = { code: 'internal', detail: 'no answer from the service worker' };
    } catch {
      failure = { code: 'internal', detail: 'the service worker could not be reached' };
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
  }
  return err(failure);
}
