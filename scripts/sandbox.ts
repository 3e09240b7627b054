/**
 * `npm run sandbox`: runs the sandbox SSI API on 127.0.0.1:$PORT (default 8787) until
 * SIGINT or SIGTERM, and prints the URL, the demo key and every scenario key.
 * `npm run sandbox -- --rate-limit-first=<id>[,<id>…]`: the first SSI ask of each of those
 * accounts answers 429 with `Retry-After: 2` (see `rateLimitFirstSsi`).
 */

import { SANDBOX_ACCOUNTS } from '../sandbox/data';
import { SANDBOX_DEMO_KEY, scenarioKeys } from '../sandbox/keys';
import { SCENARIOS } from '../sandbox/scenarios';
import { FIRST_ASK_RETRY_AFTER_SECONDS, startSandbox, type SandboxServer } from '../sandbox/server';

const DEFAULT_PORT = 8787;

/** The port from $PORT, or the default; exits on a value that is not a port. */
function portFromEnv(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`PORT must be an integer between 0 and 65535, got "${value}"`);
    process.exit(1);
  }
  return port;
}

const RATE_LIMIT_FLAG = '--rate-limit-first=';

/** The account IDs of `--rate-limit-first=<id>,<id>`; exits on an unknown argument. */
function rateLimitFirstFromArgs(args: readonly string[]): string[] {
  const ids: string[] = [];
  for (const arg of args) {
    if (!arg.startsWith(RATE_LIMIT_FLAG)) {
      console.error(`Unknown argument "${arg}". Usage: npm run sandbox -- [${RATE_LIMIT_FLAG}<id>,<id>]`);
      process.exit(1);
    }
    ids.push(...arg.slice(RATE_LIMIT_FLAG.length).split(',').filter(Boolean));
  }
  return ids;
}

function banner(url: string, rateLimited: readonly string[]): string {
  const width = Math.max(...scenarioKeys().map(({ key }) => key.length));
  const keyLines = scenarioKeys().map(
    ({ scenario, key }) => `  ${key.padEnd(width)}  ${SCENARIOS[scenario].description}`,
  );
  const accountLines = SANDBOX_ACCOUNTS.map(
    (account, index) =>
      `  ${account.id}  ${account.firstName} ${account.lastName} (${account.publicId})${index === 0 ? '  [default]' : ''}`,
  );
  return [
    `SSI sandbox API listening on ${url}`,
    '',
    `Demo key: ${SANDBOX_DEMO_KEY}`,
    `  curl -H 'Authorization: Bearer ${SANDBOX_DEMO_KEY}' ${url}/linkedin/ssi`,
    '',
    'Accounts:',
    ...accountLines,
    '',
    'Scenario keys (or add ?scenario=<name> to any request made with a valid key):',
    ...keyLines,
    '',
    ...(rateLimited.length
      ? [
          `First SSI ask answered 429 (Retry-After: ${FIRST_ASK_RETRY_AFTER_SECONDS}) for: ${rateLimited.join(', ')}`,
          '',
        ]
      : []),
    'Ctrl+C to stop.',
  ].join('\n');
}

function stopOnSignals(sandbox: SandboxServer): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the sandbox…`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Could not stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<void> {
  const rateLimitFirstSsi = rateLimitFirstFromArgs(process.argv.slice(2));
  const sandbox = await startSandbox({
    port: portFromEnv(process.env.PORT),
    host: '127.0.0.1',
    rateLimitFirstSsi,
  });
  stopOnSignals(sandbox);
  console.log(banner(sandbox.url, rateLimitFirstSsi));
}

main().catch((error: unknown) => {
  console.error('The sandbox could not start:', error);
  process.exit(1);
});
