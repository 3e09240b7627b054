import { describe, expect, it } from 'vitest';
import { readingOn, readingsUntil } from '../testing/readings';
import { CSV_HEADER } from './columns';
import { historyToCsv, neutraliseCell, parseHistoryCsv, plainDecimal } from './csv';
import { describeImportProblem } from './import-problem';

const TODAY = '2026-12-02';
const HEADER =
  'date,account_id,overall,professional_brand,find_right_people,insight_engagement,strong_relationship,industry_rank,network_rank,industry_average,network_average,industry_name';

describe('historyToCsv', () => {
  it('writes exactly the documented header, then a row per day, with CRLF line ends', () => {
    const text = historyToCsv([readingOn('2026-11-30', 61.5), readingOn('2026-12-01', 62)]);
    expect(CSV_HEADER.join(',')).toBe(HEADER);
    expect(text.split('\r\n')).toEqual([
      HEADER,
      '2026-11-30,acc-1,61.5,15.375,15.375,15.375,15.375,12,30,45.5,51.25,Computer Software',
      '2026-12-01,acc-1,62,15.5,15.5,15.5,15.5,12,30,45.5,51.25,Computer Software',
      '',
    ]);
  });

  it('leaves missing values as empty cells', () => {
    const reading = readingOn('2026-12-01', 62, {
      industryRank: null,
      industryName: null,
      networkAverage: null,
    });
    reading.pillars.INSIGHT_ENGAGEMENT = null;
    expect(historyToCsv([reading]).split('\r\n')[1]).toBe('2026-12-01,acc-1,62,15.5,15.5,,15.5,,30,45.5,,');
  });

  it('writes numbers as plain decimals with a dot, never in exponent form', () => {
    expect(plainDecimal(13.118002)).toBe('13.118002');
    expect(plainDecimal(0.29999998)).toBe('0.29999998');
    expect(plainDecimal(1e-7)).toBe('0.0000001');
    expect(plainDecimal(25)).toBe('25');
  });

  it('quotes cells with commas, quotes and line breaks (RFC 4180)', () => {
    const row = (industryName: string) =>
      historyToCsv([readingOn('2026-12-01', 62, { industryName })])
        .split('\r\n')
        .slice(1, -1)
        .join('\r\n');
    expect(row('Banking, Finance')).toMatch(/,"Banking, Finance"$/);
    expect(row('The "Best" Industry')).toMatch(/,"The ""Best"" Industry"$/);
    expect(row('Two\nlines')).toMatch(/,"Two\nlines"$/);
  });

  describe('neutralises text a spreadsheet would run as a formula', () => {
    it.each([
      ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
      ['+1+1', "'+1+1"],
      ['-2+3', "'-2+3"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\tTabbed', "'\tTabbed"],
      ['\rReturn', "'\rReturn"],
      ['Software', 'Software'],
      ["'quoted", "'quoted"],
    ])('%j → %j', (text, expected) => {
      expect(neutraliseCell(text)).toBe(expected);
    });

    it('in the file: an industry name from a server never starts a cell with "="', () => {
      const text = historyToCsv([
        readingOn('2026-12-01', 62, { industryName: '=HYPERLINK("http://x","y")' }),
      ]);
      const cells = text.split('\r\n')[1]!;
      expect(cells.endsWith(`,"'=HYPERLINK(""http://x"",""y"")"`)).toBe(true);
    });

    it('account ids too (one may start with "-")', () => {
      const text = historyToCsv([readingOn('2026-12-01', 62, { accountId: '-abc' })]);
      expect(text.split('\r\n')[1]!.split(',')[1]).toBe("'-abc");
    });
  });
});

describe('parseHistoryCsv', () => {
  it('reads back what it wrote: every value, neutralised text restored, time unknown', () => {
    const readings = [
      readingOn('2026-11-29', 61.25, { industryName: '=cmd|" /C calc"!A0', accountId: '-x_1' }),
      readingOn('2026-11-30', 0.29999998, {
        industryName: 'Banking, "Finance" and more',
        industryRank: null,
      }),
      readingOn('2026-12-01', 100, { industryName: null }),
    ];
    readings[2]!.pillars.STRONG_RELATIONSHIP = null;
    const parsed = parseHistoryCsv(historyToCsv(readings), TODAY);
    expect(parsed.ok).toBe(true);
    const expected = readings.map((reading) => ({
      ...reading,
      at: null,
      industryGroupSize: null,
      networkGroupSize: null,
    }));
    expect(parsed.ok && parsed.value).toEqual(expected);
  });

  it('round-trips 120 days byte for byte', () => {
    const readings = readingsUntil('2026-12-01', 120, (index) => 40 + (index % 17) * 0.75);
    const text = historyToCsv(readings);
    const parsed = parseHistoryCsv(text, TODAY);
    expect(parsed.ok && historyToCsv(parsed.value)).toBe(text);
  });

  it('takes LF line ends, a byte order mark and a missing last line end', () => {
    const text = `\uFEFF${HEADER}\n2026-12-01,acc-1,62,,,,,,,,,Software`;
    const parsed = parseHistoryCsv(text, TODAY);
    expect(
      parsed.ok && parsed.value.map((reading) => [reading.day, reading.overall, reading.industryName]),
    ).toEqual([['2026-12-01', 62, 'Software']]);
  });

  it('takes a file with the header only (nothing to add)', () => {
    expect(parseHistoryCsv(`${HEADER}\r\n\r\n`, TODAY)).toEqual({ ok: true, value: [] });
  });

  const row = (cells: Partial<Record<string, string>>) => {
    const values: Record<string, string> = {
      date: '2026-12-01',
      account_id: 'acc-1',
      overall: '62',
      professional_brand: '15',
      find_right_people: '15',
      insight_engagement: '16',
      strong_relationship: '16',
      industry_rank: '12',
      network_rank: '30',
      industry_average: '45',
      network_average: '50',
      industry_name: 'Software',
      ...cells,
    };
    return CSV_HEADER.map((name) => values[name]).join(',');
  };
  const file = (...rows: string[]) => [HEADER, ...rows].join('\r\n');

  it.each([
    [
      'a wrong header',
      'date,overall\r\n2026-12-01,62',
      { code: 'wrong-header' },
      /first line is not the SSI history header/,
    ],
    [
      'a header in another order',
      HEADER.replace('overall,professional_brand', 'professional_brand,overall'),
      { code: 'wrong-header' },
      /header/,
    ],
    ['an empty file', '', { code: 'empty' }, /empty/],
    [
      'a row with a cell too few',
      file(row({}), row({}).replace(/,Software$/, '')),
      { code: 'wrong-cell-count', line: 3, found: 11 },
      /^Line 3: 11 cells where the header has 12\./,
    ],
    [
      'a date in the future',
      file(row({ date: '2026-12-03' })),
      { code: 'future-date', line: 2 },
      /^Line 2: the date “2026-12-03” is in the future\./,
    ],
    [
      'a date that does not exist',
      file(row({ date: '2026-02-30' })),
      { code: 'bad-date', line: 2 },
      /not a date in the form YYYY-MM-DD/,
    ],
    [
      'a date in another form',
      file(row({ date: '12/01/2026' })),
      { code: 'bad-date', line: 2 },
      /not a date/,
    ],
    [
      'an overall score over 100',
      file(row({ overall: '101' })),
      { code: 'out-of-range', line: 2, column: 'overall' },
      /^Line 2: overall is “101”, outside 0 to 100\./,
    ],
    [
      'a pillar over 25',
      file(row({ find_right_people: '25.5' })),
      { code: 'out-of-range', column: 'find_right_people' },
      /outside 0 to 25/,
    ],
    [
      'a negative pillar',
      file(row({ strong_relationship: '-1' })),
      { code: 'not-a-number', column: 'strong_relationship' },
      /not a plain number/,
    ],
    [
      'a rank of 0',
      file(row({ industry_rank: '0' })),
      { code: 'out-of-range', column: 'industry_rank' },
      /outside/,
    ],
    ['a decimal comma', file(row({ overall: '62,5' })), { code: 'wrong-cell-count' }, /13 cells/],
    [
      'a number in exponent form',
      file(row({ overall: '6.2e1' })),
      { code: 'not-a-number' },
      /not a plain number/,
    ],
    ['text for a score', file(row({ overall: 'sixty' })), { code: 'not-a-number' }, /“sixty”/],
    [
      'no overall score',
      file(row({ overall: '' })),
      { code: 'missing-value', column: 'overall' },
      /overall is empty/,
    ],
    ['no account', file(row({ account_id: '' })), { code: 'bad-account' }, /not an account ID/],
    [
      'an account id with spaces',
      file(row({ account_id: 'acc 1' })),
      { code: 'bad-account' },
      /not an account ID/,
    ],
    [
      'the same day twice for one account',
      file(row({}), row({ overall: '63' })),
      { code: 'duplicate-day', line: 3 },
      /^Line 3: a second reading for 2026-12-01/,
    ],
    [
      'an unclosed quote',
      file(row({}), row({ industry_name: '"Software' })),
      { code: 'unclosed-quote', line: 3 },
      /never closed/,
    ],
    [
      'an industry name too long',
      file(row({ industry_name: 'x'.repeat(201) })),
      { code: 'bad-text' },
      /longer than 200 characters/,
    ],
  ])('refuses %s, and says where and why', (_, text, problem, words) => {
    const parsed = parseHistoryCsv(text, TODAY);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toMatchObject(problem);
    expect(describeImportProblem(parsed.error)).toMatch(words);
    expect(describeImportProblem(parsed.error)).toMatch(/Nothing was imported\.$/);
  });

  it('keeps one account’s day apart from another’s', () => {
    const parsed = parseHistoryCsv(file(row({}), row({ account_id: 'acc-2' })), TODAY);
    expect(parsed.ok && parsed.value.map((reading) => reading.accountId)).toEqual(['acc-1', 'acc-2']);
  });

  it('keeps text on one line: line breaks and tabs inside a cell read as spaces', () => {
    const parsed = parseHistoryCsv(file(row({ industry_name: '"Banking,\r\n\tFinance "' })), TODAY);
    expect(parsed.ok && parsed.value[0]!.industryName).toBe('Banking, Finance');
  });

  it('counts lines of a quoted line break when it names a line', () => {
    const text = file(row({ industry_name: '"Two\nlines"' }), row({ date: '2099-01-01' }));
    const parsed = parseHistoryCsv(text, TODAY);
    expect(!parsed.ok && parsed.error).toMatchObject({ code: 'future-date', line: 4 });
  });
});
