import type { JobState } from '../api/types.js';

/** A job a scenario seeds, described by what QA cares about; the domain fills the rest. */
export interface ScenarioJobSpec {
  readonly ref: string;
  readonly type?: string;
  readonly state: JobState;
  readonly attempts?: number;
  readonly maxAttempts?: number;
  readonly failure?: 'transient' | 'permanent';
  readonly exitCode?: number;
  readonly error?: string;
  readonly stderr?: string;
  readonly stdout?: string;
  readonly preview?: boolean;
  readonly ageMinutes?: number;
  readonly runMinutes?: number;
  readonly hugeOutput?: { readonly bytes: number };
  readonly nulls?: readonly string[];
}

/** Outcomes of a live job's lifecycle. */
export type LiveOutcome = 'success' | 'retry-then-success' | 'retries-exhausted' | 'permanent-failure';

/** A job that moves through its lifecycle on the mock's clock. */
export interface ScenarioLiveJob {
  readonly ref: string;
  readonly type: string;
  readonly outcome?: LiveOutcome;
  readonly preview?: boolean;
  readonly durationSeconds?: number;
}

/** A Pact provider state a scenario answers to. */
export interface ScenarioProviderState {
  readonly state: string;
  readonly params?: Readonly<Record<string, object>>;
  readonly values?: Readonly<Record<string, string>>;
}

/** What a scenario's test checks after applying it. */
export interface ScenarioExpect {
  readonly total?: number;
  readonly listed?: number;
  readonly states?: Partial<Record<JobState, number>>;
  readonly jobs?: readonly {
    readonly ref: string;
    readonly fields?: Readonly<Record<string, unknown>>;
    readonly present?: readonly string[];
    readonly absent?: readonly string[];
    readonly minLength?: Readonly<Record<string, number>>;
  }[];
  readonly timeline?: readonly { readonly afterSeconds: number; readonly ref: string; readonly state: JobState; readonly attempts?: number }[];
}

/** A scenario file, validated against `mocks/scenarios/scenario.schema.json`. */
export interface Scenario {
  readonly name: string;
  readonly description: string;
  readonly project?: string;
  readonly mode?: 'replace' | 'prepend';
  readonly clock?: { readonly frozen?: boolean; readonly speed?: number };
  readonly providerStates?: readonly ScenarioProviderState[];
  readonly generate?: number;
  readonly jobs?: readonly ScenarioJobSpec[];
  readonly live?: readonly ScenarioLiveJob[];
  readonly expect?: ScenarioExpect;
}
