import type { Preference } from '../core/prefer-header.js';
import { isFaultKind, type FaultSpec, type LatencyLaw } from './fault-spec.js';

/** A fault asked for per request, or the reason it could not be read. */
export type FaultParse = { readonly ok: true; readonly value: FaultSpec } | { readonly ok: false; readonly error: string };

const MAX_LATENCY_MS = 60_000;

/**
 * Read a per-request fault: `Prefer: fault=latency; ms=250`, `fault=latency; min=100; max=900`,
 * `fault=latency; median=200; sigma=0.8`, `fault=rate-limit; retry-after=3`, or the same as
 * `__fault=` query values (`__fault=latency;ms=250`).
 * @example parseFault({ value: 'reset', params: {} }) // { ok: true, value: { kind: 'reset' } }
 */
export function parseFault(preference: Preference): FaultParse {
  const kind = preference.value;
  if (!isFaultKind(kind)) return { ok: false, error: `unknown fault "${kind}"` };
  const p = preference.params;
  if (kind === 'latency') {
    const law = latencyLaw(p);
    return law.ok ? { ok: true, value: { kind, latency: law.value } } : law;
  }
  if (kind === 'rate-limit' || kind === 'unavailable') {
    if (p['retry-after'] === undefined) return { ok: true, value: { kind } };
    const seconds = number(p['retry-after'], 0, 3600);
    return seconds === undefined
      ? { ok: false, error: 'retry-after must be a number of seconds from 0 to 3600' }
      : { ok: true, value: { kind, retryAfterSeconds: seconds } };
  }
  return { ok: true, value: { kind } };
}

function latencyLaw(p: Readonly<Record<string, string>>): { ok: true; value: LatencyLaw } | { ok: false; error: string } {
  const bad = { ok: false as const, error: `latency parameters must be ms, min and max, or median and sigma, within 0 to ${MAX_LATENCY_MS} ms` };
  if (p['median'] !== undefined) {
    const medianMs = number(p['median'], 0, MAX_LATENCY_MS);
    const sigma = number(p['sigma'] ?? '0.5', 0, 5);
    return medianMs === undefined || sigma === undefined ? bad : { ok: true, value: { distribution: 'lognormal', medianMs, sigma } };
  }
  if (p['min'] !== undefined || p['max'] !== undefined) {
    const minMs = number(p['min'] ?? '0', 0, MAX_LATENCY_MS);
    const maxMs = number(p['max'] ?? '', 0, MAX_LATENCY_MS);
    return minMs === undefined || maxMs === undefined || maxMs < minMs ? bad : { ok: true, value: { distribution: 'uniform', minMs, maxMs } };
  }
  const ms = number(p['ms'] ?? '500', 0, MAX_LATENCY_MS);
  return ms === undefined ? bad : { ok: true, value: { distribution: 'fixed', ms } };
}

function number(text: string, min: number, max: number): number | undefined {
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}
