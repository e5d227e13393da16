import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const bundleForBrowser = (entry: string) =>
  build({ entryPoints: [resolve(root, entry)], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });

describe('src/client is browser-safe', () => {
  it('bundles for the browser with no Node built-in', async () => {
    const result = await bundleForBrowser('src/client/index.ts');
    expect(result.errors).toEqual([]);
    expect(result.outputFiles[0]?.text).not.toMatch(/from ["']node:/);
  });

  it('the same check rejects a module that needs Node (src/spec reads files)', async () => {
    await expect(bundleForBrowser('src/spec/openapi-validator.ts')).rejects.toThrow(/node:/);
  });
});
