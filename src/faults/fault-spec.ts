/** The faults the mock can inject; every injected answer carries `x-capydb-mock-fault`. */
export const FAULT_KINDS = [
  'latency',
  'rate-limit',
  'server-error',
  'bad-gateway',
  'unavailable',
  'reset',
  'truncate',
  'null-jobs',
] as const;

/** One kind of fault. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** How long a latency fault waits. */
export type LatencyLaw =
  | { readonly distribution: 'fixed'; readonly ms: number }
  | { readonly distribution: 'uniform'; readonly minMs: number; readonly maxMs: number }
  | { readonly distribution: 'lognormal'; readonly medianMs: number; readonly sigma: number };

/** A fault to inject. */
export interface FaultSpec {
  readonly kind: FaultKind;
  /** For `latency` (default: fixed 500 ms). */
  readonly latency?: LatencyLaw;
  /** For `rate-limit` and `unavailable` (default 1 s). */
  readonly retryAfterSeconds?: number;
}

/** A standing rule: inject `fault` into matching requests with a probability. */
export interface FaultRule {
  readonly id: string;
  readonly fault: FaultSpec;
  /** 0 to 1; 1 means every matching request. */
  readonly probability: number;
  /** Which operation it hits; `any` by default. */
  readonly operation: 'listProjectJobs' | 'getJob' | 'any';
  /** Only requests of this session (`X-Mock-Session`), when set. */
  readonly session?: string;
  /** How many more times it may fire; unlimited when absent. */
  readonly remaining?: number;
}

/** True when `value` names a fault kind. */
export function isFaultKind(value: string): value is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(value);
}
