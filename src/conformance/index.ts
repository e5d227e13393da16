/**
 * `conform`: checks that a live implementation of the Jobs API (the real control plane, the
 * mock, the reference provider) behaves as openapi.yaml says.
 * @packageDocumentation
 */
export { runConformance } from './run-conformance.js';
export { toJUnitXml } from './junit.js';
export {
  CONFORMANCE_PROVIDER_STATES,
  conformanceOptionsFromProviderStates,
  type ProviderStateOptionsResult,
  type ProviderStateSource,
} from './options-from-provider-states.js';
export { formatReport } from './format-report.js';
export { findJobInvariantViolations } from './job-invariants.js';
export { compareTimestamps } from './timestamps.js';
export { expectedOutcome, isValidLimit, toRequestPath, type RequestCase, type ExpectedOutcome, type PrecedenceRule, type TargetKind } from './request-case.js';
export {
  ConformanceOptionsError,
  type CheckCounts,
  type CheckOutcome,
  type CheckedRequest,
  type ConformanceCheck,
  type ConformanceOptions,
  type ConformanceReport,
  type ConformanceSummary,
  type CredentialKind,
} from './types.js';
