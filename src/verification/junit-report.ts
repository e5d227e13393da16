import { interactionTitle, type VerificationReport } from './verification-report.js';

/**
 * The report as JUnit XML: one test suite per consumer/provider pair, one test case per
 * interaction, a `<failure>` carrying the mismatches.
 * @example
 * await writeFile('reports/pact.xml', toJUnitXml(report));
 */
export function toJUnitXml(report: VerificationReport): string {
  const suites = new Map<string, VerificationReport['interactions'][number][]>();
  for (const verdict of report.interactions) {
    const name = `${verdict.consumer} → ${verdict.provider}`;
    suites.set(name, [...(suites.get(name) ?? []), verdict]);
  }
  const failures = report.interactions.filter((v) => !v.ok).length + report.problems.length;
  const tests = report.interactions.length + report.problems.length;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="capydb-jobs verify" tests="${tests}" failures="${failures}">`,
  ];
  for (const [name, verdicts] of suites) {
    const suiteFailures = verdicts.filter((v) => !v.ok).length;
    out.push(`  <testsuite name="${escapeXml(name)}" tests="${verdicts.length}" failures="${suiteFailures}">`);
    for (const verdict of verdicts) {
      const open = `    <testcase classname="${escapeXml(`${verdict.consumer}.${verdict.provider}`)}" name="${escapeXml(interactionTitle(verdict))}"`;
      if (verdict.ok) {
        out.push(`${open}/>`);
      } else {
        out.push(`${open}>`);
        out.push(`      <failure message="${escapeXml(verdict.failures[0] ?? 'failed')}">${escapeXml(verdict.failures.join('\n'))}</failure>`);
        out.push('    </testcase>');
      }
    }
    out.push('  </testsuite>');
  }
  if (report.problems.length > 0) {
    out.push(`  <testsuite name="verification" tests="${report.problems.length}" failures="${report.problems.length}">`);
    report.problems.forEach((problem, index) => {
      out.push(`    <testcase classname="verification" name="problem ${index + 1}">`);
      out.push(`      <failure message="${escapeXml(problem)}">${escapeXml(problem)}</failure>`);
      out.push('    </testcase>');
    });
    out.push('  </testsuite>');
  }
  out.push('</testsuites>', '');
  return out.join('\n');
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Characters XML 1.0 cannot carry at all (ANSI escapes from Pact's output, for instance).
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}
