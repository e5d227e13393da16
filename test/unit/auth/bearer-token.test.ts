import { describe, expect, it } from 'vitest';
import { MAX_AUTHORIZATION_LENGTH, readBearerToken } from '../../../src/auth/index.js';

describe('readBearerToken', () => {
  const accepted: readonly [string, string][] = [
    ['Bearer capy_live_abc', 'capy_live_abc'],
    ['bearer capy_live_abc', 'capy_live_abc'],
    ['BeArEr a.b-c_d~e+f/g==', 'a.b-c_d~e+f/g=='],
    [`Bearer ${'a'.repeat(MAX_AUTHORIZATION_LENGTH - 'Bearer '.length)}`, 'a'.repeat(MAX_AUTHORIZATION_LENGTH - 'Bearer '.length)],
  ];
  it.each(accepted)('reads %j', (header, token) => {
    expect(readBearerToken(header)).toEqual({ ok: true, value: token });
  });

  const refused: readonly [string | undefined, string][] = [
    [undefined, 'missing'],
    ['', 'missing'],
    [' ', 'malformed'],
    ['Bearer', 'malformed'],
    ['Bearer ', 'malformed'],
    [' Bearer abc', 'malformed'],
    ['Bearer abc ', 'malformed'],
    ['Bearer  abc', 'malformed'],
    ['Bearerabc', 'malformed'],
    ['Token abc', 'malformed'],
    ['Bearer abc, Bearer abc', 'malformed'],
    ['Bearer abc,def', 'malformed'],
    ['Bearer a=b', 'malformed'],
    ['Bearer abc\u00e9', 'malformed'],
    ['Bearer abc\n', 'malformed'],
    [`Bearer ${'a'.repeat(MAX_AUTHORIZATION_LENGTH)}`, 'malformed'],
  ];
  it.each(refused)('refuses %j as %s', (header, error) => {
    expect(readBearerToken(header)).toEqual({ ok: false, error });
  });
});
