import { Rng, hashWords, seedKey } from '../data/prng.js';
import type { FaultRule, FaultSpec } from './fault-spec.js';

/** The standing fault rules of one mock; decisions are drawn from a seeded generator. */
export interface FaultRules {
  list(): readonly FaultRule[];
  add(rule: Omit<FaultRule, 'id'>): FaultRule;
  remove(id: string): boolean;
  clear(): void;
  /** The fault to inject into this request, if a rule fires (a fired rule's `remaining` drops). */
  pick(operation: string, session: string | undefined): FaultSpec | undefined;
  /** The seeded 0..1 source also used for latency laws. */
  random(): number;
}

/**
 * Create an empty rule set.
 * @example createFaultRules(42).add({ fault: { kind: 'server-error' }, probability: 0.1, operation: 'any' })
 */
export function createFaultRules(seed: number): FaultRules {
  let rules: FaultRule[] = [];
  let counter = 0;
  const rng = new Rng(hashWords(seedKey(seed), 0xfa17));
  const random = (): number => rng.next();
  return {
    list: () => rules,
    add(rule) {
      counter += 1;
      const stored: FaultRule = { ...rule, id: `fault_${counter}` };
      rules = [...rules, stored];
      return stored;
    },
    remove(id) {
      const before = rules.length;
      rules = rules.filter((rule) => rule.id !== id);
      return rules.length !== before;
    },
    clear() {
      rules = [];
    },
    pick(operation, session) {
      for (const rule of rules) {
        if (rule.operation !== 'any' && rule.operation !== operation) continue;
        if (rule.session !== undefined && rule.session !== session) continue;
        if (rule.remaining !== undefined && rule.remaining <= 0) continue;
        if (rule.probability < 1 && random() >= rule.probability) continue;
        if (rule.remaining !== undefined) {
          rules = rules.map((r) => (r.id === rule.id ? { ...r, remaining: (r.remaining ?? 1) - 1 } : r));
        }
        return rule.fault;
      }
      return undefined;
    },
    random,
  };
}
