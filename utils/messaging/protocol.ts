/**
 * Every message between the extension's contexts, each declared once in `MESSAGES`: its
 * payload's schema (what the service worker accepts, checked before any handler runs), its
 * answer's type, and who may send it. Both ends are typed from here: pages and content scripts
 * import types only, so the schemas (valibot) stay in the worker's bundle.
 */
import * as v from 'valibot';
import type { ApiExchange } from '../api-exchange';
import type { ErrorDescription, SsiError } from '../errors';
import type { KeyAccountsView } from '../key-accounts';
import type { Result } from '../result';
import {
  SETTING_NAMES,
  SETTINGS,
  type SettingName,
  type Settings,
  type SettingsProblem,
  type SettingWire,
} from '../settings';
import { MAX_IMPORT_BYTES } from '../history/history-file';
import { parseAccountId } from '../account-id';
import type { SsiState } from '../ssi/state';

/** The kinds of sender the service worker tells apart (see `worker/messaging/senders.ts`). */
export type SenderKind = 'extension-page' | 'linkedin-tab';

/** Settings as any page may see them: never the key, only whether one is saved. */
export interface PublicSettings extends Settings {
  hasApiKey: boolean;
}

/**
 * The SSI with its error already in words: the service worker describes API errors, so pages
 * need not carry every error's wording (their size budgets count it).
 */
export type DescribedSsiState = SsiState & { problem: ErrorDescription | null };

/**
 * What a LinkedIn tab needs to draw the profile badge: never the key; one account's data, of the
 * key's account whose own profile the tab showed, else of the selected account.
 */
export interface ProfileBadgeState {
  /** The user's "Show the badge on LinkedIn" setting. */
  show: boolean;
  ssi: SsiState;
  /**
   * `ssi.error` in words, described by the service worker so that the content script does not
   * carry every error's wording.
   */
  problem: ErrorDescription | null;
  /**
   * Who the account is on LinkedIn, to recognise its own profile page: the key's account the
   * page named (`page` of the ask), else the selected account.
   */
  account: { profileUrn: string | null; publicId: string | null };
}

/** The key's accounts for pages, with the last attempt's failure in words. */
export type DescribedKeyAccounts = KeyAccountsView & { problem: ErrorDescription | null };

/** The pages of the extension a message may open in a tab. */
export const EXTENSION_PAGES = ['dashboard', 'settings'] as const;
export type ExtensionPage = (typeof EXTENSION_PAGES)[number];

/** The answer's type of a declaration: carried by the type only, nothing at run time. */
declare const ANSWER: unique symbol;
export interface Answer<T> {
  readonly [ANSWER]?: T;
}
const answer = <T>(): Answer<T> => ({});

/** One message, declared: who may send it, what its payload must be, what it answers. */
interface MessageDeclaration {
  senders: readonly SenderKind[];
  payload: v.GenericSchema;
  answer: Answer<unknown>;
  /** Payloads larger than this (as JSON) are refused unread; default 16 KB. */
  maxBytes?: number;
}

const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** A setting's payload schema, from its declaration's wire type. */
function wireSchema(wire: SettingWire): v.GenericSchema {
  if (wire.type === 'string') return shortText(wire.maxLength);
  if (wire.type === 'number') return v.pipe(v.number(), v.finite());
  if (wire.type === 'option') return v.picklist(wire.options);
  return v.boolean();
}

/** Each setting's schema, by the shape its declaration travels in. */
const SETTINGS_PAYLOAD_ENTRIES = Object.fromEntries(
  SETTING_NAMES.map((name) => [name, wireSchema(SETTINGS[name].wire)]),
) as Record<SettingName, v.GenericSchema<string, string>>;

/** Every setting, by the shape its declaration travels in. */
const SETTINGS_PAYLOAD = v.strictObject(SETTINGS_PAYLOAD_ENTRIES) as unknown as v.GenericSchema<
  Settings,
  Settings
>;

/**
 * An account of the key, named by its ID: the `accountId` setting's wire shape and rule, not
 * empty and exactly as the rule reads it (no spaces to trim).
 */
const ACCOUNT_ID_PAYLOAD = v.pipe(
  SETTINGS_PAYLOAD_ENTRIES.accountId,
  v.check((id) => {
    const parsed = parseAccountId(id);
    return parsed.ok && parsed.value === id && id !== '';
  }, 'an account ID'),
);

export const MESSAGES = {
  /**
   * An account's SSI: the selected one's (the `accountId` setting), or `accountId`'s, another
   * account of the key (the dashboard's Team). `refresh` skips the freshness window (the
   * popup's Refresh), never a 429's pause.
   */
  'ssi:get': {
    senders: ['extension-page'],
    payload: v.strictObject({ refresh: v.boolean(), accountId: v.optional(ACCOUNT_ID_PAYLOAD) }),
    answer: answer<DescribedSsiState>(),
  },
  /**
   * The profile badge's data for a LinkedIn tab; registers the tab for `profile-badge:changed`
   * notices. A forced refresh is rate-limited by the worker.
   */
  'profile-badge:get': {
    senders: ['linkedin-tab'],
    payload: v.strictObject({
      refresh: v.boolean(),
      /**
       * The profile the tab is on, as far as it knows yet: its URL's slug (normalised) and the
       * fsd profile ID its markup shows. The badge is for the key's account it names, if any.
       */
      page: v.optional(
        v.strictObject({
          slug: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
          profileId: v.nullable(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,100}$/))),
        }),
      ),
    }),
    answer: answer<ProfileBadgeState>(),
  },
  /** Opens one of the extension's pages in a tab (rate-limited per LinkedIn tab). */
  'page:open': {
    senders: ['extension-page', 'linkedin-tab'],
    payload: v.strictObject({ page: v.picklist(EXTENSION_PAGES) }),
    answer: answer<null>(),
  },
  'settings:get': { senders: ['extension-page'], payload: v.null(), answer: answer<PublicSettings>() },
  /** The key's LinkedIn accounts; `refresh` skips the freshness window (the user asked). */
  'accounts:get': {
    senders: ['extension-page'],
    payload: v.strictObject({ refresh: v.boolean() }),
    answer: answer<DescribedKeyAccounts>(),
  },
  /**
   * Selects the account the popup, the toolbar icon and the dashboard show (the `accountId`
   * setting; empty for the key's default account), leaving every other setting as it is.
   */
  'account:select': {
    senders: ['extension-page'],
    payload: v.strictObject({ accountId: SETTINGS_PAYLOAD_ENTRIES.accountId }),
    answer: answer<Result<null, SettingsProblem>>(),
  },
  /** The last API exchange, recorded while debug is on (key redacted). */
  'debug:get': { senders: ['extension-page'], payload: v.null(), answer: answer<ApiExchange | null>() },
  /** Saves the settings; `apiKey`: `set` replaces the key, `keep` leaves it, `clear` removes it. */
  'settings:save': {
    senders: ['extension-page'],
    payload: v.strictObject({
      settings: SETTINGS_PAYLOAD,
      // One object schema with a check rather than a variant: the same rule in fewer bytes of
      // valibot, which the service worker's size budget counts.
      apiKey: v.pipe(
        v.strictObject({ action: v.picklist(['keep', 'clear', 'set']), value: v.optional(shortText(1024)) }),
        v.check(
          (key) => (key.action === 'set') === (key.value !== undefined),
          'a value goes with "set" only',
        ),
      ) as v.GenericSchema<
        { action: 'keep' } | { action: 'clear' } | { action: 'set'; value: string },
        { action: 'keep' } | { action: 'clear' } | { action: 'set'; value: string }
      >,
    }),
    answer: answer<Result<PublicSettings, SettingsProblem>>(),
  },
  /**
   * Merges an imported history, read and checked by the page (`importHistory`), in the layout
   * history is stored in (`encodeHistory`, one per account): the worker reads it by that
   * layout's rules again and merges all of it, or nothing (`refused`) when anything fails them.
   */
  'history:import': {
    senders: ['extension-page'],
    payload: v.strictObject({ histories: v.pipe(v.array(v.unknown()), v.maxLength(500)) }),
    answer: answer<Result<{ added: number }, SsiError>>(),
    // A whole 5 MB file, stored: about as large, with room to spare.
    maxBytes: 2 * MAX_IMPORT_BYTES,
  },
  /** Sets an account's goal (a target SSI by a day), or removes it (`goal: null`). */
  'goal:set': {
    senders: ['extension-page'],
    payload: v.strictObject({
      accountId: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/)),
      goal: v.nullable(
        v.strictObject({
          target: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)),
          by: v.pipe(v.string(), v.isoDate()),
        }),
      ),
    }),
    answer: answer<null>(),
  },
  /**
   * Deletes everything the extension keeps in this browser (key, settings, cache, history,
   * goals), its alarms and optional permissions; fails only when storage could not be emptied.
   */
  'data:delete-all': {
    senders: ['extension-page'],
    payload: v.null(),
    answer: answer<Result<null, SsiError>>(),
  },
  /** Calls the API with the form as it is now, saved or not (`apiKey`: a key typed, not saved). */
  'connection:test': {
    senders: ['extension-page'],
    payload: v.strictObject({
      apiBaseUrl: shortText(300),
      accountId: shortText(100),
      apiKey: v.optional(shortText(1024)),
    }),
    answer: answer<Result<{ summary: string }, ErrorDescription & Pick<SsiError, 'code'>>>(),
  },
} as const satisfies Record<string, MessageDeclaration>;

export type MessageType = keyof typeof MESSAGES;
export type PayloadOf<T extends MessageType> = v.InferOutput<(typeof MESSAGES)[T]['payload']>;
export type AnswerOf<T extends MessageType> =
  (typeof MESSAGES)[T]['answer'] extends Answer<infer A> ? A : never;

/** What the options page sends on Save. */
export type SettingsSave = PayloadOf<'settings:save'>;
/** What "Test connection" tries. */
export type ConnectionTest = PayloadOf<'connection:test'>;

/** Messages larger than this (as JSON) are refused unread, unless their declaration says more. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

/** A message as it travels. */
export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: PayloadOf<T>;
}

/** Every answer travels wrapped: transport-level refusals are errors as data too. */
export type Reply<T extends MessageType> = Result<AnswerOf<T>, SsiError>;

/** Notices the service worker pushes to LinkedIn tabs (`tabs.sendMessage`). */
export interface TabNotice {
  /** The profile badge's data or its setting changed: ask `profile-badge:get` again. */
  type: 'profile-badge:changed';
}
