import { SignJWT, UnsecuredJWT, exportJWK, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { SESSION_TOKEN, createClerkSessionVerifier } from '../../../src/auth/index.js';

const ISSUER = 'https://clerk.test.capydb.dev';
const NOW = new Date('2026-06-18T09:15:00Z');
const NOW_S = NOW.getTime() / 1000;
const GOOD: JWTPayload = {
  iss: ISSUER,
  sub: 'user_2testtesttesttesttesttest0',
  sid: 'sess_2testtesttesttesttesttest0',
  azp: 'https://capydb.dev',
  iat: NOW_S - 60,
  nbf: NOW_S - 70,
  exp: NOW_S + 60,
  v: 2,
  o: { id: 'org_2test', rol: 'admin', slg: 'test' },
};

let signingKey: CryptoKey;
let otherKey: CryptoKey;
let verifier: ReturnType<typeof createClerkSessionVerifier>;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  signingKey = pair.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'ins_test', alg: 'RS256', use: 'sig' };
  verifier = createClerkSessionVerifier({ jwks: { keys: [jwk] }, issuer: ISSUER, clock: () => NOW });
});

const sign = (payload: JWTPayload, key: CryptoKey = signingKey, kid = 'ins_test') =>
  new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid }).sign(key);

const without = (claim: string): JWTPayload => Object.fromEntries(Object.entries(GOOD).filter(([k]) => k !== claim));

describe('createClerkSessionVerifier', () => {
  it('verifies a well-formed session and reads the organization from o.id', async () => {
    expect(await verifier.verify(await sign(GOOD))).toEqual({
      ok: true,
      value: {
        sessionId: GOOD['sid'],
        userId: GOOD.sub,
        organizationId: 'org_2test',
        expiresAt: GOOD.exp,
        notBefore: GOOD.nbf,
      },
    });
  });

  it('verifies a session without o as one with no organization', async () => {
    const result = await verifier.verify(await sign(without('o')));
    expect(result.ok && result.value.organizationId).toBeUndefined();
    expect(result.ok).toBe(true);
  });

  const failures: readonly { name: string; token: () => Promise<string>; reason: string }[] = [
    { name: 'another issuer', token: () => sign({ ...GOOD, iss: 'https://clerk.example.com' }), reason: 'wrong-issuer' },
    { name: 'no issuer', token: () => sign(without('iss')), reason: 'wrong-issuer' },
    { name: 'no exp', token: () => sign(without('exp')), reason: 'invalid-session' },
    { name: 'no sid', token: () => sign(without('sid')), reason: 'invalid-session' },
    { name: 'no sub', token: () => sign(without('sub')), reason: 'invalid-session' },
    { name: 'expired', token: () => sign({ ...GOOD, exp: NOW_S }), reason: 'expired-session' },
    { name: 'not yet valid', token: () => sign({ ...GOOD, nbf: NOW_S + 1 }), reason: 'not-yet-valid-session' },
    { name: 'o as a string', token: () => sign({ ...GOOD, o: 'org_2test' }), reason: 'invalid-session' },
    { name: 'o with an empty id', token: () => sign({ ...GOOD, o: { id: '', rol: 'admin' } }), reason: 'invalid-session' },
    { name: 'signed by another key with the same kid', token: () => sign(GOOD, otherKey), reason: 'bad-signature' },
    { name: 'signed with an unknown kid', token: () => sign(GOOD, signingKey, 'ins_other'), reason: 'bad-signature' },
    { name: 'alg none', token: async () => new UnsecuredJWT(GOOD).encode(), reason: 'invalid-session' },
    {
      name: 'HS256',
      token: () => new SignJWT(GOOD).setProtectedHeader({ alg: 'HS256', kid: 'ins_test' }).sign(new TextEncoder().encode('s'.repeat(32))),
      reason: 'invalid-session',
    },
    {
      name: 'payload swapped to another org, signature kept',
      token: async () => {
        const [header, , signature] = (await sign(GOOD)).split('.');
        const forged = btoa(JSON.stringify({ ...GOOD, o: { id: 'org_2other', rol: 'admin', slg: 'x' } }))
          .replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
        return `${header}.${forged}.${signature}`;
      },
      reason: 'bad-signature',
    },
    { name: 'a dev session under a test JWKS', token: async () => SESSION_TOKEN, reason: 'bad-signature' },
    { name: 'not a JWT', token: async () => 'not-a-jwt', reason: 'invalid-session' },
  ];

  it.each(failures)('refuses a session with $name ($reason)', async (c) => {
    expect(await verifier.verify(await c.token())).toEqual({ ok: false, error: c.reason });
  });
});
