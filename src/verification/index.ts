/**
 * Provider verification: run the kit's Pact contracts against a running Jobs API and report per
 * interaction. Needs the optional peer dependency `@pact-foundation/pact`, loaded on first use.
 * @example
 * import { verifyProvider, formatVerificationReport } from './verification/index.js';
 * const result = await verifyProvider({ providerBaseUrl: 'http://127.0.0.1:8080' });
 * if (result.ok) console.log(formatVerificationReport(result.value));
 * @packageDocumentation
 */
export { verifyProvider, MOCK_PROVIDER_STATES_PATH } from './verify-provider.js';
export type { VerifyProviderError, VerifyProviderOptions, VerifyProviderResult } from './verify-provider.js';
export { formatVerificationReport, interactionTitle } from './verification-report.js';
export type { InteractionVerdict, VerificationReport } from './verification-report.js';
export { toJUnitXml } from './junit-report.js';
export { defaultPactPaths, findPackageRoot } from './default-pacts.js';
export { readPactInteractions } from './pact-interactions.js';
export type { PactInteraction, PactReadResult } from './pact-interactions.js';
export { replaceAuthorization } from './authorization-filter.js';
export type { FilterableRequest, RequestFilter } from './authorization-filter.js';
export { loadPactVerifier, MISSING_PACT_MESSAGE } from './load-pact-verifier.js';
export type { PactVerifierFactory, PactVerifierOptions } from './load-pact-verifier.js';
