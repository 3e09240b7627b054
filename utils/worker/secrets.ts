/**
 * The API key's storage item. Service worker only: the lint rules forbid importing this
 * module from any page or content script, and the key never leaves the worker in a message.
 */
import { defineItem } from '../storage-item';

export const apiKeyItem = defineItem<string | null>('local', 'apiKey', null);
