/**
 * The service worker's side of messaging: checks who sent a message and what it holds before
 * any handler runs, and answers every message, refusals included, with a `Reply`.
 */
import * as v from 'valibot';
import { isStorageFailure } from '../storage-failure';
import { err, ok } from '../../result';
import {
  MAX_MESSAGE_BYTES,
  MESSAGES,
  type AnswerOf,
  type MessageType,
  type PayloadOf,
  type Reply,
  type SenderKind,
} from '../../messaging/protocol';
import { classifySender, type ExtensionIdentity, type SenderFacts } from './senders';

/** What a handler knows of its caller. */
export interface CallContext {
  kind: SenderKind;
  /** The LinkedIn tab that asked (content scripts only). */
  tabId?: number;
}

export type Handlers = {
  [T in MessageType]: (payload: PayloadOf<T>, context: CallContext) => Promise<AnswerOf<T>>;
};

/** Where refusals are reported; it is never given a payload, so never a key. */
export type RefusalLog = (reason: string, facts: { type: string; origin: string | null }) => void;

function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(MESSAGES, type);
}

function senderOrigin(sender: SenderFacts): string | null {
  try {
    return sender.origin ?? (sender.url ? new URL(sender.url).origin : null);
  } catch {
    return null;
  }
}

function sizeOf(message: unknown): number {
  try {
    return new TextEncoder().encode(JSON.stringify(message) ?? '').length;
  } catch {
    return Infinity;
  }
}

/**
 * Builds the function `runtime.onMessage` calls. It resolves with a `Reply` for every
 * message: `refused` for unknown types, senders not allowed for the type, oversized or
 * invalid payloads; `internal` when a handler throws. It never rejects.
 */
export function createMessageRouter(handlers: Handlers, self: ExtensionIdentity, log: RefusalLog) {
  return async (message: unknown, sender: SenderFacts): Promise<Reply<MessageType>> => {
    const type =
      typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
    const facts = {
      type: typeof type === 'string' ? type.slice(0, 40) : typeof type,
      origin: senderOrigin(sender),
    };
    const refuse = (reason: string) => {
      log(reason, facts);
      return err({ code: 'refused' as const, detail: reason });
    };
    if (!isMessageType(type)) return refuse('unknown message type');
    const declaration: { senders: readonly SenderKind[]; payload: v.GenericSchema; maxBytes?: number } =
      MESSAGES[type];
    if (sizeOf(message) > (declaration.maxBytes ?? MAX_MESSAGE_BYTES)) return refuse('message too large');
    const kind = classifySender(sender, self);
    if (kind === null || !declaration.senders.includes(kind)) return refuse('sender not allowed');
    const parsed = v.safeParse(declaration.payload, (message as { payload?: unknown }).payload);
    if (!parsed.success) return refuse('invalid payload');
    const handler = handlers[type] as (payload: unknown, context: CallContext) => Promise<unknown>;
    try {
      const context: CallContext = kind === 'linkedin-tab' ? { kind, tabId: sender.tab?.id } : { kind };
      return ok((await handler(parsed.output, context)) as AnswerOf<MessageType>);
    } catch (failure) {
      const code = isStorageFailure(failure) ? ('storage-failed' as const) : ('internal' as const);
      log(`handler failed: ${code}`, facts);
      return err({ code });
    }
  };
}
