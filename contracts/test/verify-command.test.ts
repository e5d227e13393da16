import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runVerifyCommand, VERIFY_HELP } from '../../src/cli/verify-command.js';
import {
  defaultPactPaths,
  findPackageRoot,
  replaceAuthorization,
  verifyProvider,
  type PactVerifierFactory,
} from '../../src/verification/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');

async function run(argv: readonly string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runVerifyCommand(argv, { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) });
  return { code, out: out.join('\n'), err };
}

describe('capydb-jobs verify: usage', () => {
  it('--help documents every flag and exits 0', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    for (const flag of ['--provider-base-url', '--provider-states-setup-url', '--token', '--pact', '--junit', '--help']) {
      expect(out).toContain(flag);
    }
    expect(out).toBe(VERIFY_HELP);
  });

  it.each([
    [['--provider-base-url', 'http://127.0.0.1:1', '--bogus'], "Unknown option '--bogus'"],
    [[], '--provider-base-url is required'],
    [['--provider-base-url'], "Option '--provider-base-url <value>' argument missing"],
    [['--provider-base-url', 'not a url'], '--provider-base-url is not a URL'],
    [['--provider-base-url', 'ftp://127.0.0.1/'], '--provider-base-url must be an http(s) URL'],
    [['--provider-base-url', 'http://127.0.0.1:1', '--provider-states-setup-url', 'nope'], '--provider-states-setup-url is not a URL'],
    [['--provider-base-url', 'http://127.0.0.1:1', '--token', ''], '--token must not be empty'],
    [['--provider-base-url', 'http://127.0.0.1:1', 'extra'], "Unexpected argument 'extra'"],
    [['--provider-base-url', 'http://127.0.0.1:1', '--pact', join(root, 'contracts/pacts/missing.json')], 'cannot read pact file'],
  ])('%j → exit 2 with one line naming the problem', async (argv, problem) => {
    const { code, out, err } = await run(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(problem);
    expect(err[0]).not.toMatch(/\n|\bat .*\.(ts|js):\d+/);
  });

  it('a verifier that crashes gives a one-line verifier-crashed error, not a stack trace', async () => {
    const crashing: PactVerifierFactory = () => ({ verifyProvider: () => Promise.reject(new Error('Verification was unable to run')) });
    const result = await verifyProvider({ providerBaseUrl: 'http://127.0.0.1:1', verifier: crashing });
    expect(result).toEqual({ ok: false, error: { kind: 'verifier-crashed', message: 'Pact could not verify: Verification was unable to run' } });
  });

  it('defaults: the committed pacts, and the mock state endpoint under the base URL', async () => {
    let seen: Parameters<PactVerifierFactory>[0] | undefined;
    const recording: PactVerifierFactory = (options) => {
      seen = options;
      return { verifyProvider: () => Promise.resolve(JSON.stringify({ result: true, interactionResults: [], errors: [] })) };
    };
    const result = await verifyProvider({ providerBaseUrl: 'http://127.0.0.1:4010/', verifier: recording });
    expect(seen?.pactUrls).toEqual([join(root, 'contracts/pacts/capydb-jobs-kit-client-capydb-jobs-api.json')]);
    expect(seen?.providerStatesSetupUrl).toBe('http://127.0.0.1:4010/__mock/provider-states');
    expect(seen?.requestFilter).toBeUndefined();
    // Pact reported no result for the pact's interactions: they count as failures, not passes.
    expect(result.ok && result.value.ok).toBe(false);
  });
});

describe('verification helpers', () => {
  it.each([
    ['replaces a bearer token', { authorization: 'Bearer capy_live_example' }, 'Bearer capy_live_mine'],
    ['leaves an anonymous request anonymous', {}, undefined],
  ])('replaceAuthorization %s', (_name, headers: Record<string, string | undefined>, expected) => {
    const request = { headers: { ...headers } };
    let called = false;
    replaceAuthorization('capy_live_mine')(request, undefined, () => void (called = true));
    expect(request.headers['authorization']).toBe(expected);
    expect(called).toBe(true);
  });

  it.each([
    ['from src/verification', join(root, 'src/verification'), root],
    ['from dist/src/verification', join(root, 'dist/src/verification'), root],
    ['outside the package', '/', undefined],
  ])('findPackageRoot %s', (_name, from, expected) => {
    expect(findPackageRoot(from)).toBe(expected);
  });

  it('defaultPactPaths lists the committed pacts, and nothing for a root without contracts/pacts', () => {
    expect(defaultPactPaths()).toEqual([join(root, 'contracts/pacts/capydb-jobs-kit-client-capydb-jobs-api.json')]);
    expect(defaultPactPaths(join(root, 'src'))).toEqual([]);
  });
});
