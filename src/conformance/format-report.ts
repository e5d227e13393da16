import type { ConformanceReport } from './types.js';

const MAX_LISTED = 20;

/**
 * A readable summary: one line per check name, then the failures (and warnings) with their
 * requests, then the totals.
 * @example
 * io.stdout(formatReport(report));
 */
export function formatReport(report: ConformanceReport): string {
  const lines = [`conform ${report.baseUrl} (seed ${report.seed}${report.strict ? ', strict' : ''}): ${report.summary.requests} requests, ${report.summary.total} checks`, ''];
  const names = Object.keys(report.summary.byName).sort();
  const width = Math.max(0, ...names.map((n) => n.length));
  for (const name of names) {
    const c = report.summary.byName[name] ?? { passed: 0, failed: 0, warnings: 0 };
    const mark = c.failed > 0 ? 'FAIL' : c.warnings > 0 ? 'warn' : 'ok  ';
    lines.push(`  ${mark} ${name.padEnd(width)}  ${c.passed} passed${c.failed ? `, ${c.failed} failed` : ''}${c.warnings ? `, ${c.warnings} warnings` : ''}`);
  }
  for (const outcome of ['fail', 'warn'] as const) {
    const listed = report.checks.filter((c) => c.outcome === outcome);
    if (listed.length === 0) continue;
    lines.push('', outcome === 'fail' ? 'Failures:' : 'Warnings:');
    // At most three of each check name, so that one noisy check does not hide the others.
    const firsts = new Map<string, typeof listed>();
    for (const c of listed) firsts.set(c.name, [...(firsts.get(c.name) ?? []), c]);
    const shown = [...firsts.values()].flatMap((group) => group.slice(0, 3)).slice(0, MAX_LISTED);
    for (const c of shown) lines.push(`  ${c.name}: ${c.message}${c.request ? `  [${c.request.method} ${c.request.path} as ${c.request.credential}]` : ''}`);
    if (listed.length > shown.length) lines.push(`  ... and ${listed.length - shown.length} more`);
  }
  const s = report.summary;
  lines.push('', `${report.ok ? 'PASS' : 'FAIL'}: ${s.passed} passed, ${s.failed} failed, ${s.warnings} warnings`);
  return lines.join('\n');
}
