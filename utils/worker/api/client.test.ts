// @vitest-environment node
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildSsiBody, SANDBOX_ACCOUNTS, type SandboxAccount } from '../../../sandbox/data';
import { keyForScenario, SANDBOX_DEMO_KEY } from '../../../sandbox/keys';
import { RETRY_AFTER_SECONDS, type ScenarioName } from '../../../sandbox/scenarios';
import { startSandbox, type SandboxServer } from '../../../sandbox/server';
import type { SsiError } from '../../errors';
import type { Result } from '../../result';
import { PILLAR_IDS, type SsiSnapshot } from '../../ssi/model';
import { answerEchoing, AWKWARD_KEY, KEY_ENCODINGS } from '../../testing/key-encodings';
import { createSsiClient, type ApiTarget } from './client';

const SERVER_NOW = new Date('2026-03-14T09:30:00.000Z');
const NOW = Date.UTC(2026, 2, 14, 10, 0, 0);
const UNKNOWN_ID = 'aaaaaaaaaaaaaaaaaaaaaaaa';

function account(index: number): SandboxAccount {
  const found = SANDBOX_ACCOUNTS[index];
  if (!found) throw new Error(`no sandbox account ${index}`);
  return found;
}

let sandbox: SandboxServer;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, now: () => SERVER_NOW });
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(() => {
  sandbox.setScenario(null);
  sandbox.resetRequests();
});

function target(key: string = SANDBOX_DEMO_KEY): ApiTarget {
  return { baseUrl: sandbox.url, apiKey: key };
}

function scenario(name: ScenarioName): ApiTarget {
  return target(keyForScenario(name));
}

function client(overrides: { timeoutMs?: number; maxBytes?: number } = {}) {
  return createSsiClient({ fetch: globalThis.fetch, now: () => NOW, ...overrides });
}

function expectOk<T>(result: Result<T, SsiError>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function expectErr<T>(result: Result<T, SsiError>): SsiError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

function pillarSum(snapshot: SsiSnapshot): number {
  return snapshot.pillars.reduce((total, pillar) => total + (pillar.score ?? Number.NaN), 0);
}

describe('createSsiClient().getSsi against the sandbox', () => {
  it('returns the snapshot of the default account, overall equal to the sum of the pillars', async () => {
    const expected = buildSsiBody(account(0), SERVER_NOW);
    const snapshot = expectOk(await client().getSsi(target()));

    expect(snapshot.accountId).toBe(account(0).id);
    expect(snapshot.profileUrn).toBe(account(0).profileUrn);
    expect(snapshot.activeSeat).toBe(true);
    expect(snapshot.fetchedAt).toBe(NOW);
    expect(snapshot.overall).toBe(expected.memberScore.overall);
    expect(snapshot.overall).toBe(pillarSum(snapshot));
    expect(snapshot.pillars.map((p) => p.id)).toEqual([...PILLAR_IDS]);
    expect(snapshot.pillars.map((p) => p.score)).toEqual(expected.memberScore.subScores.map((s) => s.score));
    expect(snapshot.pillars.map((p) => p.industryAverage)).toEqual(
      expected.industry.pillars.map((s) => s.score),
    );
    expect(snapshot.pillars.map((p) => p.networkAverage)).toEqual(
      expected.network.pillars.map((s) => s.score),
    );
    expect(snapshot.industry).toEqual({
      rank: expected.industry.rank,
      averageScore: expected.industry.averageScore,
      groupSize: 184233,
      change: expected.industry.change,
      industryName: 'Computer Software',
    });
    expect(snapshot.network).toEqual({
      rank: expected.network.rank,
      averageScore: expected.network.averageScore,
      groupSize: 812,
      change: expected.network.change,
      industryName: null,
    });
  });

  it('sends accountId and debug as query parameters', async () => {
    const second = account(1);
    const snapshot = expectOk(await client().getSsi(target(), { accountId: second.id, debug: true }));
    expect(snapshot.accountId).toBe(second.id);
    expect(snapshot.activeSeat).toBe(false);
    expect(snapshot.overall).toBe(buildSsiBody(second, SERVER_NOW).memberScore.overall);
    expect(sandbox.requests()).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/linkedin/ssi',
        query: { accountId: second.id, debug: 'true' },
        scenario: 'ok',
      }),
    ]);
  });

  it('sends no query parameters for the default account without debug', async () => {
    expectOk(await client().getSsi(target(), { accountId: '', debug: false }));
    expect(sandbox.requests().map((r) => r.query)).toEqual([{}]);
  });

  it('still parses the documented body when debug adds rawJson', async () => {
    const plain = expectOk(await client().getSsi(target()));
    const debug = expectOk(await client().getSsi(target(), { debug: true }));
    expect(debug).toEqual(plain);
  });

  it('sends the key as a Bearer token (the sandbox picks the scenario from it)', async () => {
    expectErr(await client().getSsi(scenario('trial-expired')));
    expectErr(await client().getSsi(target('not-a-sandbox-key')));
    expect(sandbox.requests().map((r) => r.scenario)).toEqual(['trial-expired', 'unauthorized']);
  });

  it("parses LinkedIn's raw shape", async () => {
    const snapshot = expectOk(await client().getSsi(scenario('raw-shape')));
    const expected = buildSsiBody(account(0), SERVER_NOW);
    expect(snapshot.accountId).toBeNull();
    expect(snapshot.overall).toBe(expected.memberScore.overall);
    expect(snapshot.overall).toBe(pillarSum(snapshot));
    expect(snapshot.industry?.rank).toBe(expected.industry.rank);
    expect(snapshot.industry?.averageScore).toBe(expected.industry.averageScore);
    expect(snapshot.network?.rank).toBe(expected.network.rank);
    expect(snapshot.pillars.map((p) => p.industryAverage)).toEqual(
      expected.industry.pillars.map((s) => s.score),
    );
  });

  it('answers no-score for empty objects', async () => {
    expect(await client().getSsi(scenario('empty'))).toEqual({ ok: false, error: { code: 'no-score' } });
  });

  it.each<[ScenarioName, SsiError]>([
    ['unauthorized', { code: 'unauthorized', status: 401 }],
    [
      'trial-expired',
      {
        code: 'forbidden',
        status: 403,
        serverMessage: 'Your trial has expired. Upgrade your plan to keep using the API.',
      },
    ],
    ['bad-request', { code: 'bad-request', status: 400, serverMessage: 'Invalid account ID format' }],
    ['rate-limited', { code: 'rate-limited', status: 429, retryAt: NOW + RETRY_AFTER_SECONDS * 1000 }],
    ['rate-limited-no-header', { code: 'rate-limited', status: 429, retryAt: NOW + 60_000 }],
    [
      'session-expired',
      { code: 'session-expired', status: 500, serverMessage: 'LinkedIn session expired for this account' },
    ],
    ['bad-gateway', { code: 'server', status: 502 }],
    ['unavailable', { code: 'server', status: 503 }],
    ['gateway-timeout', { code: 'server', status: 504 }],
    ['success-false', { code: 'api-error', serverMessage: 'Account is not connected' }],
  ])('maps the %s scenario to its error', async (name, expected) => {
    expect(await client().getSsi(scenario(name))).toEqual({ ok: false, error: expected });
  });

  it('maps a malformed account id to bad-request with the server words', async () => {
    expect(await client().getSsi(target(), { accountId: 'not-an-id' })).toEqual({
      ok: false,
      error: { code: 'bad-request', status: 400, serverMessage: 'Invalid account ID format' },
    });
    expect(sandbox.requests()[0]?.query).toEqual({ accountId: 'not-an-id' });
  });

  it('maps an unknown account to not-found', async () => {
    expect(await client().getSsi(target(), { accountId: UNKNOWN_ID })).toEqual({
      ok: false,
      error: { code: 'not-found', status: 404, serverMessage: 'Account not found' },
    });
  });

  it('answers malformed, mentioning HTML, for a login page', async () => {
    const error = expectErr(await client().getSsi(scenario('html')));
    expect(error.code).toBe('malformed');
    expect(error.detail).toMatch(/HTML/);
  });

  it('answers malformed for a truncated body', async () => {
    const error = expectErr(await client().getSsi(scenario('truncated')));
    expect(error.code).toBe('malformed');
    expect(error.status).toBe(200);
  });

  it('answers malformed, naming the field, for an out-of-range score', async () => {
    const error = expectErr(await client().getSsi(scenario('out-of-range')));
    expect(error.code).toBe('malformed');
    expect(error.detail).toMatch(/^memberScore\.overall: /);
  });

  it('answers oversized for a body over the default 1 MB, promptly', async () => {
    const started = performance.now();
    expect(await client().getSsi(scenario('huge'))).toEqual({
      ok: false,
      error: { code: 'oversized', detail: `over ${1024 * 1024} bytes` },
    });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('still reads the huge body when maxBytes allows it', async () => {
    const snapshot = expectOk(await client({ maxBytes: 4 * 1024 * 1024 }).getSsi(scenario('huge')));
    expect(snapshot.accountId).toBe(account(0).id);
  });

  it('answers timeout for a server that never finishes', async () => {
    const started = performance.now();
    expect(await client({ timeoutMs: 300 }).getSsi(scenario('hang'))).toEqual({
      ok: false,
      error: { code: 'timeout', detail: 'no answer within 300 ms' },
    });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('rejects an answer whose profileUrn is a script string (identity must match the URN pattern)', async () => {
    const error = expectErr(await client().getSsi(scenario('script-strings')));
    expect(error.code).toBe('malformed');
    expect(error.detail).toMatch(/^profileUrn: /);
  });

  it('answers network when nothing listens on the port', async () => {
    const port = await closedPort();
    expect(await client().getSsi({ baseUrl: `http://127.0.0.1:${port}`, apiKey: SANDBOX_DEMO_KEY })).toEqual({
      ok: false,
      error: { code: 'network' },
    });
  });

  it('answers offline without any request when the browser is offline', async () => {
    const fetchSpy = vi.fn(globalThis.fetch);
    const offline = createSsiClient({ fetch: fetchSpy, now: () => NOW, isOnline: () => false });
    expect(await offline.getSsi(target())).toEqual({ ok: false, error: { code: 'offline' } });
    expect(await offline.listAccounts(target())).toEqual({ ok: false, error: { code: 'offline' } });
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(sandbox.requests()).toEqual([]);
  });
});

describe('createSsiClient with a fake fetch', () => {
  const KEY = 'sandbox-trial-expired';

  it('replaces the API key in a server message with [redacted]', async () => {
    const fakeFetch = vi.fn(() =>
      Promise.resolve(new Response(JSON.stringify({ error: `bad key ${KEY}` }), { status: 403 })),
    );
    const result = await createSsiClient({ fetch: fakeFetch }).getSsi({
      baseUrl: 'https://api.example',
      apiKey: KEY,
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'forbidden', status: 403, serverMessage: 'bad key [redacted]' },
    });
    expect(JSON.stringify(result)).not.toContain(KEY);
  });

  it('redacts the key in the words of a success:false answer', async () => {
    const fakeFetch = vi.fn(() =>
      Promise.resolve(Response.json({ success: false, message: `Key ${KEY} has no account` })),
    );
    const result = await createSsiClient({ fetch: fakeFetch }).getSsi({
      baseUrl: 'https://api.example',
      apiKey: KEY,
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'api-error', serverMessage: 'Key [redacted] has no account' },
    });
  });

  it('calls fetch with redirect:error, credentials:omit and the Bearer key', async () => {
    const fakeFetch = vi.fn((..._args: Parameters<typeof fetch>) =>
      Promise.resolve(Response.json({ memberScore: { overall: 10 } })),
    );
    const result = await createSsiClient({ fetch: fakeFetch, now: () => 5 }).getSsi(
      { baseUrl: 'https://api.example', apiKey: KEY },
      { accountId: 'abc', debug: true },
    );
    expect(expectOk(result).fetchedAt).toBe(5);
    expect(fakeFetch).toHaveBeenCalledTimes(1);
    const [url, init] = fakeFetch.mock.calls[0] ?? [];
    expect(url).toBe('https://api.example/linkedin/ssi?accountId=abc&debug=true');
    expect(init).toMatchObject({
      method: 'GET',
      redirect: 'error',
      credentials: 'omit',
      headers: { Authorization: `Bearer ${KEY}` },
    });
  });
});

describe('a successful answer that echoes the key', () => {
  const target = { baseUrl: 'https://api.example', apiKey: AWKWARD_KEY };
  const answering = (text: string) =>
    createSsiClient({
      fetch: () => Promise.resolve(new Response(text, { headers: { 'Content-Type': 'application/json' } })),
      now: () => NOW,
    });

  it.each(KEY_ENCODINGS)(
    'has the key (%s) redacted in every string of the snapshot: account id, industry name',
    async (...encoding) => {
      const body = buildSsiBody(account(0), SERVER_NOW);
      body.accountId = '$KEY';
      body.industry.industryName = 'Software, $KEY';
      body.groupScore = [body.industry, body.network];

      const snapshot = expectOk(await answering(answerEchoing(body, AWKWARD_KEY, encoding)).getSsi(target));

      expect(snapshot.accountId).toBe('[redacted]');
      expect(snapshot.industry?.industryName).toBe('Software, [redacted]');
    },
  );

  it.each(KEY_ENCODINGS)(
    'has the key (%s) redacted in every string of the account list: names, publicId',
    async (...encoding) => {
      // An ID holding the key breaks the ID's rule (a refused list, see below): names and slugs do not.
      const body = { accounts: [{ id: 'acc_1', firstName: '$KEY', lastName: 'Lovelace', publicId: '$KEY' }] };

      const accounts = expectOk(
        await answering(answerEchoing(body, AWKWARD_KEY, encoding)).listAccounts(target),
      );

      expect(accounts).toEqual([
        {
          id: 'acc_1',
          name: '[redacted] Lovelace',
          publicId: '[redacted]',
          status: null,
          apiSeat: null,
        },
      ]);
    },
  );

  it('has the key redacted in the account status', async () => {
    const body = { id: 'acc_1', firstName: 'Ada $KEY', lastName: null, publicId: 'ada' };

    const status = expectOk(
      await answering(answerEchoing(body, AWKWARD_KEY, KEY_ENCODINGS[0]!)).getAccountStatus(target, 'acc_1'),
    );

    expect(status.name).toBe('Ada [redacted]');
  });
});

describe('createSsiClient().listAccounts', () => {
  it('reads the sandbox list ({accounts: [...]}) with names', async () => {
    const accounts = expectOk(await client().listAccounts(target()));
    expect(accounts).toEqual(
      SANDBOX_ACCOUNTS.map((a) => ({
        id: a.id,
        name: `${a.firstName} ${a.lastName}`,
        publicId: a.publicId,
        status: 'AVAILABLE',
        apiSeat: a.apiSeatAllocated,
      })),
    );
  });

  it('sends q and gets the filtered list', async () => {
    const accounts = expectOk(await client().listAccounts(target(), 'grace'));
    expect(accounts.map((a) => a.id)).toEqual([account(1).id]);
    expect(sandbox.requests()).toEqual([
      expect.objectContaining({ path: '/linkedin/accounts', query: { q: 'grace' } }),
    ]);
  });

  it('maps an error scenario to its code', async () => {
    expect(await client().listAccounts(scenario('unauthorized'))).toEqual({
      ok: false,
      error: { code: 'unauthorized', status: 401 },
    });
  });

  it.each<[string, unknown]>([
    ['a bare array', [{ id: 'a1', firstName: 'Ada', lastName: null, publicId: 'ada' }, { id: 'b2' }]],
    [
      '{accounts: [...]}',
      { success: true, accounts: [{ id: 'a1', firstName: 'Ada', publicId: 'ada' }, { id: 'b2' }] },
    ],
  ])('accepts %s', async (_name, body) => {
    const fakeFetch = vi.fn(() => Promise.resolve(Response.json(body)));
    const result = await createSsiClient({ fetch: fakeFetch }).listAccounts({
      baseUrl: 'https://x.example',
      apiKey: 'k',
    });
    expect(result).toEqual({
      ok: true,
      value: [
        { id: 'a1', name: 'Ada', publicId: 'ada', status: null, apiSeat: null },
        { id: 'b2', name: 'b2', publicId: null, status: null, apiSeat: null },
      ],
    });
  });

  it.each<[string, unknown]>([
    ['an object without a list', { success: true }],
    ['an entry without id', [{ firstName: 'Ada' }]],
    ['an id outside the account ID rule', [{ id: 'a b/c' }]],
    ['a string', 'accounts'],
  ])('answers malformed for %s', async (_name, body) => {
    const fakeFetch = vi.fn(() => Promise.resolve(Response.json(body)));
    const result = await createSsiClient({ fetch: fakeFetch }).listAccounts({
      baseUrl: 'https://x.example',
      apiKey: 'k',
    });
    expect(expectErr(result).code).toBe('malformed');
  });
});

describe('createSsiClient().getAccountStatus', () => {
  it('parses the sandbox status', async () => {
    const third = account(2);
    expect(await client().getAccountStatus(target(), third.id)).toEqual({
      ok: true,
      value: {
        id: third.id,
        name: 'Alan Turing',
        publicId: third.publicId,
        status: 'AVAILABLE',
        apiSeat: null,
        enabled: true,
        hasSalesNavigator: false,
      },
    });
    expect(sandbox.requests()).toEqual([
      expect.objectContaining({ path: '/linkedin/account/status', query: { accountId: third.id } }),
    ]);
  });

  it('reads hasSalesNavigator from linkedinPlan', async () => {
    expect(expectOk(await client().getAccountStatus(target(), account(0).id)).hasSalesNavigator).toBe(true);
  });

  it.each<[string, string, SsiError]>([
    [
      'a malformed id',
      'not-hex',
      { code: 'bad-request', status: 400, serverMessage: 'Invalid account ID format' },
    ],
    ['an empty id', '', { code: 'bad-request', status: 400, serverMessage: 'accountId is required' }],
    ['an unknown id', UNKNOWN_ID, { code: 'not-found', status: 404, serverMessage: 'Account not found' }],
  ])('maps %s to its code', async (_name, accountId, expected) => {
    expect(await client().getAccountStatus(target(), accountId)).toEqual({ ok: false, error: expected });
  });
});

/** A port on which nothing listens any more. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
