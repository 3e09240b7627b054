import { describe, expect, it } from 'vitest';
import { PRODUCTION_API, SANDBOX_API } from '@/utils/api-origin';
import type { PublicSettings } from '@/utils/messaging/protocol';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { buildSave, formFromSettings, settingsOf } from './form';

const SAVED: PublicSettings = { ...DEFAULT_SETTINGS, hasApiKey: true };

describe('the options form', () => {
  it('shows every setting as its field holds it, and the key field empty', () => {
    expect(formFromSettings({ ...SAVED, freshnessMinutes: 30 })).toEqual({
      apiKey: '',
      apiBaseUrl: PRODUCTION_API,
      accountId: '',
      freshnessMinutes: '30',
      debug: false,
      showProfileBadge: true,
      backgroundRefresh: '6h',
      notifications: false,
      notifyThreshold: '3',
      weeklySummary: false,
    });
    expect(settingsOf(SAVED)).toEqual(DEFAULT_SETTINGS);
  });

  it('builds a save from the fields, each read by its setting’s rule', () => {
    const values = {
      ...formFromSettings(SAVED),
      freshnessMinutes: ' 45 ',
      accountId: ' acc_1 ',
      debug: true,
    };
    expect(buildSave(values, SAVED)).toEqual({
      ok: true,
      value: {
        apiKey: { action: 'keep' },
        settings: { ...DEFAULT_SETTINGS, freshnessMinutes: 45, accountId: 'acc_1', debug: true },
      },
    });
  });

  it('says every field’s problem at once, the key first', () => {
    const values = {
      ...formFromSettings(SAVED),
      apiKey: 'short',
      apiBaseUrl: 'ftp://x',
      freshnessMinutes: '',
    };
    const save = buildSave(values, SAVED);
    expect(!save.ok && save.error.map((problem) => problem.field)).toEqual([
      'apiKey',
      'apiBaseUrl',
      'freshnessMinutes',
    ]);
  });

  it('asks for the key again when the address changes, and not when the key is pasted', () => {
    const moved = { ...formFromSettings(SAVED), apiBaseUrl: SANDBOX_API };
    const refused = buildSave(moved, SAVED);
    expect(!refused.ok && refused.error).toEqual([
      { field: 'apiKey', message: expect.stringMatching(/paste the key again/) },
    ]);
    expect(buildSave({ ...moved, apiKey: 'sandbox-demo-key' }, SAVED)).toMatchObject({
      ok: true,
      value: { apiKey: { action: 'set', value: 'sandbox-demo-key' }, settings: { apiBaseUrl: SANDBOX_API } },
    });
  });

  it('needs a key when none is saved', () => {
    const save = buildSave(formFromSettings({ ...SAVED, hasApiKey: false }), { ...SAVED, hasApiKey: false });
    expect(!save.ok && save.error[0]).toEqual({ field: 'apiKey', message: 'Enter your API key.' });
  });
});
