import type { CheckCounts, ConformanceCheck, ConformanceOptions, ConformanceReport } from './types.js';

/** Everything a report is made of. */
export interface ReportParts {
  readonly options: Pick<ConformanceOptions, 'baseUrl'>;
  readonly seed: number;
  readonly strict: boolean;
  /** Start time, ms since the epoch. */
  readonly started: number;
  readonly checks: readonly ConformanceCheck[];
  readonly requests: number;
}

/**
 * Count the checks and assemble the report.
 * @example
 * summarize({ options: { baseUrl }, seed: 1, strict: false, started: Date.now(), checks: [], requests: 0 }).ok; // true
 */
export function summarize(parts: ReportParts): ConformanceReport {
  const byName: Record<string, { passed: number; failed: number; warnings: number }> = {};
  for (const check of parts.checks) {
    const counts = (byName[check.name] ??= { passed: 0, failed: 0, warnings: 0 });
    if (check.outcome === 'pass') counts.passed++;
    else if (check.outcome === 'fail') counts.failed++;
    else counts.warnings++;
  }
  const total = (key: keyof CheckCounts) => Object.values(byName).reduce((sum, c) => sum + c[key], 0);
  const failed = total('failed');
  return {
    baseUrl: parts.options.baseUrl,
    seed: parts.seed,
    strict: parts.strict,
    startedAt: new Date(parts.started).toISOString(),
    durationMs: Date.now() - parts.started,
    checks: parts.checks,
    summary: {
      total: parts.checks.length,
      passed: total('passed'),
      failed,
      warnings: total('warnings'),
      requests: parts.requests,
      byName,
      failedNames: Object.keys(byName)
        .filter((name) => (byName[name]?.failed ?? 0) > 0)
        .sort(),
    },
    ok: failed === 0,
  };
}
