/**
 * Sandbox scenarios: every way the SSI API (or something in front of it) can answer.
 *
 * A scenario turns the route's normal answer into the reply actually sent. Error and
 * transport scenarios apply to every API route; data-shape scenarios ('raw-shape',
 * 'empty', 'out-of-range', 'script-strings') only change `/linkedin/ssi` answers for a
 * resolved account, and leave every other answer as it is.
 */

import { buildRawSsi, buildSsiBody, type SandboxAccount, type SsiBody } from './data';

/** Every scenario name, in the order the CLI lists them. */
export const SCENARIO_NAMES = [
  'ok',
  'raw-shape',
  'empty',
  'unauthorized',
  'trial-expired',
  'bad-request',
  'rate-limited',
  'rate-limited-no-header',
  'session-expired',
  'bad-gateway',
  'unavailable',
  'gateway-timeout',
  'success-false',
  'html',
  'out-of-range',
  'truncated',
  'huge',
  'hang',
  'slow',
  'script-strings',
] as const;

/** The name of a sandbox scenario. */
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** True when `value` is a scenario name. */
export function isScenarioName(value: string): value is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(value);
}

/** `Content-Type` of every JSON reply. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
/** `Content-Type` of every HTML reply. */
export const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

/** The string every string field holds in the 'script-strings' scenario. */
export const SCRIPT_STRING = '<img src=x onerror=alert(1)><script>alert(1)</script>';

/** Delay of the 'slow' scenario, in milliseconds. */
export const SLOW_DELAY_MS = 3_000;

/** Size of the padding string of the 'huge' scenario: the body ends up over 2 MiB. */
export const HUGE_PADDING_LENGTH = 2_500_000;

/** Seconds announced by the 'rate-limited' scenario's Retry-After header. */
export const RETRY_AFTER_SECONDS = 30;

/** A reply the server sends: either complete (possibly after a delay) or never finished. */
export type SandboxReply =
  | {
      kind: 'complete';
      status: number;
      headers: Readonly<Record<string, string>>;
      body: string;
      /** Wait this long before answering (0 = at once). */
      delayMs: number;
    }
  | {
      kind: 'hang';
      status: number;
      headers: Readonly<Record<string, string>>;
      /** Written right after the headers; the response is then never ended. */
      partialBody: string;
    };

/** The complete (non-hanging) kind of reply. */
export type CompleteReply = Extract<SandboxReply, { kind: 'complete' }>;

/** A JSON object body. */
export type JsonBody = Readonly<Record<string, unknown>>;

/** The answer a route gives when no scenario changes it. */
export interface NormalAnswer {
  status: number;
  body: JsonBody;
}

/** What a scenario needs to know about the request it answers. */
export interface ScenarioContext {
  /** The route's ordinary answer (may itself be a 400 or 404). */
  normal: NormalAnswer;
  /** Set only on `/linkedin/ssi` when the account was resolved: data-shape scenarios use it. */
  ssi: { account: SandboxAccount; date: Date; debug: boolean } | null;
  /** The server's clock, for X-RateLimit-Reset. */
  now: Date;
}

/** Where a scenario applies: 'all' API routes, or only resolved `/linkedin/ssi` requests. */
export type ScenarioScope = 'all' | 'ssi';

/** A scenario's description (for humans) and behaviour. */
export interface ScenarioSpec {
  description: string;
  scope: ScenarioScope;
  reply: (context: ScenarioContext) => SandboxReply;
}

/** A complete JSON reply with the documented content type. */
export function jsonReply(
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): CompleteReply {
  return {
    kind: 'complete',
    status,
    headers: { 'Content-Type': JSON_CONTENT_TYPE, ...headers },
    body: JSON.stringify(body),
    delayMs: 0,
  };
}

function htmlReply(status: number, html: string): CompleteReply {
  return {
    kind: 'complete',
    status,
    headers: { 'Content-Type': HTML_CONTENT_TYPE },
    body: html,
    delayMs: 0,
  };
}

function normalReply(context: ScenarioContext): SandboxReply {
  return jsonReply(context.normal.status, context.normal.body);
}

/** The 400 body for an account id that is not 24 hex characters. */
export function invalidAccountIdBody(received: string): JsonBody {
  return {
    success: false,
    error: 'Invalid account ID format',
    issues: [
      {
        code: 'invalid_string',
        path: ['accountId'],
        message: 'accountId must be a 24-character hexadecimal id',
        received,
      },
    ],
  };
}

/** The 401 body of an unknown, revoked or missing API key. */
export const UNAUTHORIZED_BODY: JsonBody = { error: 'Invalid API key' };

const BAD_GATEWAY_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n' +
  '<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

const GATEWAY_TIMEOUT_HTML =
  '<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n' +
  '<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

const LOGIN_PAGE_HTML = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in | ConnectSafely</title></head>
<body>
  <main>
    <h1>Sign in to ConnectSafely</h1>
    <form method="post" action="/login">
      <label>Email <input type="email" name="email" autocomplete="username"></label>
      <label>Password <input type="password" name="password" autocomplete="current-password"></label>
      <button type="submit">Sign in</button>
    </form>
  </main>
</body>
</html>
`;

/** A 429 announcing a wait of `seconds` (Retry-After and X-RateLimit-*), as of `now`. */
export function rateLimitedReply(now: Date, seconds: number): SandboxReply {
  const resetAt = Math.floor(now.getTime() / 1000) + seconds;
  return jsonReply(429, RATE_LIMITED_BODY, {
    'Retry-After': String(seconds),
    'X-RateLimit-Limit': '60',
    'X-RateLimit-Remaining': '0',
    'X-RateLimit-Reset': String(resetAt),
  });
}

const RATE_LIMITED_BODY: JsonBody = {
  success: false,
  code: 'RATE_LIMITED',
  message: 'Too many requests',
};

/** Replaces every string anywhere in `value` with SCRIPT_STRING. */
function scriptStrings(value: unknown): unknown {
  if (typeof value === 'string') return SCRIPT_STRING;
  if (Array.isArray(value)) return value.map(scriptStrings);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, scriptStrings(inner)]));
  }
  return value;
}

/** Applies a data-shape change to resolved `/linkedin/ssi` answers only. */
function onSsi(
  build: (ssi: NonNullable<ScenarioContext['ssi']>) => SandboxReply,
): (context: ScenarioContext) => SandboxReply {
  return (context) => (context.ssi ? build(context.ssi) : normalReply(context));
}

function ssiBody(ssi: NonNullable<ScenarioContext['ssi']>): SsiBody {
  return buildSsiBody(ssi.account, ssi.date, ssi.debug);
}

function truncated(context: ScenarioContext): SandboxReply {
  const text = JSON.stringify(context.normal.body);
  return {
    kind: 'complete',
    status: context.normal.status,
    headers: { 'Content-Type': JSON_CONTENT_TYPE },
    body: text.slice(0, Math.floor(text.length / 2)),
    delayMs: 0,
  };
}

function huge(context: ScenarioContext): SandboxReply {
  const padding = 'x'.repeat(HUGE_PADDING_LENGTH);
  return jsonReply(context.normal.status, { ...context.normal.body, padding });
}

function hang(context: ScenarioContext): SandboxReply {
  const text = JSON.stringify(context.normal.body);
  return {
    kind: 'hang',
    status: context.normal.status,
    headers: { 'Content-Type': JSON_CONTENT_TYPE },
    partialBody: text.slice(0, Math.floor(text.length / 2)),
  };
}

function slow(context: ScenarioContext): SandboxReply {
  return { ...jsonReply(context.normal.status, context.normal.body), delayMs: SLOW_DELAY_MS };
}

/** Every scenario: what it is for and what it answers. */
export const SCENARIOS: Readonly<Record<ScenarioName, ScenarioSpec>> = {
  ok: {
    description: '200, the documented shape',
    scope: 'all',
    reply: normalReply,
  },
  'raw-shape': {
    description: "200, LinkedIn's raw shape (groupType, nested score, no success/accountId)",
    scope: 'ssi',
    reply: onSsi((ssi) => jsonReply(200, buildRawSsi(ssi.account, ssi.date))),
  },
  empty: {
    description: '200, success with empty objects',
    scope: 'ssi',
    reply: onSsi((ssi) =>
      jsonReply(200, {
        success: true,
        accountId: ssi.account.id,
        memberScore: {},
        industry: {},
        network: {},
        groupScore: [],
      }),
    ),
  },
  unauthorized: {
    description: '401 {"error":"Invalid API key"}',
    scope: 'all',
    reply: () => jsonReply(401, UNAUTHORIZED_BODY),
  },
  'trial-expired': {
    description: '403, trial expired',
    scope: 'all',
    reply: () =>
      jsonReply(403, {
        success: false,
        error: 'Your trial has expired. Upgrade your plan to keep using the API.',
      }),
  },
  'bad-request': {
    description: '400, "Invalid account ID format" with issues',
    scope: 'all',
    reply: () => jsonReply(400, invalidAccountIdBody('not-an-id')),
  },
  'rate-limited': {
    description: '429 with Retry-After: 30 and X-RateLimit-* headers',
    scope: 'all',
    reply: (context) => rateLimitedReply(context.now, RETRY_AFTER_SECONDS),
  },
  'rate-limited-no-header': {
    description: '429 without Retry-After (nor X-RateLimit-*)',
    scope: 'all',
    reply: () => jsonReply(429, RATE_LIMITED_BODY),
  },
  'session-expired': {
    description: '500, the LinkedIn session behind the account expired',
    scope: 'all',
    reply: () => jsonReply(500, { error: 'LinkedIn session expired for this account' }),
  },
  'bad-gateway': {
    description: '502, an nginx HTML page',
    scope: 'all',
    reply: () => htmlReply(502, BAD_GATEWAY_HTML),
  },
  unavailable: {
    description: '503 {"error":"Service unavailable"}',
    scope: 'all',
    reply: () => jsonReply(503, { error: 'Service unavailable' }),
  },
  'gateway-timeout': {
    description: '504, an nginx HTML page',
    scope: 'all',
    reply: () => htmlReply(504, GATEWAY_TIMEOUT_HTML),
  },
  'success-false': {
    description: '200 {success:false, error:"Account is not connected"}',
    scope: 'all',
    reply: () => jsonReply(200, { success: false, error: 'Account is not connected' }),
  },
  html: {
    description: '200 text/html, a login page',
    scope: 'all',
    reply: () => htmlReply(200, LOGIN_PAGE_HTML),
  },
  'out-of-range': {
    description: '200, the documented shape with memberScore.overall = 250',
    scope: 'ssi',
    reply: onSsi((ssi) => {
      const body = ssiBody(ssi);
      return jsonReply(200, { ...body, memberScore: { ...body.memberScore, overall: 250 } });
    }),
  },
  truncated: {
    description: '200 application/json, the body cut in the middle',
    scope: 'all',
    reply: truncated,
  },
  huge: {
    description: '200 application/json, valid JSON over 2 MiB (a padding field)',
    scope: 'all',
    reply: huge,
  },
  hang: {
    description: 'headers and half a body, then nothing, ever',
    scope: 'all',
    reply: hang,
  },
  slow: {
    description: `the normal answer after ${String(SLOW_DELAY_MS / 1000)} s`,
    scope: 'all',
    reply: slow,
  },
  'script-strings': {
    description: '200, the documented shape with every string set to an HTML/script payload',
    scope: 'ssi',
    reply: onSsi((ssi) => jsonReply(200, scriptStrings(ssiBody(ssi)))),
  },
};

/** The reply of scenario `name` to a request described by `context`. */
export function replyForScenario(name: ScenarioName, context: ScenarioContext): SandboxReply {
  return SCENARIOS[name].reply(context);
}
