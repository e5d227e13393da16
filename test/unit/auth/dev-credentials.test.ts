import { readFileSync } from 'node:fs';
import { SignJWT, decodeJwt, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  DEV_API_KEYS,
  DEV_CLERK_ISSUER,
  DEV_CREDENTIALS,
  DEV_JWKS,
  DEV_SESSION_SPECS,
  DEV_SESSION_TOKENS,
  createAuthenticator,
  type DevSessionName,
} from '../../../src/auth/index.js';

const PINNED_NOW = new Date('2026-06-18T09:15:00Z');
const readKey = (name: string): JWK & { _comment?: string } =>
  JSON.parse(readFileSync(new URL(`../../../scripts/dev-keys/${name}.private.jwk.json`, import.meta.url), 'utf8'));

describe('DEV_CREDENTIALS', () => {
  const auth = createAuthenticator({ clock: () => PINNED_NOW });

  it.each(DEV_CREDENTIALS.map((c) => [c.credentialId, c] as const))(
    '%s authenticates as documented at the pinned now',
    async (_id, credential) => {
      const result = await auth.authenticate(`Bearer ${credential.token}`);
      if (!result.ok) {
        expect(result.status).toBe(credential.expectedStatus);
        return;
      }
      expect(credential.expectedStatus).toBe(200);
      expect(result.principal).toMatchObject({
        kind: credential.kind,
        credentialId: credential.credentialId,
        organizationId: credential.organizationId,
        scopes: credential.scopes,
      });
      expect(result.principal.projectId).toBe(credential.projectId);
    },
  );

  it('covers every documented outcome: 200, 401 and 403 for keys and sessions alike', () => {
    const outcomes = new Set(DEV_CREDENTIALS.map((c) => `${c.kind === 'clerk-session' ? 'session' : 'key'} ${c.expectedStatus}`));
    expect([...outcomes].sort()).toEqual(['key 200', 'key 401', 'key 403', 'session 200', 'session 401', 'session 403']);
  });

  it('has unique labels and tokens, and a description for each', () => {
    expect(new Set(DEV_CREDENTIALS.map((c) => c.credentialId)).size).toBe(DEV_CREDENTIALS.length);
    expect(new Set(DEV_CREDENTIALS.map((c) => c.token)).size).toBe(DEV_CREDENTIALS.length);
    expect(DEV_CREDENTIALS.filter((c) => c.description.length < 20)).toEqual([]);
  });

  it('shapes API keys like real ones (capy_live_ + 32 base62)', () => {
    expect(DEV_API_KEYS.filter((k) => !/^capy_live_[A-Za-z0-9]{32}$/.test(k.token))).toEqual([]);
  });
});

describe('development session tokens', () => {
  const names = Object.keys(DEV_SESSION_SPECS) as DevSessionName[];

  it.each(names)('%s carries Clerk v2 claims and an RS256 header with the JWKS kid', (name) => {
    const token = DEV_SESSION_TOKENS[name];
    const claims = decodeJwt(token);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'RS256', kid: DEV_JWKS.keys[0]?.kid, typ: 'JWT' });
    expect(claims).toEqual(DEV_SESSION_SPECS[name].claims);
    expect(claims.sub).toMatch(/^user_2[A-Za-z0-9]{26}$/);
    expect(claims['sid']).toMatch(/^sess_2[A-Za-z0-9]{26}$/);
    expect(claims.iss === DEV_CLERK_ISSUER).toBe(name !== 'wrongIssuer');
  });

  it('publishes only the public part of the development key', () => {
    const [key] = DEV_JWKS.keys;
    const dev = readKey('clerk-dev-signing-key');
    expect(DEV_JWKS.keys).toHaveLength(1);
    expect(Object.keys(key ?? {}).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    expect(key?.n).toBe(dev.n);
    expect(readKey('impostor-signing-key').n).not.toBe(dev.n);
  });

  it.each(names)('%s is what scripts/make-dev-tokens.ts makes from the committed keys', async (name) => {
    const spec = DEV_SESSION_SPECS[name];
    const { _comment, ...jwk } = readKey(spec.signedBy === 'dev' ? 'clerk-dev-signing-key' : 'impostor-signing-key');
    const token = await new SignJWT({ ...spec.claims })
      .setProtectedHeader({ alg: 'RS256', kid: DEV_JWKS.keys[0]?.kid ?? '', typ: 'JWT' })
      .sign(await importJWK(jwk, 'RS256'));
    expect(DEV_SESSION_TOKENS[name]).toBe(token);
  });
});
