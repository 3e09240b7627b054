/**
 * The folder rule holds: each runtime context may import only what it may run (eslint.config.js,
 * `runtimeBoundaries`). Each case lints one line as if it stood in a file of that folder.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The messages of `no-restricted-imports` for `source` standing in `file`. */
async function restrictions(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath: resolve(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the runtime boundaries', () => {
  it.each([
    [
      'a page',
      'entrypoints/popup/fixture.ts',
      "import { apiKeyItem } from '@/utils/worker/secrets';",
      /Service worker only/,
    ],
    [
      'a component',
      'components/Fixture.tsx',
      "import { createSsiClient } from '@/utils/worker/api/client';",
      /Service worker only/,
    ],
    [
      'shared code',
      'utils/ssi/fixture.ts',
      "import { readSavedConfig } from '../worker/saved-config';",
      /Service worker only/,
    ],
    [
      'a content script',
      'entrypoints/linkedin-profile-badge/fixture.ts',
      "import { apiKeyItem } from '@/utils/worker/secrets';",
      /Service worker only/,
    ],
    [
      'LinkedIn code',
      'utils/linkedin/fixture.ts',
      "import { redactSecret } from '../worker/api/redaction';",
      /Service worker only/,
    ],
    [
      'a content script',
      'entrypoints/linkedin-gate/fixture.ts',
      "import { ScoreRing } from '@/components/ScoreRing';",
      /Extension pages only/,
    ],
    [
      'a content script',
      'entrypoints/linkedin-profile-badge/fixture.ts',
      "import { render } from 'preact';",
      /Extension pages only/,
    ],
    [
      'a page',
      'entrypoints/options/fixture.ts',
      "import { readPageIdentity } from '@/utils/linkedin/identity';",
      /LinkedIn content scripts only/,
    ],
    [
      'a page',
      'entrypoints/popup/fixture.ts',
      "import { startBadge } from '../linkedin-profile-badge/controller';",
      /LinkedIn content scripts only/,
    ],
    [
      'the worker',
      'utils/worker/fixture.ts',
      "import { readPageIdentity } from '../linkedin/identity';",
      /LinkedIn content scripts only/,
    ],
    [
      'shared code',
      'utils/fixture.ts',
      "import { App } from '@/entrypoints/popup/App';",
      /Entrypoints import shared code/,
    ],
    ['a page', 'entrypoints/dashboard/fixture.ts', "import 'chart.js/auto';", /Register chart\.js parts/],
  ])('refuses %s (%s) importing across: %s', async (_who, file, source, message) => {
    const found = await restrictions(file, source);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((words) => message.test(words))).toBe(true);
  });

  it.each([
    [
      'the service worker entry',
      'entrypoints/background.ts',
      "import { startWorker } from '@/utils/worker';",
    ],
    ['the worker', 'utils/worker/fixture.ts', "import { describeError } from '../errors';"],
    ['a page', 'entrypoints/popup/fixture.ts', "import { ScoreRing } from '@/components/ScoreRing';"],
    [
      'a content script',
      'entrypoints/linkedin-gate/fixture.ts',
      "import { profileSlugFromUrl } from '@/utils/linkedin/profile-url';",
    ],
    ['a worker test', 'utils/worker/fixture.test.ts', "import { apiKeyItem } from './secrets';"],
    [
      'a test elsewhere',
      'entrypoints/popup/fixture.test.ts',
      "import { createSsiService } from '@/utils/worker/ssi-service';",
    ],
  ])('lets %s (%s) import what it may run: %s', async (_who, file, source) => {
    expect(await restrictions(file, source)).toEqual([]);
  });
});
