/** Run-time schemas of every message payload: a payload is hostile until it matches. */
import * as v from 'valibot';
import type { MessageType } from './protocol';

const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));

const SettingsSchema = v.strictObject({
  apiBaseUrl: shortText(300),
  accountId: shortText(100),
  freshnessMinutes: v.pipe(v.number(), v.finite()),
  debug: v.boolean(),
  showBadge: v.boolean(),
});

export const PAYLOAD_SCHEMAS = {
  'ssi:get': v.strictObject({ refresh: v.boolean() }),
  'badge:get': v.strictObject({ refresh: v.boolean() }),
  'view:open': v.strictObject({ page: v.picklist(['full-view', 'settings']) }),
  'settings:get': v.null(),
  'debug:get': v.null(),
  'settings:save': v.strictObject({
    settings: SettingsSchema,
    apiKey: v.variant('action', [
      v.strictObject({ action: v.literal('keep') }),
      v.strictObject({ action: v.literal('clear') }),
      v.strictObject({ action: v.literal('set'), value: shortText(1024) }),
    ]),
  }),
  'connection:test': v.strictObject({
    apiBaseUrl: shortText(300),
    accountId: shortText(100),
    apiKey: v.optional(shortText(1024)),
  }),
} satisfies Record<MessageType, v.GenericSchema>;
