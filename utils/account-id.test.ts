import { describe, expect, it } from 'vitest';
import { parseAccountId } from './account-id';

describe('parseAccountId', () => {
  it.each([
    ['', ''],
    ['   ', ''],
    ['6650a1f3c2e4b5d6a7980b1c', '6650a1f3c2e4b5d6a7980b1c'],
    ['  6650a1f3c2e4b5d6a7980b1c\n', '6650a1f3c2e4b5d6a7980b1c'],
    ['acc_1-B', 'acc_1-B'],
    ['a'.repeat(64), 'a'.repeat(64)],
  ])('accepts %j as %j', (input, expected) => {
    expect(parseAccountId(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['65 characters', 'a'.repeat(65)],
    ['a space inside', 'abc def'],
    ['a slash', 'abc/def'],
    ['path traversal', '../status'],
    ['a query', 'abc?x=1'],
    ['an ampersand', 'abc&debug=true'],
    ['non-ASCII', 'abcé'],
    ['markup', '<script>'],
  ])('rejects %s', (_name, input) => {
    const result = parseAccountId(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/account ID/);
  });
});
