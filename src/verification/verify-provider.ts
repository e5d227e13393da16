import { replaceAuthorization } from './authorization-filter.js';
import { defaultPactPaths } from './default-pacts.js';
import { loadPactVerifier, type PactVerifierFactory } from './load-pact-verifier.js';
import { readPactInteractions, type PactInteraction } from './pact-interactions.js';
import { parsePactResults, toVerdicts } from './pact-results.js';
import type { VerificationReport } from './verification-report.js';

/** Path of the standalone mock's provider-state endpoint, the default state-change URL. */
export const MOCK_PROVIDER_STATES_PATH = '/__mock/provider-states';

/** What to verify against what. */
export interface VerifyProviderOptions {
  /** Root URL of the API under test, e.g. `http://127.0.0.1:8080`. */
  readonly providerBaseUrl: string;
  /** Replaces the bearer token of every request that carries one (never adds one). */
  readonly token?: string;
  /** Pact's state-change endpoint; default `<providerBaseUrl>/__mock/provider-states`. */
  readonly providerStatesSetupUrl?: string;
  /** Pact files; default the ones the kit ships in `contracts/pacts/`. */
  readonly pactPaths?: readonly string[];
  /** Pact's verifier; default loaded from `@pact-foundation/pact`. For tests. */
  readonly verifier?: PactVerifierFactory;
}

/** Why a verification could not run at all (as opposed to running and finding mismatches). */
export type VerifyProviderError =
  | { readonly kind: 'pact-unreadable'; readonly message: string }
  | { readonly kind: 'pact-unavailable'; readonly message: string }
  | { readonly kind: 'verifier-crashed'; readonly message: string };

/** Outcome of {@link verifyProvider}: a report (which may say "failed"), or why none was made. */
export type VerifyProviderResult =
  | { readonly ok: true; readonly value: VerificationReport }
  | { readonly ok: false; readonly error: VerifyProviderError };

/**
 * Verify a running provider against pact files with Pact's verifier: Pact asks the state-change
 * endpoint for each interaction's provider state, injects the ids and token it answers, sends the
 * request and compares the response.
 * @example
 * const result = await verifyProvider({ providerBaseUrl: 'http://127.0.0.1:8080', providerStatesSetupUrl: 'http://127.0.0.1:8080/_pact/provider-states' });
 * if (result.ok) console.log(formatVerificationReport(result.value));
 */
export async function verifyProvider(options: VerifyProviderOptions): Promise<VerifyProviderResult> {
  const providerBaseUrl = options.providerBaseUrl.replace(/\/+$/, '');
  const statesUrl = options.providerStatesSetupUrl ?? `${providerBaseUrl}${MOCK_PROVIDER_STATES_PATH}`;
  const pactPaths = [...(options.pactPaths ?? defaultPactPaths())];
  if (pactPaths.length === 0) return { ok: false, error: { kind: 'pact-unreadable', message: 'no pact files to verify' } };

  const interactions: PactInteraction[] = [];
  for (const path of pactPaths) {
    const read = await readPactInteractions(path);
    if (!read.ok) return { ok: false, error: { kind: 'pact-unreadable', message: read.error } };
    interactions.push(...read.value);
  }

  let createVerifier = options.verifier;
  if (createVerifier === undefined) {
    const loaded = await loadPactVerifier();
    if (!loaded.ok) return { ok: false, error: { kind: 'pact-unavailable', message: loaded.error } };
    createVerifier = loaded.value;
  }

  let text: string;
  try {
    text = await createVerifier({
      providerBaseUrl,
      pactUrls: pactPaths,
      providerStatesSetupUrl: statesUrl,
      logLevel: 'error',
      ...(options.token === undefined ? {} : { requestFilter: replaceAuthorization(options.token) }),
    }).verifyProvider();
  } catch (cause) {
    // Pact rejects a failed verification with its JSON results as the message.
    text = cause instanceof Error ? cause.message : String(cause);
  }
  const results = parsePactResults(text);
  if (results === undefined) return { ok: false, error: { kind: 'verifier-crashed', message: `Pact could not verify: ${firstLine(text)}` } };

  const verdicts = toVerdicts(interactions, results, statesUrl);
  const problems = results.result === false && verdicts.every((v) => v.ok) ? ['Pact reported a failure outside any interaction'] : [];
  return {
    ok: true,
    value: { ok: problems.length === 0 && verdicts.every((v) => v.ok), providerBaseUrl, pactPaths, interactions: verdicts, problems },
  };
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
