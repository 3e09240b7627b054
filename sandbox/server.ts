/**
 * The sandbox SSI API: a real local HTTP server (node:http) speaking the contract of
 * /work/shared/ssi-api.md, with switchable failure scenarios.
 *
 * Routes (all GET, all need `Authorization: Bearer <sandbox key>`):
 * - `/linkedin/ssi?accountId=&debug=true`: no accountId → the key's default account;
 *   a malformed id (not 24 hex, empty included) → 400; a well-formed unknown id → 404.
 * - `/linkedin/accounts?q=` → `{ success: true, accounts: [...] }`.
 * - `/linkedin/account/status?accountId=`: missing or malformed id → 400, unknown → 404.
 * - `/healthz` → `{ ok: true }` (no auth, not recorded).
 * With `rateLimitFirstSsi`, the first `/linkedin/ssi` request for each of those accounts
 * answers 429 with `Retry-After: 2` (a key-wide limit met mid-way through a team's reads).
 * Any OPTIONS request is a CORS preflight: 204. Unknown paths → 404 JSON; other methods → 405.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  buildAccountStatus,
  buildSsiBody,
  DEFAULT_ACCOUNT,
  filterAccounts,
  findAccount,
  isWellFormedAccountId,
  toAccountSummary,
  type SandboxAccount,
} from './data';
import { chooseScenario } from './keys';
import {
  invalidAccountIdBody,
  type CompleteReply,
  jsonReply,
  rateLimitedReply,
  replyForScenario,
  SCENARIO_NAMES,
  type NormalAnswer,
  type SandboxReply,
  type ScenarioContext,
  type ScenarioName,
} from './scenarios';

/** Options of startSandbox. */
export interface SandboxOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; defaults to 127.0.0.1. */
  host?: string;
  /** The server's clock (SSI day, lastUsed, X-RateLimit-Reset, request times). */
  now?: () => Date;
  /**
   * Account IDs whose first `/linkedin/ssi` request (by `accountId`, or none for the default
   * account) answers 429 with `Retry-After: {@link FIRST_ASK_RETRY_AFTER_SECONDS}`; later ones
   * answer as usual. Recorded with the scenario `rate-limited`.
   */
  rateLimitFirstSsi?: readonly string[];
}

/** The `Retry-After` of a `rateLimitFirstSsi` answer, in seconds. */
export const FIRST_ASK_RETRY_AFTER_SECONDS = 2;

/** An API request the sandbox saw. The Authorization header is never recorded. */
export interface SandboxRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The scenario that answered, or null when none did (404, 405, unknown ?scenario=). */
  scenario: ScenarioName | null;
  /** ISO time of arrival, from the server's clock. */
  at: string;
}

/** A running sandbox. */
export interface SandboxServer {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:8787`. */
  url: string;
  port: number;
  /** Stops listening and destroys every open socket (hanging ones included); idempotent. */
  close(): Promise<void>;
  /** Forces a scenario on every API request, whatever the key; null = back to per-key. */
  setScenario(name: ScenarioName | null): void;
  /** A copy of the API requests seen so far (not preflights, not /healthz). */
  requests(): SandboxRequest[];
  /** Forgets the requests seen so far. */
  resetRequests(): void;
  /**
   * Answers every `/linkedin/ssi` request (whatever the key) with exactly this reply, for tests
   * of hostile and broken answers; null = back to scenarios. Such requests are recorded with
   * `scenario: null`.
   */
  setSsiReply(reply: SandboxReply | null): void;
}

type ApiRoute = 'ssi' | 'accounts' | 'account-status';

const API_ROUTES: ReadonlyMap<string, ApiRoute> = new Map([
  ['/linkedin/ssi', 'ssi'],
  ['/linkedin/accounts', 'accounts'],
  ['/linkedin/account/status', 'account-status'],
]);

const RATE_LIMIT_HEADERS = 'Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset';

/** Headers of every actual (non-preflight) response. */
const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': RATE_LIMIT_HEADERS,
};

/** Headers of the 204 preflight answer. */
const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, OPTIONS',
  'Access-Control-Allow-Headers': 'authorization, content-type',
  'Access-Control-Max-Age': '600',
};

interface SandboxState {
  now: () => Date;
  forced: ScenarioName | null;
  ssiReply: SandboxReply | null;
  log: SandboxRequest[];
  timers: Set<NodeJS.Timeout>;
  /** Accounts whose first SSI request is still to be refused with a 429. */
  limitFirst: Set<string>;
}

/**
 * Starts the sandbox and resolves once it listens. Each call is an independent server
 * with its own scenario override and request log.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxServer> {
  const host = options.host ?? '127.0.0.1';
  const state: SandboxState = {
    now: options.now ?? (() => new Date()),
    forced: null,
    ssiReply: null,
    log: [],
    timers: new Set(),
    limitFirst: new Set((options.rateLimitFirstSsi ?? []).map((id) => id.toLowerCase())),
  };
  const server = createServer((req, res) => {
    handleSafely(state, req, res);
  });
  const port = await listen(server, options.port ?? 0, host);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${String(port)}`,
    port,
    close: once(() => closeServer(server, state)),
    setScenario: (name) => {
      state.forced = name;
    },
    requests: () => state.log.map((entry) => ({ ...entry, query: { ...entry.query } })),
    resetRequests: () => {
      state.log = [];
    },
    setSsiReply: (reply) => {
      state.ssiReply = reply;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server, state: SandboxState): Promise<void> {
  for (const timer of state.timers) clearTimeout(timer);
  state.timers.clear();
  return new Promise((resolve) => {
    server.close(() => {
      resolve();
    });
    server.closeAllConnections();
  });
}

function once(action: () => Promise<void>): () => Promise<void> {
  let result: Promise<void> | null = null;
  return () => (result ??= action());
}

function handleSafely(state: SandboxState, req: IncomingMessage, res: ServerResponse): void {
  try {
    handle(state, req, res);
  } catch (error) {
    console.error('[sandbox] internal error:', error);
    if (!res.headersSent) send(state, res, jsonReply(500, { error: 'Sandbox internal error' }));
    else res.destroy();
  }
}

function handle(state: SandboxState, req: IncomingMessage, res: ServerResponse): void {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, PREFLIGHT_HEADERS).end();
    return;
  }
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  if (url.pathname === '/healthz') {
    send(state, res, jsonReply(200, { ok: true }));
    return;
  }
  send(state, res, apiReply(state, req, url));
}

/** Decides the reply of an API (or unknown) path and records the request. */
function apiReply(state: SandboxState, req: IncomingMessage, url: URL): SandboxReply {
  const route = API_ROUTES.get(url.pathname);
  const record = (scenario: ScenarioName | null): void => {
    state.log.push(requestEntry(state, req, url, scenario));
  };
  if (!route) {
    record(null);
    return jsonReply(404, { success: false, error: `Not found: ${url.pathname}` });
  }
  if (req.method !== 'GET') {
    record(null);
    return jsonReply(405, { success: false, error: 'Method not allowed' }, { Allow: 'GET, OPTIONS' });
  }
  if (route === 'ssi' && state.ssiReply) {
    record(null);
    return state.ssiReply;
  }
  const choice = chooseScenario({
    authorization: req.headers.authorization,
    queryScenario: url.searchParams.get('scenario'),
    forced: state.forced,
  });
  if (!choice.ok) {
    record(null);
    return jsonReply(400, unknownScenarioBody(choice.unknownScenario));
  }
  if (route === 'ssi') {
    const accountId = (url.searchParams.get('accountId') ?? DEFAULT_ACCOUNT.id).toLowerCase();
    if (state.limitFirst.delete(accountId)) {
      record('rate-limited');
      return rateLimitedReply(state.now(), FIRST_ASK_RETRY_AFTER_SECONDS);
    }
  }
  record(choice.scenario);
  return replyForScenario(choice.scenario, routeContext(route, url.searchParams, state.now()));
}

function requestEntry(
  state: SandboxState,
  req: IncomingMessage,
  url: URL,
  scenario: ScenarioName | null,
): SandboxRequest {
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    scenario,
    at: state.now().toISOString(),
  };
}

function unknownScenarioBody(name: string): Record<string, unknown> {
  return {
    success: false,
    error: `Unknown sandbox scenario: ${name}`,
    issues: [{ path: ['scenario'], message: `Expected one of: ${SCENARIO_NAMES.join(', ')}` }],
  };
}

/** The normal answer of a route, plus what data-shape scenarios need. */
function routeContext(route: ApiRoute, params: URLSearchParams, now: Date): ScenarioContext {
  switch (route) {
    case 'ssi':
      return ssiContext(params, now);
    case 'accounts':
      return { normal: accountsAnswer(params.get('q') ?? ''), ssi: null, now };
    case 'account-status':
      return { normal: accountStatusAnswer(params.get('accountId'), now), ssi: null, now };
  }
}

function ssiContext(params: URLSearchParams, now: Date): ScenarioContext {
  const lookup = lookupAccount(params.get('accountId'), false);
  if (!lookup.ok) return { normal: lookup.answer, ssi: null, now };
  const debug = params.get('debug') === 'true';
  return {
    normal: { status: 200, body: { ...buildSsiBody(lookup.account, now, debug) } },
    ssi: { account: lookup.account, date: now, debug },
    now,
  };
}

function accountsAnswer(q: string): NormalAnswer {
  return {
    status: 200,
    body: { success: true, accounts: filterAccounts(q).map(toAccountSummary) },
  };
}

function accountStatusAnswer(accountId: string | null, now: Date): NormalAnswer {
  const lookup = lookupAccount(accountId, true);
  if (!lookup.ok) return lookup.answer;
  return { status: 200, body: { ...buildAccountStatus(lookup.account, now) } };
}

type AccountLookup = { ok: true; account: SandboxAccount } | { ok: false; answer: NormalAnswer };

/**
 * Resolves an `accountId` parameter: absent → the default account (or 400 when
 * `required`); not 24 hex characters → 400; unknown → 404.
 */
function lookupAccount(accountId: string | null, required: boolean): AccountLookup {
  if (accountId === null) {
    return required
      ? { ok: false, answer: { status: 400, body: missingAccountIdBody() } }
      : { ok: true, account: DEFAULT_ACCOUNT };
  }
  if (!isWellFormedAccountId(accountId)) {
    return { ok: false, answer: { status: 400, body: invalidAccountIdBody(accountId) } };
  }
  const account = findAccount(accountId);
  if (!account) {
    return {
      ok: false,
      answer: { status: 404, body: { success: false, error: 'Account not found' } },
    };
  }
  return { ok: true, account };
}

function missingAccountIdBody(): Record<string, unknown> {
  return {
    success: false,
    error: 'accountId is required',
    issues: [{ code: 'invalid_type', path: ['accountId'], message: 'Required' }],
  };
}

/** Writes a reply: at once, after its delay, or (for 'hang') headers and half a body only. */
function send(state: SandboxState, res: ServerResponse, reply: SandboxReply): void {
  if (reply.kind === 'hang') {
    res.writeHead(reply.status, { ...CORS_HEADERS, ...reply.headers });
    res.write(reply.partialBody);
    return;
  }
  if (reply.delayMs <= 0) {
    writeComplete(res, reply);
    return;
  }
  const timer = setTimeout(() => {
    state.timers.delete(timer);
    writeComplete(res, reply);
  }, reply.delayMs);
  state.timers.add(timer);
  res.once('close', () => {
    clearTimeout(timer);
    state.timers.delete(timer);
  });
}

function writeComplete(res: ServerResponse, reply: CompleteReply): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(reply.status, {
    ...CORS_HEADERS,
    ...reply.headers,
    'Content-Length': String(Buffer.byteLength(reply.body)),
  });
  res.end(reply.body);
}
