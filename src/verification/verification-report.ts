import type { PactInteraction } from './pact-interactions.js';

/** The verdict on one interaction of one pact. */
export interface InteractionVerdict extends PactInteraction {
  readonly ok: boolean;
  /** What did not match (status, header, body path) or why the interaction could not run. Empty when `ok`. */
  readonly failures: readonly string[];
}

/** The outcome of verifying a provider against a set of pacts. */
export interface VerificationReport {
  /** True when every interaction of every pact passed. */
  readonly ok: boolean;
  readonly providerBaseUrl: string;
  readonly pactPaths: readonly string[];
  readonly interactions: readonly InteractionVerdict[];
  /** Problems not tied to one interaction (e.g. a pact Pact could not load). */
  readonly problems: readonly string[];
}

/** `description (given state)`: how an interaction is named in reports and JUnit test cases. */
export function interactionTitle(interaction: PactInteraction): string {
  return interaction.states.length === 0
    ? interaction.description
    : `${interaction.description} (given ${interaction.states.join(' and ')})`;
}

/**
 * A readable report: one line per interaction, the mismatches under each failed one, a summary.
 * @example
 * io.stdout(formatVerificationReport(report));
 * // ✓ a request for a running job (given a job in state running exists)
 * // ✗ a request for an unknown job (given no job with this id exists)
 * //     status: expected 404 but was 500
 * // 12 passed, 1 failed (13 interactions)
 */
export function formatVerificationReport(report: VerificationReport): string {
  const lines = [`Verifying ${report.providerBaseUrl} against ${report.pactPaths.length} pact(s)`];
  let pair = '';
  for (const verdict of report.interactions) {
    const parties = `${verdict.consumer} → ${verdict.provider}`;
    if (parties !== pair) lines.push('', parties);
    pair = parties;
    lines.push(`  ${verdict.ok ? '✓' : '✗'} ${interactionTitle(verdict)}`);
    for (const failure of verdict.failures) lines.push(`      ${failure}`);
  }
  for (const problem of report.problems) lines.push('', `! ${problem}`);
  const failed = report.interactions.filter((v) => !v.ok).length;
  const passed = report.interactions.length - failed;
  lines.push('', `${passed} passed, ${failed} failed (${report.interactions.length} interactions)${report.ok ? '' : ': verification FAILED'}`);
  return lines.join('\n');
}
