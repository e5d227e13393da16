import type { RequestFilter } from './authorization-filter.js';

/** The options of Pact's `Verifier` this kit sets. */
export interface PactVerifierOptions {
  readonly providerBaseUrl: string;
  readonly pactUrls: string[];
  readonly providerStatesSetupUrl: string;
  readonly logLevel: 'error';
  readonly requestFilter?: RequestFilter;
}

/** Pact's `Verifier`, reduced to what `verifyProvider` calls. */
export type PactVerifierFactory = (options: PactVerifierOptions) => { verifyProvider(): Promise<string> };

/** Outcome of loading Pact. */
export type LoadPactVerifierResult =
  | { readonly ok: true; readonly value: PactVerifierFactory }
  | { readonly ok: false; readonly error: string };

/** The one-line message when the optional peer dependency is missing. */
export const MISSING_PACT_MESSAGE =
  'verify needs @pact-foundation/pact 16 (an optional peer dependency): npm install --save-dev @pact-foundation/pact@^16.5.0';

/**
 * Load Pact's verifier on demand: `@pact-foundation/pact` is an optional peer dependency (it
 * brings a native library), so the rest of the kit works without it.
 * @example
 * const loaded = await loadPactVerifier();
 * if (!loaded.ok) io.stderr(loaded.error);
 */
export async function loadPactVerifier(): Promise<LoadPactVerifierResult> {
  // Pact reports usage to a telemetry endpoint unless told not to; a verification reaches only the provider.
  process.env['PACT_DO_NOT_TRACK'] = 'true';
  try {
    const { Verifier } = await import('@pact-foundation/pact');
    return { ok: true, value: (options) => new Verifier({ ...options, pactUrls: [...options.pactUrls] }) };
  } catch (cause) {
    const code = (cause as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return { ok: false, error: MISSING_PACT_MESSAGE };
    return { ok: false, error: `cannot load @pact-foundation/pact: ${cause instanceof Error ? cause.message : String(cause)}` };
  }
}
