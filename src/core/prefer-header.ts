/** One preference of a `Prefer` header (RFC 7240): `name=value; param=value`. */
export interface Preference {
  readonly value: string;
  readonly params: Readonly<Record<string, string>>;
}

/**
 * Parse a `Prefer` header into preferences by name (the first occurrence of a name wins).
 * @example parsePrefer('scenario=retrying, fault=latency; ms=250').get('fault')
 * // { value: 'latency', params: { ms: '250' } }
 */
export function parsePrefer(header: string | undefined): ReadonlyMap<string, Preference> {
  const preferences = new Map<string, Preference>();
  if (!header) return preferences;
  for (const part of header.split(',')) {
    const [head = '', ...rest] = part.split(';');
    const [name, value] = splitPair(head);
    if (!name || preferences.has(name)) continue;
    const params: Record<string, string> = {};
    for (const param of rest) {
      const [key, paramValue] = splitPair(param);
      if (key) params[key] = paramValue;
    }
    preferences.set(name, { value, params });
  }
  return preferences;
}

function splitPair(text: string): [string, string] {
  const index = text.indexOf('=');
  const name = (index < 0 ? text : text.slice(0, index)).trim().toLowerCase();
  const value = index < 0 ? '' : text.slice(index + 1).trim().replace(/^"(.*)"$/, '$1');
  return [name, value];
}
