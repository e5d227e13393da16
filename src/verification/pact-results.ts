import type { PactInteraction } from './pact-interactions.js';
import type { InteractionVerdict } from './verification-report.js';

/** The JSON document Pact's native verifier returns (`pactffi_verifier_json`), as far as it is read here. */
interface PactResultsJson {
  readonly result?: boolean;
  readonly interactionResults?: readonly { readonly description?: string; readonly result?: string }[];
  readonly errors?: readonly { readonly interaction?: string; readonly mismatch?: PactMismatchGroup }[];
}
interface PactMismatchGroup {
  readonly type?: string;
  readonly message?: string;
  readonly mismatches?: readonly PactMismatch[];
}
interface PactMismatch {
  readonly type?: string;
  readonly mismatch?: string;
  readonly path?: string;
  readonly key?: string;
}

/**
 * Parse the verifier's JSON results; `undefined` when the text is not that document (Pact failed
 * before verifying anything).
 */
export function parsePactResults(text: string): PactResultsJson | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && 'interactionResults' in parsed ? (parsed as PactResultsJson) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Pair each interaction of the pacts with its result. Pact labels an error
 * `Verifying a pact between C and P Given S - D`; results carry only the description, so they are
 * taken in order per description.
 */
export function toVerdicts(interactions: readonly PactInteraction[], results: PactResultsJson, statesUrl: string): InteractionVerdict[] {
  const outcomes = new Map<string, string[]>();
  for (const entry of results.interactionResults ?? []) {
    const key = entry.description ?? '';
    outcomes.set(key, [...(outcomes.get(key) ?? []), entry.result ?? '']);
  }
  const errors = [...(results.errors ?? [])];
  return interactions.map((interaction) => {
    const outcome = outcomes.get(interaction.description)?.shift();
    const index = errors.findIndex((e) => matchesLabel(e.interaction ?? '', interaction));
    const error = index >= 0 ? errors.splice(index, 1)[0] : undefined;
    if (outcome === 'OK' && error === undefined) return { ...interaction, ok: true, failures: [] };
    const failures = error?.mismatch ? describeMismatches(error.mismatch, statesUrl) : [];
    if (failures.length === 0) failures.push(outcome === undefined ? 'not verified (Pact reported no result)' : `failed (${outcome})`);
    return { ...interaction, ok: false, failures };
  });
}

function matchesLabel(label: string, interaction: PactInteraction): boolean {
  return label.includes(`between ${interaction.consumer} and ${interaction.provider}`) && label.endsWith(` - ${interaction.description}`) &&
    interaction.states.every((state) => label.includes(state));
}

function describeMismatches(group: PactMismatchGroup, statesUrl: string): string[] {
  if (group.type === 'error') {
    const message = group.message ?? 'the interaction could not be verified';
    return /state change/i.test(message)
      ? [`${message}: is ${statesUrl} reachable, and does it know this state?`]
      : [message];
  }
  const order = ['StatusMismatch', 'HeaderMismatch', 'BodyTypeMismatch', 'BodyMismatch'];
  const rank = (m: PactMismatch) => (order.includes(m.type ?? '') ? order.indexOf(m.type ?? '') : order.length);
  return [...(group.mismatches ?? [])].sort((a, b) => rank(a) - rank(b)).map((m) => {
    const text = m.mismatch ?? JSON.stringify(m);
    switch (m.type) {
      case 'StatusMismatch':
        return `status: ${text}`;
      case 'HeaderMismatch':
        return `header ${m.key ?? ''}: ${text}`;
      case 'BodyMismatch':
        return `body ${m.path ?? ''}: ${text}`;
      case 'BodyTypeMismatch':
        return `body: ${text}`;
      default:
        return `${m.type ?? 'mismatch'}: ${text}`;
    }
  });
}
