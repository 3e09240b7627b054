/**
 * The API key's storage item. Service worker only: the lint rules forbid importing this
 * module from any page or content script, and the key never leaves the worker in a message.
 */
import { storage } from 'wxt/utils/storage';

export const apiKeyItem = storage.defineItem<string | null>('local:apiKey', {
  fallback: null,
  version: 1,
});
