import { describe, expect, it } from 'vitest';
import { describeError, SSI_ERROR_CODES, type SsiErrorCode } from './errors';

const NOW = Date.UTC(2026, 2, 14, 9, 30);
const ACTIONS = ['open-settings', 'retry', 'none'];

function clock(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

describe('describeError', () => {
  it.each(SSI_ERROR_CODES)('gives %s a title, a message and an action', (code) => {
    const description = describeError({ code }, NOW);
    expect(description.title.trim()).not.toBe('');
    expect(description.message.trim()).not.toBe('');
    expect(ACTIONS).toContain(description.action);
  });

  it.each(SSI_ERROR_CODES)('never prints undefined, null or NaN for %s, with or without details', (code) => {
    const bare = describeError({ code }, NOW);
    const full = describeError(
      { code, status: 503, serverMessage: 'Server words', retryAt: NOW + 60_000, detail: 'x' },
      NOW,
    );
    for (const { title, message } of [bare, full]) {
      expect(`${title} ${message}`).not.toMatch(/undefined|null|NaN|\[object/);
    }
  });

  it.each<[SsiErrorCode, string | RegExp, string]>([
    ['no-key', 'Add your API key in settings', 'open-settings'],
    ['unauthorized', 'The API key was rejected: check it in settings', 'open-settings'],
    ['session-expired', /reconnect the account in ConnectSafely/, 'retry'],
    ['permission-missing', /settings/, 'open-settings'],
    ['offline', /offline/i, 'retry'],
    ['network', /reach the API/, 'retry'],
    ['timeout', /too long/, 'retry'],
  ])('words %s as the issue asks', (code, words, action) => {
    const description = describeError({ code }, NOW);
    if (typeof words === 'string') expect(description.message).toContain(words);
    else expect(description.message).toMatch(words);
    expect(description.action).toBe(action);
  });

  it.each<[SsiErrorCode]>([['forbidden'], ['bad-request'], ['api-error']])(
    'quotes the server words for %s',
    (code) => {
      const message = describeError({ code, serverMessage: 'Your trial has expired.' }, NOW).message;
      expect(message).toContain('“Your trial has expired.”');
    },
  );

  it('keeps markup in server words as text (the caller renders text)', () => {
    const words = '<img src=x onerror=alert(1)>';
    expect(describeError({ code: 'forbidden', serverMessage: words }, NOW).message).toContain(words);
  });

  it('explains forbidden without server words by pointing at the plan', () => {
    expect(describeError({ code: 'forbidden' }, NOW).message).toMatch(/plan/);
  });

  it('mentions the time to try again when retryAt is in the future', () => {
    const retryAt = NOW + 30 * 60_000;
    const message = describeError({ code: 'rate-limited', retryAt }, NOW).message;
    expect(message).toContain(clock(retryAt));
    expect(message).toMatch(/\d{1,2}\D\d{2}/);
    expect(message).not.toContain('in a minute');
  });

  it.each([
    ['in the past', NOW - 1_000],
    ['now', NOW],
    ['missing', undefined],
  ])('says "in a minute" when retryAt is %s', (_name, retryAt) => {
    const message = describeError(
      { code: 'rate-limited', ...(retryAt === undefined ? {} : { retryAt }) },
      NOW,
    ).message;
    expect(message).toContain('Try again in a minute.');
  });

  it('mentions the HTTP status of a server error when known', () => {
    expect(describeError({ code: 'server', status: 503 }, NOW).message).toContain('HTTP 503');
    expect(describeError({ code: 'server' }, NOW).message).not.toContain('HTTP');
  });
});
