/**
 * Every message between the extension's contexts, in one map: its payload, its answer and
 * who may send it. Both ends are typed from here; the service worker validates payloads
 * against `schemas.ts` before a handler sees them.
 */
import type { SsiError } from '../errors';
import type { Result } from '../result';
import type { Settings } from '../settings';
import type { SsiView } from '../ssi/service';

/** Settings as any page may see them: never the key, only whether one is saved. */
export interface PublicSettings extends Settings {
  hasApiKey: boolean;
}

/** What the options page sends on Save. */
export interface SettingsSave {
  settings: Settings;
  /** `set` replaces the key, `keep` leaves it, `clear` removes it. */
  apiKey: { action: 'keep' } | { action: 'clear' } | { action: 'set'; value: string };
}

/** What "Test connection" tries: the form as it is now, saved or not. */
export interface ConnectionTest {
  apiBaseUrl: string;
  accountId: string;
  /** A key typed but not saved yet; absent to test with the saved key. */
  apiKey?: string;
}

/** A field-level problem with a settings save, in words for the form. */
export interface SettingsProblem {
  field: 'apiKey' | 'apiBaseUrl' | 'accountId' | 'freshnessMinutes';
  message: string;
}

/** The kinds of sender the service worker tells apart (see `senders.ts`). */
export type SenderKind = 'extension-page' | 'linkedin-tab';

export interface ProtocolMap {
  /** The current account's SSI; `refresh` skips the freshness window. */
  'ssi:get': { payload: { refresh: boolean }; answer: SsiView };
  'settings:get': { payload: null; answer: PublicSettings };
  'settings:save': { payload: SettingsSave; answer: Result<PublicSettings, SettingsProblem> };
  'connection:test': { payload: ConnectionTest; answer: Result<{ summary: string }, SsiError> };
}

export type MessageType = keyof ProtocolMap;
export type PayloadOf<T extends MessageType> = ProtocolMap[T]['payload'];
export type AnswerOf<T extends MessageType> = ProtocolMap[T]['answer'];

/** Who may send each message: settings and the key only from the extension's own pages. */
export const ALLOWED_SENDERS: { readonly [T in MessageType]: readonly SenderKind[] } = {
  'ssi:get': ['extension-page', 'linkedin-tab'],
  'settings:get': ['extension-page'],
  'settings:save': ['extension-page'],
  'connection:test': ['extension-page'],
};

/** A message as it travels. */
export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: PayloadOf<T>;
}

/** Every answer travels wrapped: transport-level refusals are errors as data too. */
export type Reply<T extends MessageType> = Result<AnswerOf<T>, SsiError>;
