/**
 * The precedence matrix shared by every transport's conformance test (core, socket, MSW in Node,
 * MSW in the browser): each credential x operation x limit x target, and an oracle for its status
 * written from the credentials' documented facts and openapi.yaml's precedence table.
 */
import { DEV_CREDENTIALS, type DevCredential } from '../../src/auth/dev-credentials.js';
import { createDataset } from '../../src/data/index.js';
import {
  FOREIGN_ORGANIZATION_ID,
  FOREIGN_PROJECT_ID,
  MAIN_ORGANIZATION_ID,
  MAIN_PROJECT_ID,
  SIBLING_PROJECT_ID,
} from '../../src/data/topology.js';

export const dataset = createDataset();

function firstJobId(projectId: string): string {
  const project = dataset.findProject(projectId);
  if (!project) throw new Error(`no project ${projectId}`);
  const job = dataset.jobAt(project, 0);
  return job.id;
}

export type Operation = 'listProjectJobs' | 'getJob';
export type Target = 'known' | 'unknown' | 'foreign' | 'sibling';

export const TARGETS: Record<Operation, Record<Target, string>> = {
  listProjectJobs: {
    known: MAIN_PROJECT_ID,
    unknown: 'prj_nope7x2m9k4t1w8z3b6n',
    foreign: FOREIGN_PROJECT_ID,
    sibling: SIBLING_PROJECT_ID,
  },
  getJob: {
    known: firstJobId(MAIN_PROJECT_ID),
    unknown: 'job_q8z1m5x7k2t9w4b6n3v0p1',
    foreign: firstJobId(FOREIGN_PROJECT_ID),
    sibling: firstJobId(SIBLING_PROJECT_ID),
  },
};

/** `undefined` = no limit; an array = repeated `limit`. */
export const LIMITS: readonly (string | readonly string[] | undefined)[] = [undefined, '1', '25', '100', '0', '101', '-1', '1.5', 'abc', ['10', '20']];

export interface Case {
  readonly name: string;
  readonly credential: DevCredential | undefined;
  readonly operation: Operation;
  readonly target: Target;
  readonly limit: string | readonly string[] | undefined;
  readonly path: string;
}

function pathOf(operation: Operation, id: string, limit: Case['limit']): string {
  const base = operation === 'listProjectJobs' ? `/v1/projects/${id}/jobs` : `/v1/jobs/${id}`;
  if (limit === undefined) return base;
  const values = typeof limit === 'string' ? [limit] : limit;
  return `${base}?${values.map((v) => `limit=${encodeURIComponent(v)}`).join('&')}`;
}

export const CASES: Case[] = [];
for (const credential of [undefined, ...DEV_CREDENTIALS]) {
  for (const operation of ['listProjectJobs', 'getJob'] as const) {
    for (const limit of LIMITS) {
      for (const target of ['known', 'unknown', 'foreign', 'sibling'] as const) {
        const path = pathOf(operation, TARGETS[operation][target], limit);
        CASES.push({ name: `${credential?.credentialId ?? 'none'} ${operation} ${target} ${path}`, credential, operation, target, limit, path });
      }
    }
  }
}

/** An oracle written from the credentials' documented facts and openapi.yaml's precedence table. */
export function expectedStatus(c: Case): number {
  const cred = c.credential;
  if (cred === undefined || cred.expectedStatus === 401) return 401;
  if (!cred.scopes.includes('jobs:read') && !cred.scopes.includes('*')) return 403;
  if (c.operation === 'listProjectJobs') {
    const values = c.limit === undefined ? [] : typeof c.limit === 'string' ? [c.limit] : c.limit;
    const limitOk = values.length === 0 || (values.length === 1 && ['1', '25', '100'].includes(values[0] ?? ''));
    if (!limitOk) return 400;
  }
  const ownerOrg: Record<Target, string | undefined> = {
    known: MAIN_ORGANIZATION_ID,
    sibling: MAIN_ORGANIZATION_ID,
    foreign: FOREIGN_ORGANIZATION_ID,
    unknown: undefined,
  };
  if (ownerOrg[c.target] !== cred.organizationId) return 404;
  if (cred.projectId !== undefined && c.target !== 'known') return 403;
  return 200;
}

export function headersFor(c: Case): Record<string, string> {
  return c.credential ? { authorization: `Bearer ${c.credential.token}` } : {};
}

