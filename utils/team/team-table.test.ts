import { describe, expect, it } from 'vitest';
import { PILLAR_IDS, type SsiSnapshot } from '../ssi/model';
import { makeSnapshot } from '../testing/snapshot';
import type { TeamRow } from './fetch-team';
import { sortTeam, TEAM_CSV_HEADER, teamCsvName, teamToCsv, type TeamEntry } from './team-table';

function entry(
  name: string,
  snapshot: Partial<SsiSnapshot> | null,
  { weeklyChange = null, problem = null }: { weeklyChange?: number | null; problem?: string | null } = {},
): TeamEntry {
  const id = name.toLowerCase().replace(/\W/g, '');
  const row: TeamRow = {
    account: { id, name },
    status: snapshot ? 'done' : 'failed',
    snapshot: snapshot && makeSnapshot({ accountId: id, ...snapshot }),
    problem,
  };
  return { row, weeklyChange };
}

const names = (entries: TeamEntry[]) => entries.map((one) => one.row.account.name);

describe('sortTeam', () => {
  const ada = entry('Ada', { overall: 67.4, industry: null }, { weeklyChange: 1.5 });
  const grace = entry('Grace', { overall: 48.2 }, { weeklyChange: -0.5 });
  const alan = entry('alan', { overall: 21.5 });
  const nobody = entry('Zed', null);
  const team = [nobody, grace, ada, alan];

  it.each([
    ['overall', 'ascending', ['alan', 'Grace', 'Ada', 'Zed']],
    ['overall', 'descending', ['Ada', 'Grace', 'alan', 'Zed']],
    ['name', 'ascending', ['Ada', 'alan', 'Grace', 'Zed']],
    ['name', 'descending', ['Zed', 'Grace', 'alan', 'Ada']],
    ['weeklyChange', 'ascending', ['Grace', 'Ada', 'alan', 'Zed']],
    ['weeklyChange', 'descending', ['Ada', 'Grace', 'alan', 'Zed']],
    // Ada's industry is unknown: last both ways; ties (Grace and alan share a rank) by name.
    ['industryRank', 'ascending', ['alan', 'Grace', 'Ada', 'Zed']],
    ['industryRank', 'descending', ['alan', 'Grace', 'Ada', 'Zed']],
  ] as const)('by %s, %s, unknown values last', (column, direction, expected) => {
    expect(names(sortTeam(team, { column, direction }))).toEqual(expected);
  });

  it('keeps the order given without a sort, in a new array', () => {
    const sorted = sortTeam(team, null);
    expect(sorted).toEqual(team);
    expect(sorted).not.toBe(team);
  });

  it("sorts by status: the rows' problems in order, rows without one last", () => {
    const limited = entry('Lim', null, { problem: 'Rate limited: try again in 5 min.' });
    const expired = entry('Exp', null, { problem: 'The LinkedIn session behind this account has expired.' });
    expect(names(sortTeam([ada, limited, expired], { column: 'status', direction: 'ascending' }))).toEqual([
      'Lim',
      'Exp',
      'Ada',
    ]);
  });

  it('sorts by a pillar', () => {
    const low = entry('Low', {
      pillars: PILLAR_IDS.map((id) => ({ id, score: 3, industryAverage: null, networkAverage: null })),
    });
    expect(names(sortTeam([ada, low], { column: 'PROFESSIONAL_BRAND', direction: 'ascending' }))).toEqual([
      'Low',
      'Ada',
    ]);
  });
});

describe('teamToCsv', () => {
  it('writes RFC 4180 with CRLF: the header, one row per entry, empty cells for the unknown', () => {
    const csv = teamToCsv([
      entry(
        'Ada Lovelace',
        { overall: 67.41, fetchedAt: Date.parse('2026-12-03T09:30:00Z') },
        { weeklyChange: 1.5 },
      ),
      entry('Alan Turing', null, { problem: 'Rate limited: try again in 5 min.' }),
    ]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'name,account_id,overall,professional_brand,find_right_people,insight_engagement,strong_relationship,industry_rank,network_rank,weekly_change,updated_at,problem',
    );
    expect(lines[0]!.split(',')).toEqual(TEAM_CSV_HEADER);
    expect(lines[1]).toBe('Ada Lovelace,adalovelace,67.41,15,16,17,18,4,12,1.5,2026-12-03T09:30:00.000Z,');
    expect(lines[2]).toBe('Alan Turing,alanturing,,,,,,,,,,Rate limited: try again in 5 min.');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });

  it('neutralises a name a spreadsheet would run as a formula, and quotes what needs it', () => {
    const csv = teamToCsv([
      entry('=HYPERLINK("http://evil.example","Click")', { overall: 50 }),
      entry('+1 Sales, EMEA', { overall: 40 }),
      entry('@sum', null, { problem: '-oops' }),
    ]);
    const rows = csv.split('\r\n').slice(1, 4);
    expect(rows[0]!.startsWith(`"'=HYPERLINK(""http://evil.example"",""Click"")",`)).toBe(true);
    expect(rows[1]!.startsWith(`"'+1 Sales, EMEA",`)).toBe(true);
    expect(rows[2]!.startsWith(`'@sum,`)).toBe(true);
    expect(rows[2]!.endsWith(`,'-oops`)).toBe(true);
  });

  it('names the file for the day', () => {
    expect(teamCsvName('2026-12-03')).toBe('ssi-team-2026-12-03.csv');
  });
});
