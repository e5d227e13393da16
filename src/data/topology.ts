/**
 * The fixed shape of the default dataset: which organizations and projects exist. Ids are fixed
 * (not derived from the seed) so that the README's curl commands work with any `--seed`; the jobs
 * inside each project are generated from the seed.
 */

/** An organization and its projects, before any job is generated. */
export interface TopologyOrganization {
  readonly id: string;
  readonly name: string;
  readonly projects: readonly TopologyProject[];
}

/** A project of the topology. */
export interface TopologyProject {
  readonly id: string;
  readonly name: string;
  readonly jobCount: number;
  readonly clusterId: string;
  readonly previewDatabases: readonly { readonly id: string; readonly name: string }[];
  /** Mean time between two older jobs (default 1200 s: a job every 20 minutes). */
  readonly meanJobGapSeconds?: number;
  /** Reserve the first page's states so that every state shows on it, whatever the seed or `now`. */
  readonly everyStateOnFirstPage?: boolean;
}

/** The main organization of the README (Acme Analytics). */
export const MAIN_ORGANIZATION_ID = 'org_2xk9m4q7w1t8z5b3n6v0';
/** The README's main project (`storefront`): its first page shows every job state. */
export const MAIN_PROJECT_ID = 'prj_k3v9q2m7x4t8w1z6b5n0';
/** A project of the main organization with 1,000,000 jobs. */
export const HUGE_PROJECT_ID = 'prj_h8d2r6f1c9j4p7s3y5a0';
/** A project of the main organization without jobs. */
export const EMPTY_PROJECT_ID = 'prj_e5w7n2b9x4m1q8t3k6z0';
/** A sibling project of the main organization (for project-scoped key tests). */
export const SIBLING_PROJECT_ID = 'prj_s4g8v1d6h2k9r3m7p5c0';
/** Another organization: its ids answer 404 to the main organization's credentials. */
export const FOREIGN_ORGANIZATION_ID = 'org_9f3j7c1y5r8u2e6h4a0d';
/** The foreign organization's project. */
export const FOREIGN_PROJECT_ID = 'prj_f7u3a9e1y5c8j2r6h4d0';

/** The default topology. */
export const DEFAULT_TOPOLOGY: readonly TopologyOrganization[] = [
  {
    id: MAIN_ORGANIZATION_ID,
    name: 'Acme Analytics',
    projects: [
      {
        id: MAIN_PROJECT_ID,
        name: 'storefront',
        jobCount: 240,
        everyStateOnFirstPage: true,
        clusterId: 'cls_h4t8w2z6b1n5q9m3x7k0',
        previewDatabases: [
          { id: 'pvw_q7x2m9k4t1w8z3b6n5v0', name: 'feature-checkout-v2' },
          { id: 'pvw_b3n8w1z5k9q2m6x4t7v0', name: 'pr-1432' },
        ],
      },
      {
        id: HUGE_PROJECT_ID,
        name: 'events-warehouse',
        jobCount: 1_000_000,
        meanJobGapSeconds: 45,
        clusterId: 'cls_h4t8w2z6b1n5q9m3x7k0',
        previewDatabases: [{ id: 'pvw_r2c7y4a9e1u6j3f8d5h0', name: 'backfill-2026-06' }],
      },
      {
        id: EMPTY_PROJECT_ID,
        name: 'sandbox',
        jobCount: 0,
        clusterId: 'cls_m6p1s8g3v7d2k9r4c5y0',
        previewDatabases: [],
      },
      {
        id: SIBLING_PROJECT_ID,
        name: 'billing',
        jobCount: 57,
        clusterId: 'cls_m6p1s8g3v7d2k9r4c5y0',
        previewDatabases: [],
      },
    ],
  },
  {
    id: FOREIGN_ORGANIZATION_ID,
    name: 'Globex',
    projects: [
      {
        id: FOREIGN_PROJECT_ID,
        name: 'globex-api',
        jobCount: 31,
        clusterId: 'cls_w9e4u1j6a3f8c2y7h5r0',
        previewDatabases: [{ id: 'pvw_t1k6m3q8x2w9z4b7n5v0', name: 'staging' }],
      },
    ],
  },
];
