import type { Job } from '../api/types.js';
import { DEV_CREDENTIALS } from '../auth/index.js';
import type { ControllableClock } from '../core/clock.js';
import type { RequestJournal } from '../core/request-journal.js';
import type { Dataset } from '../data/types.js';
import {
  applyTransition,
  checkJobInvariants,
  instantOf,
  jobAtTime,
  parseTimestamp,
  type JobEvent,
} from '../domain/index.js';
import type { FaultRules } from '../faults/index.js';
import { applyScenario, contextFor, PROJECT_ALIASES } from '../scenarios/apply-scenario.js';
import { liveJobTimeline } from '../scenarios/build-scenario-job.js';
import { failureText } from '../data/failure-modes.js';
import { formatScenarioProblem } from '../scenarios/parse-scenario.js';
import type { LiveOutcome, Scenario } from '../scenarios/scenario-types.js';
import { EMPTY_STORE, type MockStore, withStoredJob } from '../store/mock-store.js';
import { createStoreRepository } from '../store/store-repository.js';

/** An expected outcome of a control call, or what went wrong (with every violation). */
export type ControlResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly status: 400 | 404 | 409; readonly error: string; readonly violations?: readonly { path: string; message: string }[] };

/** What applying a scenario did. */
export interface AppliedScenario {
  readonly scenario: string;
  readonly projectId: string;
  readonly session?: string;
  readonly jobs: Readonly<Record<string, string>>;
}

/** The steering of a mock: scenarios, provider states, jobs, live jobs, reset. */
export interface MockControl {
  scenarioNames(): readonly string[];
  hasScenario(name: string): boolean;
  listScenarios(): readonly Scenario[];
  applyScenario(name: string, options?: { readonly session?: string; readonly projectId?: string }): ControlResult<AppliedScenario>;
  /** Pact's state change: apply the scenario answering to `state` and return its values. */
  setupProviderState(state: string, params?: Readonly<Record<string, unknown>>): ControlResult<Record<string, string>>;
  /** Insert or replace a job (validated against the domain invariants; the caller checks the schema). */
  upsertJob(job: Job, session?: string): ControlResult<Job>;
  startLiveJob(request: { readonly type: string; readonly outcome?: LiveOutcome; readonly projectId?: string; readonly preview?: boolean }, session?: string): ControlResult<Job>;
  /** Move a stored job through one legal transition (pinning it: it stops following its timeline). */
  transitionJob(jobId: string, request: { readonly to: Job['state']; readonly error?: string; readonly exitCode?: number; readonly classification?: 'transient' | 'permanent' }, session?: string): ControlResult<Job>;
  /** Find a job as the given session sees it now (any organization). */
  peekJob(jobId: string, session?: string): Job | undefined;
  /** The store a per-request scenario answers from (built once per name). */
  storeForRequestScenario(name: string): MockStore | undefined;
  /** Back to the state right after creation. */
  reset(): void;
  /** Remember the current state as the one `reset` returns to. */
  markInitial(): void;
}

interface ControlDeps {
  readonly dataset: Dataset;
  readonly clock: ControllableClock;
  readonly faults: FaultRules;
  readonly journal: RequestJournal;
  readonly scenarios: readonly Scenario[];
  readonly state: { global: MockStore; sessions: Map<string, MockStore> };
  readonly perRequest: Map<string, MockStore>;
  readonly runSecondsFor: (type: string) => number;
  readonly initial: { readonly frozen: boolean; readonly speed: number; readonly start: Date };
}

/** Build the control surface over a mock's state (used by `createMockApi`). */
export function createMockControl(deps: ControlDeps): MockControl {
  const catalog = new Map(deps.scenarios.map((s) => [s.name, s]));
  let initialStore: MockStore = EMPTY_STORE;
  let initialClock = { ...deps.initial };
  let liveCounter = 0;

  const read = (session: string | undefined): MockStore => (session !== undefined && deps.state.sessions.get(session)) || deps.state.global;
  const write = (session: string | undefined, store: MockStore): void => {
    if (session === undefined) deps.state.global = store;
    else deps.state.sessions.set(session, store);
  };
  const resolveProject = (projectId: string | undefined) => {
    const id = projectId === undefined ? PROJECT_ALIASES['main'] : PROJECT_ALIASES[projectId] ?? projectId;
    return id === undefined ? undefined : deps.dataset.findProject(id);
  };

  const control: MockControl = {
    scenarioNames: () => [...catalog.keys()],
    hasScenario: (name) => catalog.has(name),
    listScenarios: () => [...catalog.values()],
    applyScenario(name, options = {}) {
      const scenario = catalog.get(name);
      if (!scenario) return { ok: false, status: 404, error: `unknown scenario "${name}"; known: ${[...catalog.keys()].join(', ')}` };
      if (options.projectId !== undefined && !resolveProject(options.projectId)) {
        return { ok: false, status: 404, error: `no project "${options.projectId}" in the dataset` };
      }
      const result = applyScenario(scenario, {
        dataset: deps.dataset,
        store: read(options.session),
        at: deps.clock.now(),
        runSecondsFor: deps.runSecondsFor,
        ...(options.projectId === undefined ? {} : { projectId: resolveProject(options.projectId)?.id ?? options.projectId }),
      });
      if (!result.ok) {
        return { ok: false, status: 400, error: result.problems.map(formatScenarioProblem).join('; '), violations: result.problems.map((p) => ({ path: p.path, message: p.message })) };
      }
      write(options.session, result.value.store);
      if (options.session === undefined && scenario.clock) {
        if (scenario.clock.speed !== undefined) deps.clock.setSpeed(scenario.clock.speed);
        if (scenario.clock.frozen === true) deps.clock.freeze();
        if (scenario.clock.frozen === false) deps.clock.resume();
      }
      return {
        ok: true,
        value: {
          scenario: name,
          projectId: result.value.projectId,
          ...(options.session === undefined ? {} : { session: options.session }),
          jobs: result.value.jobs,
        },
      };
    },
    setupProviderState(state) {
      for (const scenario of catalog.values()) {
        const match = scenario.providerStates?.find((p) => p.state === state);
        if (!match) continue;
        const applied = control.applyScenario(scenario.name);
        if (!applied.ok) return applied;
        const values: Record<string, string> = {};
        for (const [key, source] of Object.entries(match.values ?? {})) {
          const value = resolveValue(source, applied.value);
          if (value === undefined) return { ok: false, status: 400, error: `provider state "${state}": cannot resolve ${key} = ${source}` };
          values[key] = value;
        }
        return { ok: true, value: values };
      }
      return { ok: false, status: 400, error: `unknown provider state "${state}"` };
    },
    upsertJob(job, session) {
      const violations = checkJobInvariants(job);
      if (violations.length > 0) {
        return { ok: false, status: 400, error: 'the job breaks the domain invariants', violations: violations.map((v) => ({ path: `/job (${v.rule})`, message: v.message })) };
      }
      const project = job.project_id ? deps.dataset.findProject(job.project_id) : undefined;
      if (!project) return { ok: false, status: 404, error: `no project "${job.project_id ?? ''}" in the dataset` };
      if (project.organizationId !== job.organization_id) {
        return { ok: false, status: 400, error: `organization_id ${job.organization_id} does not own project ${project.id}` };
      }
      write(session, withStoredJob(read(session), { kind: 'static', projectId: project.id, job }));
      return { ok: true, value: job };
    },
    startLiveJob(request, session) {
      const project = resolveProject(request.projectId);
      if (!project) return { ok: false, status: 404, error: `no project "${request.projectId ?? ''}" in the dataset` };
      liveCounter += 1;
      const at = instantOf(deps.clock.now());
      const ctx = contextFor(deps.dataset.seed, `live-${liveCounter}-${at}`, request.type, project, at, request.preview === true);
      const timeline = liveJobTimeline({ ref: 'live', type: request.type, ...(request.outcome ? { outcome: request.outcome } : {}) }, ctx, deps.runSecondsFor(request.type));
      write(session, withStoredJob(read(session), { kind: 'live', projectId: project.id, timeline }));
      return { ok: true, value: jobAtTime(timeline, at) };
    },
    transitionJob(jobId, request, session) {
      const current = control.peekJob(jobId, session);
      if (!current) return { ok: false, status: 404, error: `job "${jobId}" not found` };
      // A frozen clock may sit at the job's last change: step a millisecond past it.
      const at = Math.max(instantOf(deps.clock.now()), (parseTimestamp(current.updated_at) ?? 0) + 1000);
      const event: JobEvent | undefined =
        request.to === 'running'
          ? { kind: 'claim', worker: current.claimed_by ?? 'worker-capydb-db1-2231', at }
          : request.to === 'completed'
            ? { kind: 'complete', at }
            : (() => {
                const classification = request.classification ?? (request.to === 'pending' ? 'transient' : 'permanent');
                const exitCode = request.exitCode ?? (classification === 'transient' ? 2 : 1);
                const text = failureText({
                  exitCode,
                  classification,
                  type: current.type,
                  projectId: current.project_id ?? '',
                  clusterId: current.cluster_id ?? '',
                  key: current.id,
                  ...(current.preview_database_id ? { previewId: current.preview_database_id } : {}),
                });
                return { kind: 'fail' as const, at, error: request.error ?? text.error, classification, exitCode, stderr: text.stderr };
              })();
      const moved = applyTransition(current, event);
      if (!moved.ok) return { ok: false, status: 409, error: moved.error.message };
      if (moved.value.state !== request.to) {
        return { ok: false, status: 409, error: `a ${request.classification ?? 'permanent'} failure moves this job to ${moved.value.state}, not ${request.to}` };
      }
      const project = current.project_id ?? '';
      write(session, withStoredJob(read(session), { kind: 'static', projectId: project, job: moved.value }));
      return { ok: true, value: moved.value };
    },
    peekJob(jobId, session) {
      return createStoreRepository(deps.dataset, read(session)).findJob(jobId, deps.clock.now());
    },
    storeForRequestScenario(name) {
      const cached = deps.perRequest.get(name);
      if (cached) return cached;
      const scenario = catalog.get(name);
      if (!scenario) return undefined;
      const result = applyScenario(scenario, { dataset: deps.dataset, store: EMPTY_STORE, at: deps.clock.now(), runSecondsFor: deps.runSecondsFor });
      if (!result.ok) return undefined;
      deps.perRequest.set(name, result.value.store);
      return result.value.store;
    },
    reset() {
      deps.state.global = initialStore;
      deps.state.sessions.clear();
      deps.perRequest.clear();
      deps.faults.clear();
      deps.journal.clear();
      deps.clock.set(initialClock.start);
      deps.clock.setSpeed(initialClock.speed);
      if (initialClock.frozen) deps.clock.freeze();
      else deps.clock.resume();
    },
    markInitial() {
      initialStore = deps.state.global;
      initialClock = { start: deps.clock.now(), frozen: deps.clock.frozen, speed: deps.clock.speed };
    },
  };
  return control;
}

function resolveValue(source: string, applied: AppliedScenario): string | undefined {
  if (source === 'project') return applied.projectId;
  if (source.startsWith('job:')) return applied.jobs[source.slice(4)];
  if (source.startsWith('credential:')) return DEV_CREDENTIALS.find((c) => c.credentialId === source.slice(11))?.token;
  if (source.startsWith('literal:')) return source.slice(8);
  return undefined;
}
