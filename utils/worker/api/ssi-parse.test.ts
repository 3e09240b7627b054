import { afterEach, describe, expect, it } from 'vitest';
import type { SsiError } from '../../errors';
import type { Result } from '../../result';
import { PILLAR_IDS, type GroupComparison, type PillarScore, type SsiSnapshot } from '../../ssi/model';
import { parseSsiResponse } from './ssi-parse';
import { MAX_TEXT, PROFILE_URN_PATTERN } from './ssi-schema';

const FETCHED_AT = Date.UTC(2026, 2, 14, 9, 30);
const ACCOUNT_ID = '6650a1f3c2e4b5d6a7980b1c';
const PROFILE_URN = 'urn:li:fsd_profile:ACoAAB1x2y3z4QmK7vTn9pRsWqE5yZ8aHcL';

type Json = Record<string, unknown>;

/** The documented shape, with every array in an order that is not PILLAR_IDS order. */
function documentedBody(): Json {
  const industry = {
    group: 'INDUSTRY',
    industryName: 'Computer Software',
    rank: 4,
    averageScore: 31.2,
    groupSize: 184233,
    change: 2,
    pillars: [
      { pillar: 'STRONG_RELATIONSHIP', score: 8.9 },
      { pillar: 'INSIGHT_ENGAGEMENT', score: 6.1 },
      { pillar: 'PROFESSIONAL_BRAND', score: 8.6 },
      { pillar: 'FIND_RIGHT_PEOPLE', score: 7.4 },
    ],
  };
  const network = {
    group: 'NETWORK',
    industryName: null,
    rank: 12,
    averageScore: 38.6,
    groupSize: 812,
    change: -1,
    pillars: [
      { pillar: 'FIND_RIGHT_PEOPLE', score: 9.1 },
      { pillar: 'STRONG_RELATIONSHIP', score: 11.3 },
      { pillar: 'PROFESSIONAL_BRAND', score: 10.2 },
      { pillar: 'INSIGHT_ENGAGEMENT', score: 8 },
    ],
  };
  return {
    success: true,
    accountId: ACCOUNT_ID,
    memberScore: {
      overall: 67.4123,
      subScores: [
        { pillar: 'INSIGHT_ENGAGEMENT', score: 14.6 },
        { pillar: 'STRONG_RELATIONSHIP', score: 19.25 },
        { pillar: 'FIND_RIGHT_PEOPLE', score: 15.2123 },
        { pillar: 'PROFESSIONAL_BRAND', score: 18.35 },
      ],
    },
    industry,
    network,
    groupScore: [network, industry],
    profileUrn: PROFILE_URN,
    activeSeat: true,
  };
}

const DOCUMENTED_PILLARS: PillarScore[] = [
  { id: 'PROFESSIONAL_BRAND', score: 18.35, industryAverage: 8.6, networkAverage: 10.2 },
  { id: 'FIND_RIGHT_PEOPLE', score: 15.2123, industryAverage: 7.4, networkAverage: 9.1 },
  { id: 'INSIGHT_ENGAGEMENT', score: 14.6, industryAverage: 6.1, networkAverage: 8 },
  { id: 'STRONG_RELATIONSHIP', score: 19.25, industryAverage: 8.9, networkAverage: 11.3 },
];

const DOCUMENTED_INDUSTRY: GroupComparison = {
  rank: 4,
  averageScore: 31.2,
  groupSize: 184233,
  change: 2,
  industryName: 'Computer Software',
};

const DOCUMENTED_NETWORK: GroupComparison = {
  rank: 12,
  averageScore: 38.6,
  groupSize: 812,
  change: -1,
  industryName: null,
};

const DOCUMENTED_SNAPSHOT: SsiSnapshot = {
  accountId: ACCOUNT_ID,
  overall: 67.4123,
  pillars: DOCUMENTED_PILLARS,
  industry: DOCUMENTED_INDUSTRY,
  network: DOCUMENTED_NETWORK,
  profileUrn: PROFILE_URN,
  activeSeat: true,
  fetchedAt: FETCHED_AT,
};

/** LinkedIn's raw reply, exactly as /work/shared/ssi-api.md shows it. */
const RAW_JSON_TEXT = `{"activeSeat": false,
 "memberScore": {"overall": 19.705751, "subScores": [
   {"score": 13.118002, "pillar": "PROFESSIONAL_BRAND"},
   {"score": 3.68, "pillar": "FIND_RIGHT_PEOPLE"},
   {"score": 0.29999998, "pillar": "INSIGHT_ENGAGEMENT"},
   {"score": 2.6077502, "pillar": "STRONG_RELATIONSHIP"}]},
 "groupScore": [
   {"groupType": "INDUSTRY", "rank": 75, "score": {"overall": 30.99, "subScores": []}},
   {"groupType": "NETWORK", "rank": 81, "score": {"overall": 32.72, "subScores": []}}]}`;

function rawBody(): Json {
  return JSON.parse(RAW_JSON_TEXT) as Json;
}

const RAW_SNAPSHOT: SsiSnapshot = {
  accountId: null,
  overall: 19.705751,
  pillars: [
    { id: 'PROFESSIONAL_BRAND', score: 13.118002, industryAverage: null, networkAverage: null },
    { id: 'FIND_RIGHT_PEOPLE', score: 3.68, industryAverage: null, networkAverage: null },
    { id: 'INSIGHT_ENGAGEMENT', score: 0.29999998, industryAverage: null, networkAverage: null },
    { id: 'STRONG_RELATIONSHIP', score: 2.6077502, industryAverage: null, networkAverage: null },
  ],
  industry: { rank: 75, averageScore: 30.99, groupSize: null, change: null, industryName: null },
  network: { rank: 81, averageScore: 32.72, groupSize: null, change: null, industryName: null },
  profileUrn: null,
  activeSeat: false,
  fetchedAt: FETCHED_AT,
};

function expectSnapshot(result: Result<SsiSnapshot, SsiError>): SsiSnapshot {
  if (!result.ok) throw new Error(`expected a snapshot, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function expectError(result: Result<SsiSnapshot, SsiError>): SsiError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

function member(overall: unknown, subScores: unknown = []): Json {
  return { memberScore: { overall, subScores } };
}

function withIndustry(fields: Json): Json {
  return { ...member(50), industry: { group: 'INDUSTRY', ...fields } };
}

function fullPillars(): Json[] {
  return PILLAR_IDS.map((pillar) => ({ pillar, score: 5 }));
}

describe('parseSsiResponse: the documented shape', () => {
  it('returns every field, with pillars in PILLAR_IDS order whatever the array order', () => {
    expect(parseSsiResponse(documentedBody(), FETCHED_AT)).toEqual({ ok: true, value: DOCUMENTED_SNAPSHOT });
  });

  it('matches pillars by enum for every rotation of the member sub-scores', () => {
    const scores = {
      PROFESSIONAL_BRAND: 1,
      FIND_RIGHT_PEOPLE: 2,
      INSIGHT_ENGAGEMENT: 3,
      STRONG_RELATIONSHIP: 4,
    };
    const entries = PILLAR_IDS.map((pillar) => ({ pillar, score: scores[pillar] }));
    for (let shift = 0; shift < entries.length; shift++) {
      const rotated = [...entries.slice(shift), ...entries.slice(0, shift)];
      const snapshot = expectSnapshot(parseSsiResponse(member(10, rotated), FETCHED_AT));
      expect(snapshot.pillars.map((p) => [p.id, p.score])).toEqual([
        ['PROFESSIONAL_BRAND', 1],
        ['FIND_RIGHT_PEOPLE', 2],
        ['INSIGHT_ENGAGEMENT', 3],
        ['STRONG_RELATIONSHIP', 4],
      ]);
    }
  });

  it('keeps the overall score unrounded and uses the fetchedAt it is given', () => {
    const snapshot = expectSnapshot(parseSsiResponse(member(67.49999), 1234));
    expect(snapshot.overall).toBe(67.49999);
    expect(snapshot.fetchedAt).toBe(1234);
  });

  it('reads the groups from groupScore[] alone when there are no top-level objects', () => {
    const body = documentedBody();
    delete body.industry;
    delete body.network;
    const snapshot = expectSnapshot(parseSsiResponse(body, FETCHED_AT));
    expect(snapshot.industry).toEqual(DOCUMENTED_INDUSTRY);
    expect(snapshot.network).toEqual(DOCUMENTED_NETWORK);
    expect(snapshot.pillars).toEqual(DOCUMENTED_PILLARS);
  });

  it('reads the groups from the top-level objects alone when groupScore is absent', () => {
    const body = documentedBody();
    delete body.groupScore;
    expect(parseSsiResponse(body, FETCHED_AT)).toEqual({ ok: true, value: DOCUMENTED_SNAPSHOT });
  });

  it('fills empty top-level group objects (as in the published example) from groupScore[]', () => {
    const body = { ...documentedBody(), industry: {}, network: {} };
    const snapshot = expectSnapshot(parseSsiResponse(body, FETCHED_AT));
    expect(snapshot.industry).toEqual(DOCUMENTED_INDUSTRY);
    expect(snapshot.network).toEqual(DOCUMENTED_NETWORK);
    expect(snapshot.pillars).toEqual(DOCUMENTED_PILLARS);
  });

  it('prefers the top-level group object and fills its missing fields from groupScore[]', () => {
    const body = {
      ...member(50),
      industry: { rank: 3, industryName: 'Banking' },
      groupScore: [{ group: 'INDUSTRY', rank: 9, industryName: 'Other', groupSize: 1000, change: 1 }],
    };
    const snapshot = expectSnapshot(parseSsiResponse(body, FETCHED_AT));
    expect(snapshot.industry).toEqual({
      rank: 3,
      averageScore: null,
      groupSize: 1000,
      change: 1,
      industryName: 'Banking',
    });
  });

  it('matches group names case-insensitively', () => {
    const body = {
      ...member(50),
      groupScore: [
        { group: 'industry', rank: 7 },
        { groupType: 'Network', rank: 8 },
      ],
    };
    const snapshot = expectSnapshot(parseSsiResponse(body, FETCHED_AT));
    expect(snapshot.industry?.rank).toBe(7);
    expect(snapshot.network?.rank).toBe(8);
  });

  it('takes the industry averages of each pillar from the industry group pillars, by enum', () => {
    const body = {
      ...member(50),
      groupScore: [
        {
          group: 'INDUSTRY',
          rank: 10,
          pillars: [
            { pillar: 'FIND_RIGHT_PEOPLE', score: 2 },
            { pillar: 'PROFESSIONAL_BRAND', score: 1 },
          ],
        },
      ],
    };
    const snapshot = expectSnapshot(parseSsiResponse(body, FETCHED_AT));
    expect(snapshot.pillars.map((p) => p.industryAverage)).toEqual([1, 2, null, null]);
    expect(snapshot.pillars.map((p) => p.networkAverage)).toEqual([null, null, null, null]);
  });

  it('trims the industry name and treats a blank one as missing', () => {
    const trimmed = expectSnapshot(
      parseSsiResponse(withIndustry({ rank: 1, industryName: '  Banking ' }), 0),
    );
    expect(trimmed.industry?.industryName).toBe('Banking');
    const blank = expectSnapshot(parseSsiResponse(withIndustry({ rank: 1, industryName: '   ' }), 0));
    expect(blank.industry?.industryName).toBeNull();
  });

  it('accepts pillar enums in any letter case', () => {
    const snapshot = expectSnapshot(
      parseSsiResponse(member(10, [{ pillar: 'professional_brand', score: 7 }]), FETCHED_AT),
    );
    expect(snapshot.pillars[0]).toEqual({
      id: 'PROFESSIONAL_BRAND',
      score: 7,
      industryAverage: null,
      networkAverage: null,
    });
  });

  it.each([
    ['overall 0', member(0)],
    ['overall 100', member(100)],
    [
      'a pillar of 0 and one of 25',
      member(25, [
        { pillar: 'PROFESSIONAL_BRAND', score: 0 },
        { pillar: 'FIND_RIGHT_PEOPLE', score: 25 },
      ]),
    ],
    ['rank 0 and rank 100', { ...withIndustry({ rank: 0 }), network: { rank: 100 } }],
    ['change -100 and 100', { ...withIndustry({ change: -100 }), network: { change: 100 } }],
    ['groupSize 0', withIndustry({ groupSize: 0 })],
    [`an industry name of ${MAX_TEXT} characters`, withIndustry({ industryName: 'a'.repeat(MAX_TEXT) })],
    [
      '16 sub-scores',
      member(
        10,
        Array.from({ length: 16 }, (_, i) => ({ pillar: `OTHER_${i}`, score: 1 })),
      ),
    ],
    ['16 groups', { ...member(10), groupScore: Array.from({ length: 16 }, () => ({ group: 'TEAM' })) }],
    ['null sub-score values', member(10, [{ pillar: 'PROFESSIONAL_BRAND', score: null }])],
  ])('accepts the boundary case: %s', (_name, body) => {
    expect(parseSsiResponse(body, FETCHED_AT).ok).toBe(true);
  });

  it('accepts every form of PROFILE_URN_PATTERN the API documents', () => {
    expect(PROFILE_URN_PATTERN.test(PROFILE_URN)).toBe(true);
    const snapshot = expectSnapshot(
      parseSsiResponse({ ...member(1), profileUrn: 'urn:li:fsd_profile:A_b-9' }, 0),
    );
    expect(snapshot.profileUrn).toBe('urn:li:fsd_profile:A_b-9');
  });
});

describe("parseSsiResponse: LinkedIn's raw shape", () => {
  it('reads groupType and the nested score: ranks 75/81, averages from score.overall', () => {
    expect(parseSsiResponse(rawBody(), FETCHED_AT)).toEqual({ ok: true, value: RAW_SNAPSHOT });
  });

  it('reads the raw shape from rawJson when the top-level memberScore is empty', () => {
    const body = {
      success: true,
      accountId: ACCOUNT_ID,
      memberScore: {},
      industry: {},
      network: {},
      groupScore: [],
      profileUrn: PROFILE_URN,
      rawJson: rawBody(),
    };
    expect(parseSsiResponse(body, FETCHED_AT)).toEqual({
      ok: true,
      value: { ...RAW_SNAPSHOT, accountId: ACCOUNT_ID, profileUrn: PROFILE_URN },
    });
  });

  it('prefers the top-level activeSeat over the one in rawJson', () => {
    const body = { memberScore: {}, activeSeat: true, rawJson: rawBody() };
    expect(expectSnapshot(parseSsiResponse(body, FETCHED_AT)).activeSeat).toBe(true);
  });

  it('ignores rawJson when the top level has a score', () => {
    const body = { ...documentedBody(), rawJson: rawBody() };
    expect(parseSsiResponse(body, FETCHED_AT)).toEqual({ ok: true, value: DOCUMENTED_SNAPSHOT });
  });

  it('reads group pillar averages from the nested score.subScores', () => {
    const body = rawBody();
    const groups = body.groupScore as Json[];
    (groups[1]?.score as Json).subScores = [
      { score: 9.5, pillar: 'STRONG_RELATIONSHIP' },
      { score: 4.25, pillar: 'PROFESSIONAL_BRAND' },
    ];
    const snapshot = expectSnapshot(parseSsiResponse(body, FETCHED_AT));
    expect(snapshot.pillars.map((p) => p.networkAverage)).toEqual([4.25, null, null, 9.5]);
    expect(snapshot.pillars.map((p) => p.industryAverage)).toEqual([null, null, null, null]);
  });

  it('ignores a TEAM group and unknown fields anywhere', () => {
    const body = rawBody();
    body.somethingNew = { nested: [1, 2, 3] };
    (body.memberScore as Json).percentile = 42;
    const groups = body.groupScore as Json[];
    body.groupScore = [
      {
        groupType: 'TEAM',
        rank: 1,
        score: { overall: 99, subScores: [{ score: 25, pillar: 'PROFESSIONAL_BRAND' }] },
      },
      ...groups.map((group) => ({ ...group, trend: 'UP', label: 'x' })),
    ];
    expect(parseSsiResponse(body, FETCHED_AT)).toEqual({ ok: true, value: RAW_SNAPSHOT });
  });
});

describe('parseSsiResponse: partial and odd answers', () => {
  it('ignores an unknown pillar enum and keeps the known ones', () => {
    const body = member(30, [
      { pillar: 'FUTURE_PILLAR', score: 12 },
      { pillar: 'FIND_RIGHT_PEOPLE', score: 6 },
    ]);
    const snapshot = expectSnapshot(parseSsiResponse(body, FETCHED_AT));
    expect(snapshot.pillars.map((p) => p.id)).toEqual([...PILLAR_IDS]);
    expect(snapshot.pillars.map((p) => p.score)).toEqual([null, 6, null, null]);
  });

  it.each([
    [
      'memberScore.subScores',
      'memberScore',
      member(30, [
        { pillar: 'PROFESSIONAL_BRAND', score: 6 },
        { pillar: 'PROFESSIONAL_BRAND', score: 7 },
      ]),
    ],
    [
      'a case variant in memberScore.subScores',
      'memberScore',
      member(30, [
        { pillar: 'PROFESSIONAL_BRAND', score: 6 },
        { pillar: 'professional_brand', score: 7 },
      ]),
    ],
    [
      'the industry pillars',
      'industry',
      withIndustry({
        pillars: [
          { pillar: 'INSIGHT_ENGAGEMENT', score: 1 },
          { pillar: 'INSIGHT_ENGAGEMENT', score: 2 },
        ],
      }),
    ],
    [
      'the network score.subScores',
      'network',
      {
        ...member(30),
        groupScore: [
          {
            groupType: 'NETWORK',
            score: {
              subScores: [
                { pillar: 'STRONG_RELATIONSHIP', score: null },
                { pillar: 'STRONG_RELATIONSHIP', score: 3 },
              ],
            },
          },
        ],
      },
    ],
  ])('calls a pillar repeated in %s malformed', (_where, prefix, body) => {
    const error = expectError(parseSsiResponse(body, FETCHED_AT));
    expect(error.code).toBe('malformed');
    expect(error.detail).toMatch(new RegExp(`^${prefix}: pillar [A-Z_]+ appears twice$`));
  });

  it('leaves every missing field null and never invents values', () => {
    expect(parseSsiResponse(member(42.5), FETCHED_AT)).toEqual({
      ok: true,
      value: {
        accountId: null,
        overall: 42.5,
        pillars: PILLAR_IDS.map((id) => ({ id, score: null, industryAverage: null, networkAverage: null })),
        industry: null,
        network: null,
        profileUrn: null,
        activeSeat: null,
        fetchedAt: FETCHED_AT,
      },
    });
  });

  it('keeps a group that has some fields and leaves the others null', () => {
    const snapshot = expectSnapshot(parseSsiResponse({ ...member(42.5), network: { groupSize: 12 } }, 0));
    expect(snapshot.network).toEqual({
      rank: null,
      averageScore: null,
      groupSize: 12,
      change: null,
      industryName: null,
    });
    expect(snapshot.industry).toBeNull();
  });

  it('keeps explicit nulls as null', () => {
    const body = {
      success: null,
      accountId: null,
      memberScore: { overall: 10, subScores: null },
      industry: null,
      network: { rank: null, averageScore: null, groupSize: 5 },
      groupScore: null,
      profileUrn: null,
      activeSeat: null,
    };
    const snapshot = expectSnapshot(parseSsiResponse(body, FETCHED_AT));
    expect(snapshot.network?.rank).toBeNull();
    expect(snapshot.network?.groupSize).toBe(5);
    expect(snapshot.accountId).toBeNull();
  });

  it.each([
    ['an empty memberScore', { success: true, memberScore: {} }],
    ['an empty body', {}],
    ['a null overall', { memberScore: { overall: null, subScores: fullPillars() } }],
    ['a memberScore with pillars but no overall', { memberScore: { subScores: fullPillars() } }],
    [
      'the empty published example',
      {
        success: true,
        accountId: ACCOUNT_ID,
        memberScore: {},
        industry: {},
        network: {},
        groupScore: [],
      },
    ],
    ['an empty memberScore and a rawJson without a score', { memberScore: {}, rawJson: { memberScore: {} } }],
  ])('answers no-score for %s', (_name, body) => {
    expect(parseSsiResponse(body, FETCHED_AT)).toEqual({ ok: false, error: { code: 'no-score' } });
  });

  it.each([
    ['with only an error', { success: false, error: 'Account is not connected' }],
    ['even with a score', { ...documentedBody(), success: false }],
    ['in the {success, code, message} shape', { success: false, code: 'X', message: 'nope' }],
  ])('answers api-error for success:false %s', (_name, body) => {
    expect(parseSsiResponse(body, FETCHED_AT)).toEqual({ ok: false, error: { code: 'api-error' } });
  });
});

const LONG_NAME = 'n'.repeat(MAX_TEXT + 1);
const SEVENTEEN_GROUPS = Array.from({ length: 17 }, () => ({ group: 'TEAM' }));
const SEVENTEEN_SUBSCORES = Array.from({ length: 17 }, (_, i) => ({ pillar: `P${i}`, score: 1 }));

const BAD_BODIES: Array<[string, unknown, RegExp]> = [
  ['a null body', null, /^body: /],
  ['an array body', [documentedBody()], /^body: /],
  ['a string body', JSON.stringify(documentedBody()), /^body: /],
  ['a number body', 42, /^body: /],
  ['success as a string', { ...member(50), success: 'true' }, /^success: /],
  ['accountId as a number', { ...member(50), accountId: 42 }, /^accountId: /],
  ['accountId of 201 characters', { ...member(50), accountId: LONG_NAME }, /^accountId: /],
  ['memberScore as a string', { memberScore: '67' }, /^memberScore: /],
  ['overall as a numeric string', member('67.4'), /^memberScore\.overall: /],
  ['overall as the string "NaN"', member('NaN'), /^memberScore\.overall: /],
  ['overall as the string "Infinity"', member('Infinity'), /^memberScore\.overall: /],
  ['overall NaN', member(NaN), /^memberScore\.overall: /],
  ['overall Infinity', member(Infinity), /^memberScore\.overall: /],
  ['overall -Infinity', member(-Infinity), /^memberScore\.overall: /],
  ['overall negative', member(-0.5), /^memberScore\.overall: /],
  ['overall 100.01', member(100.01), /^memberScore\.overall: /],
  ['overall as a boolean', member(true), /^memberScore\.overall: /],
  ['subScores as an object', member(50, { PROFESSIONAL_BRAND: 10 }), /^memberScore\.subScores: /],
  ['17 sub-scores', member(50, SEVENTEEN_SUBSCORES), /^memberScore\.subScores: /],
  ['a sub-score entry that is a number', member(50, [12]), /^memberScore\.subScores\.0: /],
  [
    'a pillar score of 25.5',
    member(50, [{ pillar: 'PROFESSIONAL_BRAND', score: 25.5 }]),
    /^memberScore\.subScores\.0\.score: /,
  ],
  [
    'a negative pillar score',
    member(50, [{ pillar: 'FIND_RIGHT_PEOPLE', score: -1 }]),
    /^memberScore\.subScores\.0\.score: /,
  ],
  [
    'a pillar score as a string',
    member(50, [{ pillar: 'FIND_RIGHT_PEOPLE', score: '10' }]),
    /^memberScore\.subScores\.0\.score: /,
  ],
  [
    'a pillar score of NaN',
    member(50, [{ pillar: 'FIND_RIGHT_PEOPLE', score: NaN }]),
    /^memberScore\.subScores\.0\.score: /,
  ],
  [
    'a pillar score of Infinity',
    member(50, [{ pillar: 'FIND_RIGHT_PEOPLE', score: Infinity }]),
    /^memberScore\.subScores\.0\.score: /,
  ],
  [
    'a pillar enum as a number',
    member(50, [{ pillar: 3, score: 10 }]),
    /^memberScore\.subScores\.0\.pillar: /,
  ],
  ['a sub-score without a pillar', member(50, [{ score: 10 }]), /^memberScore\.subScores\.0\.pillar: /],
  ['industry as a string', { ...member(50), industry: 'Computer Software' }, /^industry: /],
  ['rank 101', withIndustry({ rank: 101 }), /^industry\.rank: /],
  ['rank -1', withIndustry({ rank: -1 }), /^industry\.rank: /],
  ['rank as a string', withIndustry({ rank: '4' }), /^industry\.rank: /],
  ['rank NaN', withIndustry({ rank: NaN }), /^industry\.rank: /],
  ['groupSize -1', withIndustry({ groupSize: -1 }), /^industry\.groupSize: /],
  ['groupSize 1.5', withIndustry({ groupSize: 1.5 }), /^industry\.groupSize: /],
  ['groupSize Infinity', withIndustry({ groupSize: Infinity }), /^industry\.groupSize: /],
  ['change 1000', withIndustry({ change: 1000 }), /^industry\.change: /],
  ['change -1000', withIndustry({ change: -1000 }), /^industry\.change: /],
  ['change -Infinity', withIndustry({ change: -Infinity }), /^industry\.change: /],
  ['averageScore 100.01', withIndustry({ averageScore: 100.01 }), /^industry\.averageScore: /],
  ['industryName of 201 characters', withIndustry({ industryName: LONG_NAME }), /^industry\.industryName: /],
  ['industryName as a number', withIndustry({ industryName: 7 }), /^industry\.industryName: /],
  ['group as a number', withIndustry({ group: 1 }), /^industry\.group: /],
  [
    'an industry pillar of 26',
    withIndustry({ pillars: [{ pillar: 'PROFESSIONAL_BRAND', score: 26 }] }),
    /^industry\.pillars\.0\.score: /,
  ],
  ['network rank as a string', { ...member(50), network: { rank: 'top 4%' } }, /^network\.rank: /],
  ['groupScore as an object', { ...member(50), groupScore: { INDUSTRY: {} } }, /^groupScore: /],
  ['groupScore with 17 entries', { ...member(50), groupScore: SEVENTEEN_GROUPS }, /^groupScore: /],
  ['a groupScore entry that is a string', { ...member(50), groupScore: ['INDUSTRY'] }, /^groupScore\.0: /],
  [
    'a groupScore rank of Infinity',
    { ...member(50), groupScore: [{}, { groupType: 'NETWORK', rank: Infinity }] },
    /^groupScore\.1\.rank: /,
  ],
  [
    'a nested group score over 100',
    { ...member(50), groupScore: [{ groupType: 'INDUSTRY', score: { overall: 101 } }] },
    /^groupScore\.0\.score\.overall: /,
  ],
  ['a profileUrn of another kind', { ...member(50), profileUrn: 'urn:li:member:123' }, /^profileUrn: /],
  ['a profileUrn without an id', { ...member(50), profileUrn: 'urn:li:fsd_profile:' }, /^profileUrn: /],
  ['a profileUrn with a space', { ...member(50), profileUrn: 'urn:li:fsd_profile:AB CD' }, /^profileUrn: /],
  ['a profileUrn with trailing text', { ...member(50), profileUrn: `${PROFILE_URN}/evil` }, /^profileUrn: /],
  ['a profileUrn as a number', { ...member(50), profileUrn: 12 }, /^profileUrn: /],
  ['activeSeat as a string', { ...member(50), activeSeat: 'yes' }, /^activeSeat: /],
  ['memberScore as an array', { memberScore: [] }, /^memberScore: /],
  ['industry as an array', { ...member(50), industry: [] }, /^industry: /],
  ['network as an array', { ...member(50), network: [1] }, /^network: /],
  ['the body inside rawJson as an array', { memberScore: {}, rawJson: [] }, /^rawJson\./],
  [
    'a bad overall inside rawJson',
    { memberScore: {}, rawJson: member(250) },
    /^rawJson\.memberScore\.overall: /,
  ],
  [
    'a bad rank inside rawJson',
    {
      memberScore: {},
      rawJson: { ...member(50), groupScore: [{ groupType: 'INDUSTRY', rank: 101 }] },
    },
    /^rawJson\.groupScore\.0\.rank: /,
  ],
];

describe('parseSsiResponse: malformed answers', () => {
  it('has a long table of bad bodies', () => {
    expect(BAD_BODIES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(BAD_BODIES)('calls %s malformed, naming the path', (_name, body, detail) => {
    const error = expectError(parseSsiResponse(body, FETCHED_AT));
    expect(error.code).toBe('malformed');
    expect(error.detail).toMatch(detail);
  });

  it('never copies the received value into the detail (it could be anything, the key included)', () => {
    const secret = 'sk-secret-key-123';
    const error = expectError(parseSsiResponse({ memberScore: { overall: secret } }, FETCHED_AT));
    expect(error.detail).toMatch(/^memberScore\.overall: expected number/);
    expect(error.detail).not.toContain(secret);
    const long = expectError(parseSsiResponse({ ...member(50), profileUrn: 'x'.repeat(500) }, FETCHED_AT));
    expect(long.detail!.length).toBeLessThan(160);
  });

  it('reports malformed before success:false when both apply', () => {
    const error = expectError(parseSsiResponse({ success: false, memberScore: 'x' }, FETCHED_AT));
    expect(error.code).toBe('malformed');
  });
});

describe('parseSsiResponse: hostile content', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it('does not let __proto__ or constructor keys pollute Object.prototype or reach the output', () => {
    const body: unknown = JSON.parse(`{
      "__proto__": {"polluted": true, "accountId": "from-proto"},
      "constructor": {"prototype": {"polluted": true}},
      "memberScore": {
        "__proto__": {"polluted": true, "overall": 99},
        "overall": 50,
        "subScores": [{"pillar": "PROFESSIONAL_BRAND", "score": 10, "__proto__": {"polluted": true}}]
      },
      "industry": {"__proto__": {"rank": 1, "polluted": true}, "constructor": "x"},
      "groupScore": [{"group": "NETWORK", "rank": 5, "__proto__": {"polluted": true}}]
    }`);
    expect(Object.prototype.hasOwnProperty.call(body, '__proto__')).toBe(true);

    const snapshot = expectSnapshot(parseSsiResponse(body, FETCHED_AT));

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(Object.getPrototypeOf(snapshot)).toBe(Object.prototype);
    expect(Object.keys(snapshot).sort()).toEqual(
      [
        'accountId',
        'activeSeat',
        'fetchedAt',
        'industry',
        'network',
        'overall',
        'pillars',
        'profileUrn',
      ].sort(),
    );
    expect(Object.prototype.hasOwnProperty.call(snapshot, '__proto__')).toBe(false);
    expect(Object.prototype.hasOwnProperty.call(snapshot, 'constructor')).toBe(false);
    expect(snapshot.accountId).toBeNull();
    expect(snapshot.overall).toBe(50);
    expect(snapshot.industry).toBeNull();
    expect(snapshot.network).toEqual({
      rank: 5,
      averageScore: null,
      groupSize: null,
      change: null,
      industryName: null,
    });
    for (const pillar of snapshot.pillars) {
      expect(Object.keys(pillar).sort()).toEqual(['id', 'industryAverage', 'networkAverage', 'score']);
    }
  });

  it('does not pollute through rawJson either', () => {
    const body: unknown = JSON.parse(
      `{"memberScore": {}, "rawJson": {"__proto__": {"polluted": true}, "memberScore": {"overall": 12}}}`,
    );
    const snapshot = expectSnapshot(parseSsiResponse(body, FETCHED_AT));
    expect(snapshot.overall).toBe(12);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(snapshot, '__proto__')).toBe(false);
  });

  it.each([
    '<img src=x onerror=alert(1)><script>alert(1)</script>',
    '"><svg onload=alert(1)>',
    'Computer &amp; Software <b>bold</b>',
  ])('keeps markup in the industry name as plain text: %s', (name) => {
    const snapshot = expectSnapshot(parseSsiResponse(withIndustry({ industryName: name }), FETCHED_AT));
    expect(snapshot.industry?.industryName).toBe(name);
  });

  it('keeps markup in accountId as plain text', () => {
    const accountId = '<script>alert(1)</script>';
    const snapshot = expectSnapshot(parseSsiResponse({ ...member(10), accountId }, FETCHED_AT));
    expect(snapshot.accountId).toBe(accountId);
  });
});
