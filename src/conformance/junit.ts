import type { ConformanceCheck, ConformanceReport } from './types.js';

const escapeXml = (text: string) =>
  // Characters XML 1.0 cannot carry at all are dropped.
  text.replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replace(/[<>&'"]/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c] ?? ''};`);

const describe = (check: ConformanceCheck) => (check.request ? `${check.request.method} ${check.request.path} [${check.request.credential}]` : check.name);

/**
 * The report as JUnit XML: one `<testsuite>` per check name, one `<testcase>` per check;
 * failures are `<failure>`, warnings are kept in `<system-out>`.
 * @example
 * writeFileSync('conform.xml', toJUnitXml(report));
 */
export function toJUnitXml(report: ConformanceReport): string {
  const groups = new Map<string, ConformanceCheck[]>();
  for (const check of report.checks) groups.set(check.name, [...(groups.get(check.name) ?? []), check]);
  const seconds = (report.durationMs / 1000).toFixed(3);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="capydb-jobs conform" tests="${report.summary.total}" failures="${report.summary.failed}" errors="0" time="${seconds}">`,
  ];
  for (const [name, checks] of groups) {
    const failures = checks.filter((c) => c.outcome === 'fail').length;
    lines.push(`  <testsuite name="${escapeXml(name)}" tests="${checks.length}" failures="${failures}" errors="0" skipped="0">`);
    checks.forEach((check, i) => {
      const head = `    <testcase classname="conform.${escapeXml(name)}" name="${escapeXml(`${i + 1}: ${describe(check)}`)}"`;
      if (check.outcome === 'pass') lines.push(`${head}/>`);
      else if (check.outcome === 'fail') lines.push(`${head}>`, `      <failure message="${escapeXml(check.message)}">${escapeXml(check.message)}</failure>`, '    </testcase>');
      else lines.push(`${head}>`, `      <system-out>${escapeXml(`warning: ${check.message}`)}</system-out>`, '    </testcase>');
    });
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
