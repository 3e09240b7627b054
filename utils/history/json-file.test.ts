import { describe, expect, it } from 'vitest';
import { readingOn, readingsUntil } from '../testing/readings';
import { HISTORY_FORMAT, historyToJson, parseHistoryJson } from './json-file';

const TODAY = '2026-12-02';
const NOW = Date.parse('2026-12-02T10:00:00Z');

function exported(readings = readingsUntil('2026-12-01', 3)) {
  return JSON.parse(historyToJson(readings, NOW)) as { readings: Record<string, unknown>[] } & Record<
    string,
    unknown
  >;
}

describe('historyToJson', () => {
  it('names its format and version, and each reading by the CSV columns plus group sizes and time', () => {
    const data = exported([readingOn('2026-12-01', 62)]);
    expect(data).toMatchObject({
      format: HISTORY_FORMAT,
      version: 1,
      exported_at: '2026-12-02T10:00:00.000Z',
    });
    expect(data.readings).toEqual([
      {
        date: '2026-12-01',
        account_id: 'acc-1',
        taken_at: '2026-12-01T12:00:00.000Z',
        overall: 62,
        professional_brand: 15.5,
        find_right_people: 15.5,
        insight_engagement: 15.5,
        strong_relationship: 15.5,
        industry_rank: 12,
        network_rank: 30,
        industry_average: 45.5,
        network_average: 51.25,
        industry_name: 'Computer Software',
        industry_group_size: 184233,
        network_group_size: 812,
      },
    ]);
  });
});

describe('parseHistoryJson', () => {
  it('reads back exactly what it wrote, time included', () => {
    const readings = [
      readingOn('2026-11-30', 61.5),
      readingOn('2026-12-01', 62, { at: null, industryName: null }),
    ];
    expect(parseHistoryJson(exported(readings), TODAY)).toEqual({ ok: true, value: readings });
  });

  it('refuses a reading of a newer layout, or something that is not a history', () => {
    expect(parseHistoryJson({ ...exported(), version: 2 }, TODAY)).toMatchObject({
      ok: false,
      error: { code: 'unsupported-version', version: '2' },
    });
    expect(parseHistoryJson({ readings: [] }, TODAY)).toMatchObject({ error: { code: 'unknown-format' } });
    expect(parseHistoryJson([], TODAY)).toMatchObject({ error: { code: 'unknown-format' } });
  });

  const withReading = (change: Record<string, unknown>) => {
    const data = exported([readingOn('2026-12-01', 62)]);
    data.readings[0] = { ...data.readings[0], ...change };
    return data;
  };

  it.each([
    ['a score given as text', { overall: '62' }, { code: 'not-a-number', column: 'overall', line: 1 }],
    ['a score given as an object', { overall: { value: 62 } }, { code: 'not-a-number' }],
    ['a name given as a number', { industry_name: 7 }, { code: 'bad-text', column: 'industry_name' }],
    [
      'a group size that is not whole',
      { network_group_size: 812.5 },
      { code: 'not-a-number', column: 'network_group_size' },
    ],
    ['an unknown field', { __proto__x: 1 }, { code: 'unknown-field', field: '__proto__x' }],
    ['a date in the future', { date: '2027-01-01' }, { code: 'future-date' }],
    ['a missing account', { account_id: undefined }, { code: 'bad-account' }],
    ['an overall of 100.5', { overall: 100.5 }, { code: 'out-of-range', column: 'overall' }],
  ])('refuses %s', (_, change, problem) => {
    expect(parseHistoryJson(withReading(change), TODAY)).toMatchObject({ ok: false, error: problem });
  });

  it('refuses a reading that is not an object, naming which', () => {
    const data = exported();
    data.readings.push(42 as unknown as Record<string, unknown>);
    expect(parseHistoryJson(data, TODAY)).toMatchObject({
      error: { code: 'not-a-reading', line: 4, format: 'json' },
    });
  });

  it('reads an unreadable time as unknown, not as a problem', () => {
    const parsed = parseHistoryJson(withReading({ taken_at: 'yesterday-ish' }), TODAY);
    expect(parsed.ok && parsed.value[0]!.at).toBeNull();
  });
});
