import { describe, expect, it } from 'vitest';
import { startMockServer } from '../../mocks/server/index.js';
import { runVerifyCommand } from '../../src/cli/verify-command.js';

describe('capydb-jobs verify against the standalone mock', () => {
  it('passes with the defaults: the shipped pacts, states at <base>/__mock/provider-states', async () => {
    const server = await startMockServer({ port: 0 });
    const out: string[] = [];
    const err: string[] = [];
    try {
      const code = await runVerifyCommand(['--provider-base-url', server.url], { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) });
      expect(err).toEqual([]);
      expect(out.join('\n')).not.toContain('✗');
      expect(code).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('fails when the state-change endpoint is not there, saying which URL to check', async () => {
    const server = await startMockServer({ port: 0 });
    const out: string[] = [];
    try {
      const states = `${server.url}/_pact/provider-states`;
      const code = await runVerifyCommand(['--provider-base-url', server.url, '--provider-states-setup-url', states], {
        stdout: (t) => void out.push(t),
        stderr: () => undefined,
      });
      expect(code).toBe(1);
      expect(out.join('\n')).toContain(`is ${states} reachable, and does it know this state?`);
    } finally {
      await server.close();
    }
  });
});
