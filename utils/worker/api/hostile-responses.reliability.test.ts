// @vitest-environment node
/**
 * Every hostile or broken `/linkedin/ssi` answer of the shared table, sent by a real sandbox
 * over HTTP to the real client and SSI service: the service never rejects, a failure gets its
 * code and words and never replaces the last good reading, and a valid answer full of markup is
 * kept verbatim, as data.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  caseNamed,
  expectedRequests,
  HOSTILE_CASES,
  keptValue,
} from '../../../e2e/fixtures/hostile-responses';
import { SANDBOX_DEMO_KEY } from '../../../sandbox/keys';
import { startSandbox, type SandboxServer } from '../../../sandbox/server';
import { createSsiClient } from './client';
import { describeError } from '../../errors';
import { DEFAULT_SETTINGS, targetKey, type Settings } from '../../settings';
import type { SsiSnapshot } from '../../ssi/model';
import { memoryCacheStore } from '../../testing/memory-cache-store';
import { createSsiService } from '../ssi-service';

let sandbox: SandboxServer;
let goodSnapshot: SsiSnapshot;

/** A service on `baseUrl` whose cache already holds the good reading; `fetch` may be wrapped. */
function serviceOn(
  baseUrl: string,
  fetch: typeof globalThis.fetch = globalThis.fetch,
  now: () => number = () => Date.now(),
) {
  const settings: Settings = { ...DEFAULT_SETTINGS, apiBaseUrl: baseUrl };
  const key = targetKey(settings);
  const cache = memoryCacheStore();
  cache.entries.set(key, { snapshot: structuredClone(goodSnapshot), lastError: null });
  const service = createSsiService({
    client: createSsiClient({ fetch, timeoutMs: 500 }),
    read: async () => ({ settings, apiKey: SANDBOX_DEMO_KEY }),
    cache,
    mayCall: async () => true,
    now,
    retry: { retries: 2, baseDelayMs: 500, sleep: async () => {}, random: () => 0.5 },
  });
  return { service, stored: () => cache.entries.get(key) ?? null };
}

const ssiRequests = () => sandbox.requests().filter((request) => request.path === '/linkedin/ssi');

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  const good = await createSsiClient({ fetch: globalThis.fetch }).getSsi({
    baseUrl: sandbox.url,
    apiKey: SANDBOX_DEMO_KEY,
  });
  if (!good.ok) throw new Error(`the sandbox gave no good reading: ${good.error.code}`);
  goodSnapshot = good.value;
});

afterAll(async () => {
  await sandbox?.close();
});

beforeEach(() => {
  sandbox.setSsiReply(null);
  sandbox.resetRequests();
});

describe('Hostile and broken API responses', () => {
  it('covers at least 45 cases, with unique names', () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(45);
    expect(new Set(HOSTILE_CASES.map((entry) => entry.name)).size).toBe(HOSTILE_CASES.length);
  });

  it.for(HOSTILE_CASES)('$name', async (hostile) => {
    sandbox.setSsiReply(hostile.reply);
    const { service, stored } = serviceOn(sandbox.url);

    const view = await service.getSsi({ refresh: true });

    const entry = stored();
    expect(ssiRequests()).toHaveLength(expectedRequests(hostile.code));
    if (hostile.code === null) {
      expect(view.error).toBeNull();
      expect(view.snapshot?.overall).toBe(goodSnapshot.overall);
      expect(entry?.snapshot).toEqual(view.snapshot);
      expect(entry?.lastError).toBeNull();
      for (const kept of hostile.kept ?? []) {
        expect(keptValue(view.snapshot!, kept.field)).toBe(kept.text);
        expect(keptValue(entry!.snapshot!, kept.field)).toBe(kept.text);
      }
    } else {
      expect(view.error?.code).toBe(hostile.code);
      expect(describeError(view.error!).message).toMatch(hostile.words);
      expect(view.snapshot).toEqual(goodSnapshot);
      expect(entry?.snapshot).toEqual(goodSnapshot);
      expect(entry?.lastError?.error.code).toBe(hostile.code);
    }
    if (hostile.neverShown) {
      expect(JSON.stringify(view)).not.toContain(hostile.neverShown);
      expect(JSON.stringify(entry)).not.toContain(hostile.neverShown);
      if (view.error) expect(describeError(view.error).message).not.toContain(hostile.neverShown);
    }
    // No answer may reach a prototype.
    const probe = {} as Record<string, unknown>;
    expect([probe.polluted, probe.isAdmin, probe.rank, probe.overall]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('connection refused: "network" after two retries, and the good reading is kept', async () => {
    const port = await closedPort();
    let calls = 0;
    const counting: typeof fetch = (...args) => {
      calls++;
      return globalThis.fetch(...args);
    };
    const { service, stored } = serviceOn(`http://127.0.0.1:${port}`, counting);

    const view = await service.getSsi({ refresh: true });

    expect(view.error?.code).toBe('network');
    expect(describeError(view.error!).message).toMatch(/Could not reach the API/);
    expect(calls).toBe(3);
    expect(view.snapshot).toEqual(goodSnapshot);
    expect(stored()?.snapshot).toEqual(goodSnapshot);
  });

  it('an absurd Retry-After (ten years) does not lock the user out: a Refresh a day later asks again', async () => {
    sandbox.setSsiReply(caseNamed('HTTP 429 with Retry-After: ten years').reply);
    let later = 0;
    const { service } = serviceOn(sandbox.url, globalThis.fetch, () => Date.now() + later);
    expect((await service.getSsi({ refresh: true })).error?.code).toBe('rate-limited');

    sandbox.setSsiReply(null);
    sandbox.resetRequests();
    later = 24 * 60 * 60_000;
    const view = await service.getSsi({ refresh: true });

    // No published limit window is longer than an hour (ssi-api.md: 60/min, 1000/h).
    expect(ssiRequests()).toHaveLength(1);
    expect(view.error).toBeNull();
  });

  it.for([
    'HTTP 500 {error}',
    'HTTP 502 with an nginx HTML page',
    'HTTP 503',
    'HTTP 504 with an nginx HTML page',
  ])('a 5xx is retried exactly twice: %s', async (name) => {
    sandbox.setSsiReply(caseNamed(name).reply);
    const { service } = serviceOn(sandbox.url);
    const view = await service.getSsi({ refresh: true });
    expect(view.error?.status).toBeGreaterThanOrEqual(500);
    expect(ssiRequests()).toHaveLength(3);
  });

  it.for(['HTTP 400 with the error words', 'HTTP 401', 'HTTP 403 with the server words'])(
    'a 400, 401 or 403 is never retried: %s',
    async (name) => {
      sandbox.setSsiReply(caseNamed(name).reply);
      const { service } = serviceOn(sandbox.url);
      const view = await service.getSsi({ refresh: true });
      expect(view.error?.status).toBeLessThan(404);
      expect(ssiRequests()).toHaveLength(1);
    },
  );
});
