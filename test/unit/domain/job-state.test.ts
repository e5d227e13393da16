import { describe, expect, it } from 'vitest';
import { JOB_STATES, type JobState } from '../../../src/api/types.js';
import { canTransition, isTerminal, nextStates } from '../../../src/domain/index.js';

/** The state machine, written out independently of the implementation's table. */
const LEGAL = new Set(['pending>running', 'running>completed', 'running>failed', 'running>pending']);
const pairs = JOB_STATES.flatMap((from) => JOB_STATES.map((to) => [from, to] as const));

describe('job states', () => {
  it.each(pairs)('%s → %s is legal only if the lifecycle allows it', (from, to) => {
    expect(canTransition(from, to)).toBe(LEGAL.has(`${from}>${to}`));
  });

  it.each<[JobState, boolean]>([
    ['pending', false],
    ['running', false],
    ['completed', true],
    ['failed', true],
  ])('isTerminal(%s) is %s', (state, terminal) => {
    expect(isTerminal(state)).toBe(terminal);
  });

  it.each(JOB_STATES)('nextStates(%s) offers exactly the legal moves', (state) => {
    const expected = JOB_STATES.filter((to) => LEGAL.has(`${state}>${to}`));
    expect([...nextStates(state)].sort()).toEqual([...expected].sort());
    expect(nextStates(state).length === 0).toBe(isTerminal(state));
  });
});
