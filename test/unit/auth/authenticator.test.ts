import { describe, expect, it } from 'vitest';
import {
  BAD_SIGNATURE_SESSION_TOKEN,
  EXPIRING_SESSION_TOKEN,
  FOREIGN_API_KEY,
  FOREIGN_SESSION_TOKEN,
  NO_JOBS_SCOPE_API_KEY,
  NO_ORGANIZATION_SESSION_TOKEN,
  PROJECT_API_KEY,
  README_API_KEY,
  REVOKED_API_KEY,
  SESSION_TOKEN,
  WILDCARD_API_KEY,
  WRONG_ISSUER_SESSION_TOKEN,
  createAuthenticator,
  type AuthResult,
} from '../../../src/auth/index.js';
import {
  FOREIGN_ORGANIZATION_ID,
  MAIN_ORGANIZATION_ID,
  MAIN_PROJECT_ID,
} from '../../../src/data/topology.js';

const PINNED_NOW = new Date('2026-06-18T09:15:00Z');

function authenticatorAt(now: Date) {
  let current = now;
  const auth = createAuthenticator({ clock: () => current });
  return { auth, moveTo: (next: Date) => void (current = next) };
}

const UNAUTHORIZED = { ok: false, status: 401, error: 'unauthorized' } as const;
const FORBIDDEN = { ok: false, status: 403, error: 'forbidden: missing scope jobs:read' } as const;

describe('createAuthenticator: credentials that pass', () => {
  const cases: readonly {
    name: string;
    header: string;
    kind: string;
    credentialId: string | RegExp;
    organizationId: string;
    projectId?: string;
    scopes: readonly string[];
  }[] = [
    { name: 'README org key', header: `Bearer ${README_API_KEY}`, kind: 'org-key', credentialId: 'key_acme_jobs_read', organizationId: MAIN_ORGANIZATION_ID, scopes: ['jobs:read'] },
    { name: 'lowercase scheme', header: `bearer ${README_API_KEY}`, kind: 'org-key', credentialId: 'key_acme_jobs_read', organizationId: MAIN_ORGANIZATION_ID, scopes: ['jobs:read'] },
    { name: 'uppercase scheme', header: `BEARER ${README_API_KEY}`, kind: 'org-key', credentialId: 'key_acme_jobs_read', organizationId: MAIN_ORGANIZATION_ID, scopes: ['jobs:read'] },
    { name: 'wildcard org key', header: `Bearer ${WILDCARD_API_KEY}`, kind: 'org-key', credentialId: 'key_acme_all', organizationId: MAIN_ORGANIZATION_ID, scopes: ['*'] },
    { name: 'project-scoped key', header: `Bearer ${PROJECT_API_KEY}`, kind: 'project-key', credentialId: 'key_acme_storefront_jobs_read', organizationId: MAIN_ORGANIZATION_ID, projectId: MAIN_PROJECT_ID, scopes: ['jobs:read'] },
    { name: 'foreign org key', header: `Bearer ${FOREIGN_API_KEY}`, kind: 'org-key', credentialId: 'key_globex_jobs_read', organizationId: FOREIGN_ORGANIZATION_ID, scopes: ['jobs:read'] },
    { name: 'Clerk session', header: `Bearer ${SESSION_TOKEN}`, kind: 'clerk-session', credentialId: /^sess_2[A-Za-z0-9]{26}$/, organizationId: MAIN_ORGANIZATION_ID, scopes: ['jobs:read', 'projects:read'] },
    { name: 'expiring Clerk session before expiry', header: `Bearer ${EXPIRING_SESSION_TOKEN}`, kind: 'clerk-session', credentialId: /^sess_2/, organizationId: MAIN_ORGANIZATION_ID, scopes: ['jobs:read', 'projects:read'] },
    { name: 'foreign Clerk session', header: `Bearer ${FOREIGN_SESSION_TOKEN}`, kind: 'clerk-session', credentialId: /^sess_2/, organizationId: FOREIGN_ORGANIZATION_ID, scopes: ['jobs:read', 'projects:read'] },
  ];

  it.each(cases)('$name resolves to its principal', async (c) => {
    const { auth } = authenticatorAt(PINNED_NOW);
    const result = await auth.authenticate(c.header);
    if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
    expect(result.principal.kind).toBe(c.kind);
    expect(result.principal.credentialId).toMatch(c.credentialId);
    expect(result.principal.organizationId).toBe(c.organizationId);
    expect(result.principal.projectId).toBe(c.projectId);
    expect(result.principal.scopes).toEqual(c.scopes);
  });

  it('gives a session principal its Clerk user', async () => {
    const { auth } = authenticatorAt(PINNED_NOW);
    const result = await auth.authenticate(`Bearer ${SESSION_TOKEN}`);
    expect(result.ok && result.principal.userId).toMatch(/^user_2[A-Za-z0-9]{26}$/);
    const key = await auth.authenticate(`Bearer ${README_API_KEY}`);
    expect(key.ok && 'userId' in key.principal).toBe(false);
  });
});

describe('createAuthenticator: credentials that fail', () => {
  const tampered = `${README_API_KEY.slice(0, -1)}${README_API_KEY.endsWith('x') ? 'y' : 'x'}`;
  const cases: readonly { name: string; header: string | undefined; expected: AuthResult; reason: string }[] = [
    { name: 'missing header', header: undefined, expected: UNAUTHORIZED, reason: 'missing' },
    { name: 'empty header', header: '', expected: UNAUTHORIZED, reason: 'missing' },
    { name: 'Basic scheme', header: 'Basic dXNlcjpwYXNzd29yZA==', expected: UNAUTHORIZED, reason: 'malformed' },
    { name: 'bare token without scheme', header: README_API_KEY, expected: UNAUTHORIZED, reason: 'malformed' },
    { name: 'Bearer without token', header: 'Bearer', expected: UNAUTHORIZED, reason: 'malformed' },
    { name: 'Bearer and a space only', header: 'Bearer ', expected: UNAUTHORIZED, reason: 'malformed' },
    { name: 'two spaces', header: `Bearer  ${README_API_KEY}`, expected: UNAUTHORIZED, reason: 'malformed' },
    { name: 'tab separator', header: `Bearer\t${README_API_KEY}`, expected: UNAUTHORIZED, reason: 'malformed' },
    { name: 'repeated header joined by fetch/Node', header: `Bearer ${README_API_KEY}, Bearer ${README_API_KEY}`, expected: UNAUTHORIZED, reason: 'malformed' },
    { name: 'two tokens after one scheme', header: `Bearer ${README_API_KEY} ${WILDCARD_API_KEY}`, expected: UNAUTHORIZED, reason: 'malformed' },
    { name: 'non-ASCII token', header: `Bearer ${README_API_KEY.slice(0, -1)}é`, expected: UNAUTHORIZED, reason: 'malformed' },
    { name: 'non-ASCII scheme', header: `Bеarer ${README_API_KEY}`, expected: UNAUTHORIZED, reason: 'malformed' },
    { name: '64 KiB header', header: `Bearer capy_live_${'a'.repeat(64 * 1024)}`, expected: UNAUTHORIZED, reason: 'malformed' },
    { name: 'unknown capy_live_ key', header: `Bearer ${tampered}`, expected: UNAUTHORIZED, reason: 'unknown-key' },
    { name: 'key with another prefix', header: 'Bearer sk_live_k3VjnN6ueOh3jkhDVfGphJMrC9Gu9dKy', expected: UNAUTHORIZED, reason: 'invalid-session' },
    { name: 'revoked key', header: `Bearer ${REVOKED_API_KEY}`, expected: UNAUTHORIZED, reason: 'revoked-key' },
    { name: 'key without jobs:read', header: `Bearer ${NO_JOBS_SCOPE_API_KEY}`, expected: FORBIDDEN, reason: 'missing-scope' },
    { name: 'session signed by another key', header: `Bearer ${BAD_SIGNATURE_SESSION_TOKEN}`, expected: UNAUTHORIZED, reason: 'bad-signature' },
    { name: 'session of another issuer', header: `Bearer ${WRONG_ISSUER_SESSION_TOKEN}`, expected: UNAUTHORIZED, reason: 'wrong-issuer' },
    { name: 'session without organization', header: `Bearer ${NO_ORGANIZATION_SESSION_TOKEN}`, expected: FORBIDDEN, reason: 'missing-scope' },
    { name: 'garbage eyJ token', header: 'Bearer eyJhbGciOiJSUzI1NiJ9garbage', expected: UNAUTHORIZED, reason: 'invalid-session' },
    { name: 'well-formed JWT with a made-up signature', header: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln', expected: UNAUTHORIZED, reason: 'bad-signature' },
    { name: 'truncated session', header: `Bearer ${SESSION_TOKEN.slice(0, SESSION_TOKEN.lastIndexOf('.'))}`, expected: UNAUTHORIZED, reason: 'invalid-session' },
    { name: 'session with a flipped signature', header: `Bearer ${flipLastSignatureChar(SESSION_TOKEN)}`, expected: UNAUTHORIZED, reason: 'bad-signature' },
  ];

  it.each(cases)('$name → $expected.status ($reason)', async (c) => {
    const { auth } = authenticatorAt(PINNED_NOW);
    expect(await auth.authenticate(c.header)).toEqual({ ...c.expected, reason: c.reason });
  });
});

function flipLastSignatureChar(token: string): string {
  // The first character of the signature carries full 6 bits (the last one may carry padding bits).
  const dot = token.lastIndexOf('.') + 1;
  const first = token.charAt(dot);
  return `${token.slice(0, dot)}${first === 'A' ? 'B' : 'A'}${token.slice(dot + 1)}`;
}

describe('createAuthenticator: the clock decides session expiry', () => {
  const EXPIRY = new Date('2026-07-01T00:00:00Z');
  const header = `Bearer ${EXPIRING_SESSION_TOKEN}`;

  it('expires a cached session when the clock moves past exp, and not before', async () => {
    const { auth, moveTo } = authenticatorAt(PINNED_NOW);
    expect((await auth.authenticate(header)).ok).toBe(true);
    moveTo(new Date(EXPIRY.getTime() - 1000));
    expect((await auth.authenticate(header)).ok).toBe(true);
    moveTo(EXPIRY);
    expect(await auth.authenticate(header)).toEqual({ ...UNAUTHORIZED, reason: 'expired-session' });
    moveTo(new Date('2026-12-03T18:00:00Z'));
    expect(await auth.authenticate(header)).toEqual({ ...UNAUTHORIZED, reason: 'expired-session' });
    moveTo(PINNED_NOW);
    expect((await auth.authenticate(header)).ok).toBe(true);
  });

  it('refuses a session first seen after exp, and accepts it once the clock moves back', async () => {
    const { auth, moveTo } = authenticatorAt(EXPIRY);
    expect(await auth.authenticate(header)).toEqual({ ...UNAUTHORIZED, reason: 'expired-session' });
    moveTo(PINNED_NOW);
    expect((await auth.authenticate(header)).ok).toBe(true);
  });

  it('refuses a cached session before its nbf (issued 2024-01-01, nbf 10 s earlier)', async () => {
    const nbf = new Date('2023-12-31T23:59:50Z');
    const { auth, moveTo } = authenticatorAt(PINNED_NOW);
    expect((await auth.authenticate(`Bearer ${SESSION_TOKEN}`)).ok).toBe(true);
    moveTo(new Date(nbf.getTime() - 1000));
    expect(await auth.authenticate(`Bearer ${SESSION_TOKEN}`)).toEqual({ ...UNAUTHORIZED, reason: 'not-yet-valid-session' });
    moveTo(nbf);
    expect((await auth.authenticate(`Bearer ${SESSION_TOKEN}`)).ok).toBe(true);
  });

  it('refuses a fresh session before its nbf', async () => {
    const { auth } = authenticatorAt(new Date('2023-06-01T00:00:00Z'));
    expect(await auth.authenticate(`Bearer ${SESSION_TOKEN}`)).toEqual({ ...UNAUTHORIZED, reason: 'not-yet-valid-session' });
  });

  it('keeps API keys valid whatever the clock', async () => {
    const { auth } = authenticatorAt(new Date('2199-01-01T00:00:00Z'));
    expect((await auth.authenticate(`Bearer ${README_API_KEY}`)).ok).toBe(true);
    expect(await auth.authenticate(`Bearer ${SESSION_TOKEN}`)).toEqual({ ...UNAUTHORIZED, reason: 'expired-session' });
  });

  it('still expires sessions with a one-entry cache under churn', async () => {
    let now = PINNED_NOW;
    const auth = createAuthenticator({ clock: () => now, sessionCacheSize: 1 });
    expect((await auth.authenticate(header)).ok).toBe(true);
    expect((await auth.authenticate(`Bearer ${SESSION_TOKEN}`)).ok).toBe(true);
    now = EXPIRY;
    expect((await auth.authenticate(header)).ok).toBe(false);
    expect((await auth.authenticate(`Bearer ${SESSION_TOKEN}`)).ok).toBe(true);
  });
});

describe('createAuthenticator: options', () => {
  it('accepts only the given API keys when credentials are passed', async () => {
    const auth = createAuthenticator({
      clock: () => PINNED_NOW,
      credentials: [
        { credentialId: 'key_custom', kind: 'org-key', token: 'capy_live_custom0000000000000000000000', organizationId: 'org_custom', scopes: ['*'] },
      ],
    });
    const custom = await auth.authenticate('Bearer capy_live_custom0000000000000000000000');
    expect(custom.ok && custom.principal.credentialId).toBe('key_custom');
    expect(await auth.authenticate(`Bearer ${README_API_KEY}`)).toEqual({ ...UNAUTHORIZED, reason: 'unknown-key' });
  });

  it('refuses dev sessions under another JWKS', async () => {
    const auth = createAuthenticator({ clock: () => PINNED_NOW, jwks: { keys: [] } });
    expect(await auth.authenticate(`Bearer ${SESSION_TOKEN}`)).toEqual({ ...UNAUTHORIZED, reason: 'bad-signature' });
  });

  it('refuses dev sessions under another issuer, accepts the wrong-issuer one there', async () => {
    const auth = createAuthenticator({ clock: () => PINNED_NOW, issuer: 'https://clerk.example.com' });
    expect(await auth.authenticate(`Bearer ${SESSION_TOKEN}`)).toEqual({ ...UNAUTHORIZED, reason: 'wrong-issuer' });
    expect((await auth.authenticate(`Bearer ${WRONG_ISSUER_SESSION_TOKEN}`)).ok).toBe(true);
  });
});
