#!/usr/bin/env node
// Bundles the browser demo (mocks/demo → mocks/public) and proves the MSW entry point is
// browser-safe: either build fails on any `node:` import (a Node built-in cannot run in a page).
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'mocks/public');

/** Fails the build on any `node:` import or bare Node built-in, naming the importer. */
export const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    const builtins = /^(node:.*|fs|path|url|os|util|crypto|http|https|net|child_process|stream|zlib|worker_threads)(\/.*)?$/;
    build.onResolve({ filter: builtins }, (args) => ({
      errors: [{ text: `"${args.path}" is a Node built-in and cannot be bundled for the browser (imported by ${args.importer})` }],
    }));
  },
};

const common = { bundle: true, format: 'esm', platform: 'browser', target: 'es2022', logLevel: 'silent', plugins: [noNodeBuiltins] };

/**
 * Build the demo into `mocks/public/` (demo.js, index.html; mockServiceWorker.js is committed).
 * @example
 * await buildDemo(); // then serve mocks/public/
 */
export async function buildDemo() {
  await mkdir(out, { recursive: true });
  await esbuild.build({ ...common, entryPoints: [join(root, 'mocks/demo/main.ts')], outfile: join(out, 'demo.js') });
  await esbuild.build({ ...common, entryPoints: [join(root, 'mocks/msw/index.ts')], write: false, outfile: join(out, 'msw-bundle.js') });
  await copyFile(join(root, 'mocks/demo/index.html'), join(out, 'index.html'));
  return { outDir: out };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const { outDir } = await buildDemo();
    console.log(`demo built into ${outDir}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
