import { readFile } from 'node:fs/promises';

/** One interaction of a pact file, as the verification report names it. */
export interface PactInteraction {
  readonly consumer: string;
  readonly provider: string;
  readonly description: string;
  /** Provider-state sentences, in the pact's order (usually one). */
  readonly states: readonly string[];
}

/** Outcome of reading a pact file. */
export type PactReadResult =
  | { readonly ok: true; readonly value: readonly PactInteraction[] }
  | { readonly ok: false; readonly error: string };

/**
 * Read the interactions of a pact file (V2 to V4), for naming results and checking the file before
 * Pact runs.
 * @example
 * const read = await readPactInteractions('contracts/pacts/capydb-jobs-kit-client-capydb-jobs-api.json');
 * if (read.ok) console.log(read.value.map((i) => i.description));
 */
export async function readPactInteractions(path: string): Promise<PactReadResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { ok: false, error: `cannot read pact file ${path}` };
  }
  let pact: unknown;
  try {
    pact = JSON.parse(text);
  } catch {
    return { ok: false, error: `pact file ${path} is not JSON` };
  }
  const consumer = nameOf(pact, 'consumer');
  const provider = nameOf(pact, 'provider');
  const interactions = (pact as { interactions?: unknown }).interactions;
  if (consumer === undefined || provider === undefined || !Array.isArray(interactions)) {
    return { ok: false, error: `pact file ${path} has no consumer, provider or interactions` };
  }
  return {
    ok: true,
    value: interactions.map((interaction: unknown) => ({
      consumer,
      provider,
      description: String((interaction as { description?: unknown }).description ?? ''),
      states: statesOf(interaction),
    })),
  };
}

function nameOf(pact: unknown, party: 'consumer' | 'provider'): string | undefined {
  const name = (pact as Record<string, { name?: unknown } | undefined> | null)?.[party]?.name;
  return typeof name === 'string' ? name : undefined;
}

// V3/V4 pacts list `providerStates: [{ name }]`; V2 pacts carry one `providerState` string.
function statesOf(interaction: unknown): string[] {
  const { providerStates, providerState } = interaction as { providerStates?: unknown; providerState?: unknown };
  if (Array.isArray(providerStates)) {
    return providerStates.map((s: unknown) => String((s as { name?: unknown }).name ?? ''));
  }
  return typeof providerState === 'string' ? [providerState] : [];
}
