import { describe, expect, it } from 'vitest';
import { parseApiKey } from './api-key';

describe('parseApiKey', () => {
  it.each([
    ['sk-12345', 'sk-12345'],
    ['  sandbox-demo-key\n', 'sandbox-demo-key'],
    ['!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'],
    ['k'.repeat(512), 'k'.repeat(512)],
  ])('accepts %s', (input, expected) => {
    expect(parseApiKey(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['empty', '', /Enter your API key/],
    ['blank', '  \t ', /Enter your API key/],
    ['7 characters', 'sk-1234', /looks too short: paste the whole key from the ConnectSafely dashboard/],
    ['1 character', 'k', /looks too short/],
    ['7 characters once trimmed', '  sk-1234\n', /looks too short/],
    ['513 characters', 'k'.repeat(513), /does not look like an API key/],
    ['a space inside', 'sk-123 456', /does not look like an API key/],
    ['a tab inside', 'sk-123\t456', /does not look like an API key/],
    ['a newline inside', 'sk-123\n456', /does not look like an API key/],
    ['non-ASCII', 'sk-1234567é', /does not look like an API key/],
    ['a control character', 'sk-1234567\u0000', /does not look like an API key/],
    ['Bearer prefix with a space', 'Bearer sk-12345678', /does not look like an API key/],
  ])('rejects %s', (_name, input, message) => {
    const result = parseApiKey(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
