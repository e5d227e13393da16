import type { JobState } from '../api/types.js';

/**
 * The legal moves of the job state machine: a worker claims a pending job, a running attempt
 * completes or fails, and a transient failure with attempts left puts the job back to pending.
 */
export const JOB_TRANSITIONS: Readonly<Record<JobState, readonly JobState[]>> = {
  pending: ['running'],
  running: ['completed', 'failed', 'pending'],
  completed: [],
  failed: [],
};

/**
 * Whether a job in this state never changes again.
 * @example
 * isTerminal('failed'); // true
 * isTerminal('running'); // false
 */
export function isTerminal(state: JobState): boolean {
  return state === 'completed' || state === 'failed';
}

/**
 * Whether the state machine allows `from` → `to`.
 * @example
 * canTransition('pending', 'running'); // true
 * canTransition('pending', 'completed'); // false
 */
export function canTransition(from: JobState, to: JobState): boolean {
  return JOB_TRANSITIONS[from].includes(to);
}

/**
 * The states a job in `state` may move to next (what a control panel should offer).
 * @example
 * nextStates('running'); // ['completed', 'failed', 'pending']
 */
export function nextStates(state: JobState): readonly JobState[] {
  return JOB_TRANSITIONS[state];
}
