import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config, { MANIFEST_DESCRIPTION, MANIFEST_NAME } from '../wxt.config';
import { PRODUCTION_API, SANDBOX_API, originPattern } from '../utils/api-origin';

/** The Chrome Web Store's limits on a manifest's name and description. */
const STORE_LIMITS = { name: 45, description: 132 };

const manifest = config.manifest as {
  name: string;
  description: string;
  host_permissions: string[];
  optional_host_permissions: string[];
};
const packageJson = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', 'package.json'), 'utf8')) as {
  description: string;
};

describe('the manifest, as the store shows it', () => {
  it('is the name and description declared for the listing, in the UI language', () => {
    // Chromium fills them from public/_locales/<lang>/messages.json; the listing's are English.
    expect(manifest.name).toBe('__MSG_ext_name__');
    expect(manifest.description).toBe('__MSG_ext_description__');
    expect(MANIFEST_NAME).toBe('SSI Companion for LinkedIn');
  });

  it.each([
    ['name', MANIFEST_NAME, STORE_LIMITS.name],
    ['description', MANIFEST_DESCRIPTION, STORE_LIMITS.description],
  ])('keeps its %s within the store limit', (_field, text, limit) => {
    expect(text.trim().length).toBeGreaterThan(0);
    expect([...text].length).toBeLessThanOrEqual(limit);
  });

  it.each([
    ['the manifest', MANIFEST_DESCRIPTION],
    ['package.json', packageJson.description],
  ])('%s says plainly the extension is not affiliated with LinkedIn', (_where, text) => {
    expect(text).toMatch(/Not affiliated with LinkedIn\.$/);
  });

  it('asks for the production API host alone; the sandbox host is optional', () => {
    expect(manifest.host_permissions).toEqual([originPattern(PRODUCTION_API)]);
    // `https://*/*` covers the sandbox host and any custom https origin, each asked when chosen.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(originPattern(SANDBOX_API)).toMatch(/^https:\/\//);
  });
});
