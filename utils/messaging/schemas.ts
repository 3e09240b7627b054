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
    // One object schema with a check rather than a variant: the same rule in fewer bytes of
    // valibot, which the service worker's size budget counts.
    apiKey: v.pipe(
      v.strictObject({ action: v.picklist(['keep', 'clear', 'set']), value: v.optional(shortText(1024)) }),
      v.check((key) => (key.action === 'set') === (key.value !== undefined), 'a value goes with "set" only'),
    ),
  }),
  'connection:test': v.strictObject({
    apiBaseUrl: shortText(300),
    accountId: shortText(100),
    apiKey: v.optional(shortText(1024)),
  }),
} satisfies Record<MessageType, v.GenericSchema>;
