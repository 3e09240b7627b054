/**
 * One browser for a suite of badge tests: the extension configured (through its options page)
 * for a fresh sandbox, and LinkedIn's fixtures served under LinkedIn's real URLs.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { SsiBody } from '../sandbox/data';
import { SANDBOX_DEMO_KEY } from '../sandbox/keys';
import { startSandbox, type SandboxServer } from '../sandbox/server';
import { launchWithExtension, type ExtensionSession } from './browser';
import { serveLinkedIn } from './linkedin';
import { OptionsPage } from './pages';

export interface BadgeSession {
  sandbox: SandboxServer;
  session: ExtensionSession;
  /** The account's score as the sandbox gives it, rounded as the badge shows it ("67"). */
  score: string;
  /** The sandbox's answer for the account, which the badge shows. */
  reading: SsiBody;
  /** Closes every tab (between tests). */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

async function startBadgeSession(pages?: Record<string, string>): Promise<BadgeSession> {
  const sandbox = await startSandbox({ port: 0 });
  const session = await launchWithExtension();
  await serveLinkedIn(session.context, pages);
  const options = await OptionsPage.open(session);
  expect(await options.configure({ apiKey: SANDBOX_DEMO_KEY, apiBaseUrl: sandbox.url })).toBe('Saved.');
  await options.page.close();
  const response = await fetch(`${sandbox.url}/linkedin/ssi`, {
    headers: { Authorization: `Bearer ${SANDBOX_DEMO_KEY}` },
  });
  const body = (await response.json()) as SsiBody;
  return {
    sandbox,
    session,
    score: String(Math.round(body.memberScore.overall)),
    reading: body,
    async closePages() {
      for (const page of session.context.pages()) await page.close();
    },
    async close() {
      await session.close();
      await sandbox.close();
    },
  };
}

/**
 * Registers a test file's hooks: one `BadgeSession` for the whole file (LinkedIn's fixtures:
 * `pages`, by default `fixturePages()`), every tab closed after each test. Returns the
 * session's getter (the session exists once `beforeAll` has run).
 */
export function badgeSessionPerFile(pages?: Record<string, string>): () => BadgeSession {
  let suite: BadgeSession | undefined;
  beforeAll(async () => {
    suite = await startBadgeSession(pages);
  });
  afterAll(() => suite?.close());
  afterEach(() => suite?.closePages());
  return () => suite!;
}
