// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PRODUCTION_API, SANDBOX_API } from '@/utils/api-origin';
import type { MessageType, PayloadOf, PublicSettings, Reply } from '@/utils/messaging/protocol';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { App } from './App';

const sent = vi.hoisted(() => [] as { type: string; payload: unknown }[]);
const answers = vi.hoisted(() => new Map<string, unknown>());

vi.mock('@/utils/messaging/client', () => ({
  sendMessage: async <T extends MessageType>(type: T, payload: PayloadOf<T>): Promise<Reply<T>> => {
    sent.push({ type, payload });
    return answers.get(type) as Reply<T>;
  },
}));

const SAVED: PublicSettings = { ...DEFAULT_SETTINGS, apiBaseUrl: SANDBOX_API, hasApiKey: true };
const DEFAULTS: PublicSettings = { ...DEFAULT_SETTINGS, hasApiKey: false };

beforeEach(() => {
  fakeBrowser.reset();
  sent.length = 0;
  answers.clear();
  answers.set('settings:get', { ok: true, value: SAVED });
  answers.set('accounts:get', { ok: true, value: { accounts: [], defaultAccountId: null, problem: null } });
});

/** The messages the page sent but the account field's own `accounts:get` (AccountField.test.tsx). */
const sentTypes = () => sent.map((message) => message.type).filter((type) => type !== 'accounts:get');

afterEach(cleanup);

/** The browser's answer to every permission request, as the user gives it. */
function answerPermissionRequests(granted: boolean) {
  return vi
    .spyOn(fakeBrowser.permissions, 'request')
    .mockImplementation((async () => granted) as typeof fakeBrowser.permissions.request);
}

async function openPage() {
  render(<App />);
  await screen.findByLabelText('API base URL');
}

const field = () => screen.getByLabelText('API base URL') as HTMLInputElement;

describe('the options page', () => {
  describe('API presets', () => {
    it("picking Sandbox asks for the sandbox host's permission, at once", async () => {
      const request = answerPermissionRequests(true);
      answers.set('settings:get', { ok: true, value: DEFAULTS });
      await openPage();

      fireEvent.click(screen.getByRole('button', { name: 'Sandbox' }));

      expect(request).toHaveBeenCalledExactlyOnceWith({
        origins: ['https://sandbox.api.connectsafely.ai/*'],
      });
      await waitFor(() => expect(field().value).toBe(SANDBOX_API));
      expect(field().getAttribute('aria-invalid')).toBe('false');
    });

    it('says so on the field when the permission is refused', async () => {
      answerPermissionRequests(false);
      answers.set('settings:get', { ok: true, value: DEFAULTS });
      await openPage();

      fireEvent.click(screen.getByRole('button', { name: 'Sandbox' }));

      await waitFor(() => expect(field().getAttribute('aria-invalid')).toBe('true'));
      expect(screen.getByText('The extension needs your permission to call this address.')).toBeTruthy();
    });

    it('picking Production asks for nothing: its host is granted at install', async () => {
      const request = answerPermissionRequests(true);
      await openPage();

      fireEvent.click(screen.getByRole('button', { name: 'Production' }));

      await waitFor(() => expect(field().value).toBe(PRODUCTION_API));
      expect(request).not.toHaveBeenCalled();
    });
  });

  describe('Delete all data', () => {
    function deleteAll() {
      fireEvent.click(screen.getByRole('button', { name: 'Delete all data' }));
      fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    }

    it('sends data:delete-all, then shows the defaults and says All data deleted.', async () => {
      await openPage();
      expect(field().value).toBe(SANDBOX_API);
      answers.set('data:delete-all', { ok: true, value: { ok: true, value: null } });
      answers.set('settings:get', { ok: true, value: DEFAULTS });

      deleteAll();

      await waitFor(() => expect(screen.getByTestId('delete-outcome').textContent).toBe('All data deleted.'));
      expect(sentTypes()).toEqual(['settings:get', 'data:delete-all', 'settings:get']);
      expect(sent.find((message) => message.type === 'data:delete-all')!.payload).toBeNull();
      expect(field().value).toBe(PRODUCTION_API);
      expect(screen.getByText('Paste the API key from your ConnectSafely dashboard.')).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Remove saved key' })).toBeNull();
      // No key, no list: the account is typed again, and the page says how to pick it by name.
      expect(screen.getByRole('textbox', { name: 'Account ID' })).toBeTruthy();
      expect(screen.getByText('Save your key to pick an account by name.')).toBeTruthy();
    });

    it('keeps the settings on screen and says why when the worker could not delete', async () => {
      await openPage();
      answers.set('data:delete-all', { ok: true, value: { ok: false, error: { code: 'storage-failed' } } });

      deleteAll();

      await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/refused to save/));
      expect(field().value).toBe(SANDBOX_API);
      expect(sentTypes()).toEqual(['settings:get', 'data:delete-all']);
    });
  });
});
