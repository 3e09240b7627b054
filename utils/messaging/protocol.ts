/**
 * Every message between the extension's contexts, in one map: its payload, its answer and
 * who may send it. Both ends are typed from here; the service worker validates payloads
 * against `schemas.ts` before a handler sees them.
 */
import type { ApiExchange } from '../api/http';
import type { ErrorDescription, SsiError } from '../errors';
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

/**
 * A view with its error already in words: the service worker describes API errors, so pages
 * need not carry every error's wording (their size budgets count it).
 */
export type DescribedView = SsiView & { problem: ErrorDescription | null };

/** What a LinkedIn tab needs to draw the badge: never the key, never another account's data. */
export interface BadgeState {
  /** The user's "Show the badge on LinkedIn" setting. */
  show: boolean;
  view: SsiView;
  /**
   * `view.error` in words, described by the service worker so that the content script does not
   * carry every error's wording.
   */
  problem: ErrorDescription | null;
  /** Who the account is on LinkedIn, to recognise its own profile page. */
  account: { profileUrn: string | null; publicId: string | null };
}

export interface ProtocolMap {
  /** The current account's SSI; `refresh` skips the freshness window. */
  'ssi:get': { payload: { refresh: boolean }; answer: DescribedView };
  /** The badge's data for a LinkedIn tab; registers the tab for `badge:changed` notices. */
  'badge:get': { payload: { refresh: boolean }; answer: BadgeState };
  /** Opens one of the extension's pages in a tab: the full view or the settings. */
  'view:open': { payload: { page: 'full-view' | 'settings' }; answer: null };
  'settings:get': { payload: null; answer: PublicSettings };
  /** The last API exchange, recorded while debug is on (key redacted). */
  'debug:get': { payload: null; answer: ApiExchange | null };
  'settings:save': { payload: SettingsSave; answer: Result<PublicSettings, SettingsProblem> };
  'connection:test': {
    payload: ConnectionTest;
    answer: Result<{ summary: string }, ErrorDescription & Pick<SsiError, 'code'>>;
  };
}

export type MessageType = keyof ProtocolMap;
export type PayloadOf<T extends MessageType> = ProtocolMap[T]['payload'];
export type AnswerOf<T extends MessageType> = ProtocolMap[T]['answer'];

/**
 * Who may send each message: settings and the key only from the extension's own pages; a
 * LinkedIn tab only what its badge needs (`badge:get`, which the worker rate-limits, and
 * `view:open`).
 */
export const ALLOWED_SENDERS: { readonly [T in MessageType]: readonly SenderKind[] } = {
  'ssi:get': ['extension-page'],
  'badge:get': ['linkedin-tab'],
  'view:open': ['extension-page', 'linkedin-tab'],
  'settings:get': ['extension-page'],
  'debug:get': ['extension-page'],
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

/** Notices the service worker pushes to LinkedIn tabs (`tabs.sendMessage`). */
export interface TabNotice {
  /** The badge's data or the badge setting changed: ask `badge:get` again. */
  type: 'badge:changed';
}
