// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PILLARS, SANDBOX_ACCOUNTS } from './data';
import { keyForScenario, SANDBOX_DEMO_KEY } from './keys';
import {
  HTML_CONTENT_TYPE,
  JSON_CONTENT_TYPE,
  SCENARIO_NAMES,
  SCRIPT_STRING,
  type ScenarioName,
} from './scenarios';
import { FIRST_ASK_RETRY_AFTER_SECONDS, startSandbox, type SandboxServer } from './server';

const NOW = new Date('2026-03-14T09:30:00.000Z');
const DEFAULT_ID = SANDBOX_ACCOUNTS[0]?.id ?? '';
const UNKNOWN_ID = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const MIB = 1024 * 1024;

let sandbox: SandboxServer;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, now: () => NOW });
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(() => {
  sandbox.setScenario(null);
  sandbox.resetRequests();
});

/** GET `path` on the shared sandbox with `Authorization: Bearer <key>` (no header for null). */
function get(path: string, key: string | null = SANDBOX_DEMO_KEY): Promise<Response> {
  const headers: Record<string, string> = key === null ? {} : { Authorization: `Bearer ${key}` };
  return fetch(`${sandbox.url}${path}`, { headers });
}

type Json = Record<string, unknown>;

async function json(response: Response): Promise<Json> {
  expect(response.headers.get('content-type')).toBe(JSON_CONTENT_TYPE);
  return (await response.json()) as Json;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asObject(value: unknown): Json {
  expect(isObject(value)).toBe(true);
  return value as Json;
}

function asArray(value: unknown): unknown[] {
  expect(Array.isArray(value)).toBe(true);
  return value as unknown[];
}

/** Checks `[{pillar, score}]` holds each pillar enum once, scores 0-25; returns the scores by pillar. */
function expectPillars(value: unknown, scoreKey = 'score'): Map<string, number> {
  const entries = asArray(value).map(asObject);
  expect(entries.map((entry) => entry.pillar).sort()).toEqual([...PILLARS].sort());
  const scores = new Map<string, number>();
  for (const entry of entries) {
    const score = entry[scoreKey];
    expect(typeof score).toBe('number');
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(25);
    scores.set(String(entry.pillar), score as number);
  }
  return scores;
}

function sumOf(scores: Map<string, number>): number {
  return PILLARS.reduce((total, pillar) => total + (scores.get(pillar) ?? Number.NaN), 0);
}

function expectGroup(value: unknown, group: 'INDUSTRY' | 'NETWORK'): Json {
  const entry = asObject(value);
  expect(entry.group).toBe(group);
  if (group === 'INDUSTRY') expect(typeof entry.industryName).toBe('string');
  else expect(entry.industryName ?? null).toBeNull();
  expect(Number.isInteger(entry.rank)).toBe(true);
  expect(entry.rank).toBeGreaterThanOrEqual(1);
  expect(entry.rank).toBeLessThanOrEqual(100);
  expect(Number.isInteger(entry.groupSize)).toBe(true);
  expect(entry.groupSize).toBeGreaterThan(0);
  expect(Number.isInteger(entry.change)).toBe(true);
  expect(entry.change).toBeGreaterThanOrEqual(-2);
  expect(entry.change).toBeLessThanOrEqual(3);
  expect(entry.averageScore).toBe(sumOf(expectPillars(entry.pillars)));
  return entry;
}

/** Asserts the documented 200 body; returns it. */
function expectDocumentedSsi(body: Json, accountId: string): Json {
  expect(body.success).toBe(true);
  expect(body.accountId).toBe(accountId);
  const member = asObject(body.memberScore);
  const overall = member.overall;
  expect(typeof overall).toBe('number');
  expect(overall).toBeGreaterThan(0);
  expect(overall).toBeLessThanOrEqual(100);
  expect(Number.isInteger(overall)).toBe(false);
  expect(overall).toBe(sumOf(expectPillars(member.subScores)));
  const industry = expectGroup(body.industry, 'INDUSTRY');
  const network = expectGroup(body.network, 'NETWORK');
  expect(body.groupScore).toEqual([industry, network]);
  expect(body.profileUrn).toMatch(/^urn:li:fsd_profile:ACoAA[A-Za-z0-9]+$/);
  expect(typeof body.activeSeat).toBe('boolean');
  return body;
}

async function ssiOf(accountId: string, day: Date = NOW): Promise<Json> {
  const other = await startSandbox({ now: () => day });
  try {
    const response = await fetch(`${other.url}/linkedin/ssi?accountId=${accountId}`, {
      headers: { Authorization: `Bearer ${SANDBOX_DEMO_KEY}` },
    });
    return await json(response);
  } finally {
    await other.close();
  }
}

describe('startSandbox', () => {
  it('listens on a free port and gives a URL without trailing slash', () => {
    expect(sandbox.port).toBeGreaterThan(0);
    expect(sandbox.url).toBe(`http://127.0.0.1:${String(sandbox.port)}`);
  });

  it('answers /healthz without a key', async () => {
    const response = await get('/healthz', null);
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ ok: true });
    expect(sandbox.requests()).toEqual([]);
  });

  it('answers unknown paths with 404 JSON and other methods with 405', async () => {
    const missing = await get('/linkedin/nope');
    expect(missing.status).toBe(404);
    expect((await json(missing)).success).toBe(false);
    const post = await fetch(`${sandbox.url}/linkedin/ssi`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${SANDBOX_DEMO_KEY}` },
    });
    expect(post.status).toBe(405);
    expect((await json(post)).success).toBe(false);
  });
});

describe('GET /linkedin/ssi', () => {
  it('answers the default account with the documented shape', async () => {
    const response = await get('/linkedin/ssi');
    expect(response.status).toBe(200);
    const body = expectDocumentedSsi(await json(response), DEFAULT_ID);
    expect(body).not.toHaveProperty('rawJson');
  });

  it.each(SANDBOX_ACCOUNTS.map((account) => [account.publicId, account.id]))(
    'selects the account by accountId (%s)',
    async (_publicId, id) => {
      const response = await get(`/linkedin/ssi?accountId=${id}`);
      expect(response.status).toBe(200);
      expectDocumentedSsi(await json(response), id);
    },
  );

  it('gives exactly one account an active seat and each account its own numbers', async () => {
    const bodies = await Promise.all(
      SANDBOX_ACCOUNTS.map(async (account) => json(await get(`/linkedin/ssi?accountId=${account.id}`))),
    );
    expect(bodies.filter((body) => body.activeSeat === true)).toHaveLength(1);
    const overalls = new Set(bodies.map((body) => asObject(body.memberScore).overall));
    expect(overalls.size).toBe(SANDBOX_ACCOUNTS.length);
  });

  it('is the same all day and varies a little from one day to the next', async () => {
    const morning = await ssiOf(DEFAULT_ID, new Date('2026-03-14T00:00:01Z'));
    const evening = await ssiOf(DEFAULT_ID, new Date('2026-03-14T23:59:59Z'));
    const nextDay = await ssiOf(DEFAULT_ID, new Date('2026-03-15T12:00:00Z'));
    expect(evening).toEqual(morning);
    const today = asObject(morning.memberScore).overall as number;
    const tomorrow = asObject(nextDay.memberScore).overall as number;
    expect(tomorrow).not.toBe(today);
    expect(Math.abs(tomorrow - today)).toBeLessThan(4);
  });

  it('adds rawJson, the raw shape of the same numbers, with debug=true', async () => {
    const body = await json(await get(`/linkedin/ssi?accountId=${DEFAULT_ID}&debug=true`));
    expectDocumentedSsi(body, DEFAULT_ID);
    const raw = asObject(body.rawJson);
    expect(asObject(raw.memberScore).overall).toBe(asObject(body.memberScore).overall);
    const groups = asArray(raw.groupScore).map(asObject);
    expect(groups.map((group) => group.groupType)).toEqual(['INDUSTRY', 'NETWORK']);
    expect(groups[0]?.rank).toBe(asObject(body.industry).rank);
    expect(asObject(groups[1]?.score).overall).toBe(asObject(body.network).averageScore);
  });

  it('answers 404 for a well-formed id that is not one of the key’s accounts', async () => {
    const response = await get(`/linkedin/ssi?accountId=${UNKNOWN_ID}`);
    expect(response.status).toBe(404);
    expect(await json(response)).toEqual({ success: false, error: 'Account not found' });
  });

  it.each(['123', 'zzzzzzzzzzzzzzzzzzzzzzzz', `${DEFAULT_ID}0`, ''])(
    'answers 400 for the malformed id "%s"',
    async (id) => {
      const response = await get(`/linkedin/ssi?accountId=${id}`);
      expect(response.status).toBe(400);
      const body = await json(response);
      expect(body.success).toBe(false);
      expect(body.error).toBe('Invalid account ID format');
      expect(asArray(body.issues).length).toBeGreaterThan(0);
    },
  );
});

describe('GET /linkedin/accounts', () => {
  async function accountIds(q: string | null): Promise<string[]> {
    const query = q === null ? '' : `?q=${encodeURIComponent(q)}`;
    const response = await get(`/linkedin/accounts${query}`);
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.success).toBe(true);
    return asArray(body.accounts).map((account) => String(asObject(account).id));
  }

  it('lists the three accounts with the light fields', async () => {
    const body = await json(await get('/linkedin/accounts'));
    const accounts = asArray(body.accounts).map(asObject);
    expect(accounts).toHaveLength(3);
    for (const account of accounts) {
      expect(Object.keys(account).sort()).toEqual(
        ['apiSeatAllocated', 'firstName', 'id', 'lastName', 'picture', 'publicId', 'status'].sort(),
      );
      expect(account.id).toMatch(/^[0-9a-f]{24}$/);
      expect(account.publicId).toMatch(/^[a-z0-9-]+$/);
      expect(account.picture === null || typeof account.picture === 'string').toBe(true);
      expect(account.status).toBe('AVAILABLE');
      expect(account.apiSeatAllocated).toBe(true);
    }
    expect(accounts[0]?.id).toBe(DEFAULT_ID);
  });

  const [ada, grace, alan] = SANDBOX_ACCOUNTS;
  it.each([
    ['', SANDBOX_ACCOUNTS.map((account) => account.id)],
    ['ada', [ada?.id]],
    ['HOPPER', [grace?.id]],
    ['alan turing', [alan?.id]],
    ['grace-hopper-42', [grace?.id]],
    [alan?.id ?? '', [alan?.id]],
    ['https://www.linkedin.com/in/ada-lovelace-sales/', [ada?.id]],
    ['linkedin.com/in/Alan-Turing-B2B?trk=x', [alan?.id]],
    ['nobody', []],
  ])('filters by q="%s"', async (q, expected) => {
    expect(await accountIds(q)).toEqual(expected);
  });
});

describe('GET /linkedin/account/status', () => {
  it('describes the account', async () => {
    const account = SANDBOX_ACCOUNTS[1];
    const response = await get(`/linkedin/account/status?accountId=${account?.id ?? ''}`);
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toMatchObject({
      id: account?.id,
      firstName: account?.firstName,
      lastName: account?.lastName,
      publicId: account?.publicId,
      platform: 'LINKEDIN',
      status: 'AVAILABLE',
      enabled: true,
      hasTokens: true,
    });
    expect(new Date(String(body.lastUsed)).getTime()).toBeLessThan(NOW.getTime());
    const plan = asObject(body.linkedinPlan);
    expect(typeof plan.isPremium).toBe('boolean');
    expect(typeof plan.hasSalesNavigator).toBe('boolean');
    expect(plan.premiumType === null || typeof plan.premiumType === 'string').toBe(true);
  });

  it.each([
    ['missing', '', 400],
    ['malformed', '?accountId=abc', 400],
    ['unknown', `?accountId=${UNKNOWN_ID}`, 404],
  ])('answers a %s id with an error', async (_kind, query, status) => {
    const response = await get(`/linkedin/account/status${query}`);
    expect(response.status).toBe(status);
    expect((await json(response)).success).toBe(false);
  });
});

type ScenarioCheck = (response: Response) => Promise<void>;

async function expectJsonBody(response: Response, expected: Json): Promise<void> {
  expect(await json(response)).toEqual(expected);
}

const RATE_LIMITED_BODY = { success: false, code: 'RATE_LIMITED', message: 'Too many requests' };

/** Status and check of every scenario except 'hang' (tested on its own), on /linkedin/ssi. */
const SCENARIO_TABLE: [ScenarioName, number, ScenarioCheck][] = [
  ['ok', 200, async (r) => void expectDocumentedSsi(await json(r), DEFAULT_ID)],
  [
    'raw-shape',
    200,
    async (r) => {
      const body = await json(r);
      expect(Object.keys(body).sort()).toEqual(['activeSeat', 'groupScore', 'memberScore']);
      const member = asObject(body.memberScore);
      expect(member.overall).toBe(sumOf(expectPillars(member.subScores)));
      for (const group of asArray(body.groupScore).map(asObject)) {
        expect(['INDUSTRY', 'NETWORK']).toContain(group.groupType);
        expect(group).not.toHaveProperty('group');
        expect(typeof asObject(group.score).overall).toBe('number');
      }
    },
  ],
  [
    'empty',
    200,
    (r) =>
      expectJsonBody(r, {
        success: true,
        accountId: DEFAULT_ID,
        memberScore: {},
        industry: {},
        network: {},
        groupScore: [],
      }),
  ],
  ['unauthorized', 401, (r) => expectJsonBody(r, { error: 'Invalid API key' })],
  [
    'trial-expired',
    403,
    (r) =>
      expectJsonBody(r, {
        success: false,
        error: 'Your trial has expired. Upgrade your plan to keep using the API.',
      }),
  ],
  [
    'bad-request',
    400,
    async (r) => {
      const body = await json(r);
      expect(body).toMatchObject({ success: false, error: 'Invalid account ID format' });
      expect(asArray(body.issues).length).toBeGreaterThan(0);
    },
  ],
  [
    'rate-limited',
    429,
    async (r) => {
      expect(r.headers.get('retry-after')).toBe('30');
      expect(r.headers.get('x-ratelimit-limit')).toBe('60');
      expect(r.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(Number(r.headers.get('x-ratelimit-reset'))).toBe(NOW.getTime() / 1000 + 30);
      await expectJsonBody(r, RATE_LIMITED_BODY);
    },
  ],
  [
    'rate-limited-no-header',
    429,
    async (r) => {
      expect(r.headers.get('retry-after')).toBeNull();
      await expectJsonBody(r, RATE_LIMITED_BODY);
    },
  ],
  ['session-expired', 500, (r) => expectJsonBody(r, { error: 'LinkedIn session expired for this account' })],
  [
    'bad-gateway',
    502,
    async (r) => {
      expect(r.headers.get('content-type')).toBe(HTML_CONTENT_TYPE);
      expect(await r.text()).toContain('502 Bad Gateway');
    },
  ],
  ['unavailable', 503, (r) => expectJsonBody(r, { error: 'Service unavailable' })],
  [
    'gateway-timeout',
    504,
    async (r) => {
      expect(r.headers.get('content-type')).toBe(HTML_CONTENT_TYPE);
      expect(await r.text()).toContain('504');
    },
  ],
  ['success-false', 200, (r) => expectJsonBody(r, { success: false, error: 'Account is not connected' })],
  [
    'html',
    200,
    async (r) => {
      expect(r.headers.get('content-type')).toBe(HTML_CONTENT_TYPE);
      const text = await r.text();
      expect(text).toMatch(/^<!DOCTYPE html>/);
      expect(text).toContain('type="password"');
    },
  ],
  [
    'out-of-range',
    200,
    async (r) => {
      const body = await json(r);
      expect(asObject(body.memberScore).overall).toBe(250);
      expectPillars(asObject(body.memberScore).subScores);
    },
  ],
  [
    'truncated',
    200,
    async (r) => {
      expect(r.headers.get('content-type')).toBe(JSON_CONTENT_TYPE);
      const text = await r.text();
      expect(text.startsWith('{"success":true')).toBe(true);
      expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
    },
  ],
  [
    'huge',
    200,
    async (r) => {
      expect(Number(r.headers.get('content-length'))).toBeGreaterThan(2 * MIB);
      const text = await r.text();
      expect(text.length).toBeGreaterThan(2 * MIB);
      const body = JSON.parse(text) as Json;
      expect(typeof body.padding).toBe('string');
      expect(body.success).toBe(true);
    },
  ],
  ['slow', 200, async (r) => void expectDocumentedSsi(await json(r), DEFAULT_ID)],
  [
    'script-strings',
    200,
    async (r) => {
      const body = await json(r);
      expect(body.accountId).toBe(SCRIPT_STRING);
      expect(body.profileUrn).toBe(SCRIPT_STRING);
      expect(asObject(body.industry).industryName).toBe(SCRIPT_STRING);
      const member = asObject(body.memberScore);
      expect(typeof member.overall).toBe('number');
      for (const sub of asArray(member.subScores)) expect(asObject(sub).pillar).toBe(SCRIPT_STRING);
    },
  ],
];

describe('scenarios', () => {
  it('has a table row for every scenario but hang', () => {
    const tested = SCENARIO_TABLE.map(([name]) => name);
    expect([...tested, 'hang'].sort()).toEqual([...SCENARIO_NAMES].sort());
  });

  it.each(SCENARIO_TABLE)(
    'key sandbox-%s answers %i with the listed shape',
    async (name, status, check) => {
      const started = Date.now();
      const response = await get('/linkedin/ssi', keyForScenario(name));
      expect(response.status).toBe(status);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      await check(response);
      if (name === 'slow') expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
      expect(sandbox.requests().map((entry) => entry.scenario)).toEqual([name]);
    },
    10_000,
  );

  it('lets ?scenario= override a valid key’s scenario', async () => {
    const response = await get('/linkedin/ssi?scenario=trial-expired');
    expect(response.status).toBe(403);
    const back = await get('/linkedin/ssi?scenario=ok', keyForScenario('unavailable'));
    expect(back.status).toBe(200);
  });

  it('answers 400 for an unknown ?scenario= and 401 for ?scenario= without a valid key', async () => {
    const unknown = await get('/linkedin/ssi?scenario=nope');
    expect(unknown.status).toBe(400);
    expect((await json(unknown)).success).toBe(false);
    const anonymous = await get('/linkedin/ssi?scenario=ok', null);
    expect(anonymous.status).toBe(401);
  });

  it('forces a scenario on every request with setScenario, until reset with null', async () => {
    sandbox.setScenario('unavailable');
    expect((await get('/linkedin/ssi')).status).toBe(503);
    expect((await get('/linkedin/accounts', keyForScenario('ok'))).status).toBe(503);
    expect((await get('/linkedin/ssi', 'not-a-key')).status).toBe(503);
    sandbox.setScenario(null);
    expect((await get('/linkedin/ssi')).status).toBe(200);
  });

  it.each([
    ['no header', null],
    ['an unknown key', 'sk-live-123'],
    ['an unknown scenario key', 'sandbox-nope'],
    ['an empty key', ''],
  ])('answers 401 {"error":"Invalid API key"} to %s', async (_case, key) => {
    const response = await get('/linkedin/ssi', key);
    expect(response.status).toBe(401);
    await expectJsonBody(response, { error: 'Invalid API key' });
  });

  it.each([`Basic ${SANDBOX_DEMO_KEY}`, SANDBOX_DEMO_KEY, 'Bearer'])(
    'answers 401 to the malformed Authorization header "%s"',
    async (header) => {
      const response = await fetch(`${sandbox.url}/linkedin/ssi`, {
        headers: { Authorization: header },
      });
      expect(response.status).toBe(401);
    },
  );

  it.each(['/linkedin/accounts', `/linkedin/account/status?accountId=${DEFAULT_ID}`])(
    'applies error scenarios to %s',
    async (path) => {
      expect((await get(path, keyForScenario('trial-expired'))).status).toBe(403);
      expect((await get(path, keyForScenario('session-expired'))).status).toBe(500);
      const limited = await get(path, keyForScenario('rate-limited'));
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('30');
    },
  );

  it.each(['raw-shape', 'empty', 'out-of-range', 'script-strings'] as const)(
    'leaves other routes alone in the data-shape scenario %s',
    async (name) => {
      const response = await get('/linkedin/accounts', keyForScenario(name));
      expect(response.status).toBe(200);
      const body = await json(response);
      expect(asArray(body.accounts)).toHaveLength(3);
      expect(asObject(asArray(body.accounts)[0]).id).toBe(DEFAULT_ID);
    },
  );

  it('hangs after headers and half a body, without blocking close()', async () => {
    const own = await startSandbox();
    const response = await fetch(`${own.url}/linkedin/ssi`, {
      headers: { Authorization: `Bearer ${keyForScenario('hang')}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(JSON_CONTENT_TYPE);
    const reader = response.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toMatch(/^\{"success":true/);
    const pending = reader?.read();
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(pending).rejects.toThrow();
  });

  it('does not wait for a slow answer to close()', async () => {
    const own = await startSandbox();
    const pending = fetch(`${own.url}/linkedin/ssi`, {
      headers: { Authorization: `Bearer ${keyForScenario('slow')}` },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(pending).rejects.toThrow();
  });
});

describe('CORS', () => {
  it('answers a preflight with 204 and the allowed origin, headers and methods', async () => {
    const response = await fetch(`${sandbox.url}/linkedin/ssi`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'chrome-extension://abc',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = response.headers.get('access-control-allow-headers')?.toLowerCase() ?? '';
    expect(allowed).toContain('authorization');
    expect(allowed).toContain('content-type');
    expect(response.headers.get('access-control-allow-methods')).toContain('GET');
    expect(sandbox.requests()).toEqual([]);
  });

  it.each([
    ['a 200', SANDBOX_DEMO_KEY, '/linkedin/ssi'],
    ['a 401', null, '/linkedin/ssi'],
    ['a 429', keyForScenario('rate-limited'), '/linkedin/ssi'],
    ['a 404', SANDBOX_DEMO_KEY, '/nope'],
  ])('exposes the rate-limit headers on %s', async (_case, key, path) => {
    const response = await get(path, key);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const exposed = response.headers.get('access-control-expose-headers')?.toLowerCase() ?? '';
    for (const header of ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']) {
      expect(exposed).toContain(header);
    }
    await response.arrayBuffer();
  });
});

describe('requests()', () => {
  it('records API calls without the key, and forgets them on resetRequests()', async () => {
    await get(`/linkedin/ssi?accountId=${DEFAULT_ID}&debug=true`);
    await get('/linkedin/accounts?q=ada', keyForScenario('trial-expired'));
    await get('/linkedin/account/status', 'secret-user-key');
    await get('/healthz');
    await fetch(`${sandbox.url}/linkedin/ssi`, { method: 'OPTIONS' });

    const seen = sandbox.requests();
    expect(seen).toEqual([
      {
        method: 'GET',
        path: '/linkedin/ssi',
        query: { accountId: DEFAULT_ID, debug: 'true' },
        scenario: 'ok',
        at: NOW.toISOString(),
      },
      {
        method: 'GET',
        path: '/linkedin/accounts',
        query: { q: 'ada' },
        scenario: 'trial-expired',
        at: NOW.toISOString(),
      },
      {
        method: 'GET',
        path: '/linkedin/account/status',
        query: {},
        scenario: 'unauthorized',
        at: NOW.toISOString(),
      },
    ]);
    const recorded = JSON.stringify(seen);
    expect(recorded).not.toContain(SANDBOX_DEMO_KEY);
    expect(recorded).not.toContain('secret-user-key');
    expect(recorded.toLowerCase()).not.toContain('bearer');

    sandbox.resetRequests();
    expect(sandbox.requests()).toEqual([]);
  });

  it('returns a copy', async () => {
    await get('/linkedin/ssi');
    sandbox.requests().pop();
    expect(sandbox.requests()).toHaveLength(1);
  });
});

describe('rateLimitFirstSsi', () => {
  const [ada, grace, alan] = SANDBOX_ACCOUNTS.map((account) => account.id) as [string, string, string];

  it('answers the first SSI ask of each listed account with 429 and Retry-After: 2, then as usual; other accounts and routes are left alone', async () => {
    const limited = await startSandbox({ port: 0, now: () => NOW, rateLimitFirstSsi: [grace, ada] });
    const ask = (query: string) =>
      fetch(`${limited.url}/linkedin/ssi${query}`, {
        headers: { Authorization: `Bearer ${SANDBOX_DEMO_KEY}` },
      });
    try {
      const first = await ask(`?accountId=${grace}`);
      expect(first.status).toBe(429);
      expect(first.headers.get('retry-after')).toBe(String(FIRST_ASK_RETRY_AFTER_SECONDS));
      expect(first.headers.get('x-ratelimit-reset')).toBe(String(NOW.getTime() / 1000 + 2));
      expect((await ask(`?accountId=${grace}`)).status).toBe(200);
      expect((await ask(`?accountId=${grace}`)).status).toBe(200);

      expect((await ask(`?accountId=${alan}`)).status).toBe(200);
      // The default account, asked for without an ID.
      expect((await ask('')).status).toBe(429);
      expect((await ask(`?accountId=${ada}`)).status).toBe(200);
      const accounts = await fetch(`${limited.url}/linkedin/accounts`, {
        headers: { Authorization: `Bearer ${SANDBOX_DEMO_KEY}` },
      });
      expect(accounts.status).toBe(200);

      expect(limited.requests().map((request) => request.scenario)).toEqual([
        'rate-limited',
        'ok',
        'ok',
        'ok',
        'rate-limited',
        'ok',
        'ok',
      ]);
    } finally {
      await limited.close();
    }
  });

  it('is off by default', async () => {
    expect((await get(`/linkedin/ssi?accountId=${grace}`)).status).toBe(200);
  });
});
