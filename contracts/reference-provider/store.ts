import { createHash } from 'node:crypto';
import { JOB_COLUMNS, type JobColumn } from './schema.js';
import type { SqliteDatabase } from './sqlite.js';

/** A job as stored: every Job column, `null` when empty. */
export type JobRow = { readonly [C in JobColumn]: string | number | null };

/** An API key as stored (the token itself is never stored). */
export interface ApiKeyRow {
  readonly id: string;
  readonly organization_id: string;
  readonly project_id: string | null;
  readonly scopes: readonly string[];
  readonly revoked: boolean;
}

/** A project as stored. */
export interface ProjectRow {
  readonly id: string;
  readonly organization_id: string;
  readonly name: string;
  readonly cluster_id: string | null;
}

/** Data access over the reference provider's SQLite tables. */
export interface ReferenceStore {
  readonly db: SqliteDatabase;
  insertOrganization(id: string, name: string): void;
  insertProject(project: ProjectRow): void;
  insertApiKey(key: ApiKeyRow, token: string): void;
  insertJob(job: JobRow): void;
  findApiKeyByToken(token: string): ApiKeyRow | undefined;
  findProject(id: string): ProjectRow | undefined;
  findJob(id: string): JobRow | undefined;
  /** The project's jobs by `created_at`, newest first unless `oldestFirst`; all when `limit` is undefined. */
  listJobs(projectId: string, limit: number | undefined, oldestFirst?: boolean): JobRow[];
  deleteRows(ids: { readonly jobs: readonly string[]; readonly apiKeys: readonly string[]; readonly projects: readonly string[] }): void;
}

/**
 * SHA-256 of a token, hex: the only form in which keys are stored.
 * @example
 * hashToken('capy_live_x').length; // 64
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const COLUMN_LIST = JOB_COLUMNS.join(', ');

/**
 * Wrap a database whose schema exists.
 * @example
 * const store = createStore(db);
 * store.findJob('job_ref_missing'); // undefined
 */
export function createStore(db: SqliteDatabase): ReferenceStore {
  const insertJob = db.prepare(`insert into jobs (${COLUMN_LIST}) values (${JOB_COLUMNS.map((c) => `@${c}`).join(', ')})`);
  const findKey = db.prepare('select id, organization_id, project_id, scopes, revoked from api_keys where token_sha256 = ?');
  const findProject = db.prepare('select id, organization_id, name, cluster_id from projects where id = ?');
  const findJob = db.prepare(`select ${COLUMN_LIST} from jobs where id = ?`);
  const newestFirst = db.prepare(`select ${COLUMN_LIST} from jobs where project_id = ? order by created_at desc, id desc limit ?`);
  const oldestFirst = db.prepare(`select ${COLUMN_LIST} from jobs where project_id = ? order by created_at asc, id asc limit ?`);

  return {
    db,
    insertOrganization: (id, name) => void db.prepare('insert into organizations (id, name) values (?, ?)').run(id, name),
    insertProject: (p) =>
      void db.prepare('insert into projects (id, organization_id, name, cluster_id) values (?, ?, ?, ?)').run(p.id, p.organization_id, p.name, p.cluster_id),
    insertApiKey: (key, token) =>
      void db
        .prepare('insert into api_keys (id, token_sha256, organization_id, project_id, scopes, revoked) values (?, ?, ?, ?, ?, ?)')
        .run(key.id, hashToken(token), key.organization_id, key.project_id, JSON.stringify(key.scopes), key.revoked ? 1 : 0),
    insertJob: (job) => void insertJob.run(job),
    findApiKeyByToken(token) {
      const row = findKey.get(hashToken(token)) as (Omit<ApiKeyRow, 'scopes' | 'revoked'> & { scopes: string; revoked: number }) | undefined;
      return row && { ...row, scopes: JSON.parse(row.scopes) as string[], revoked: row.revoked !== 0 };
    },
    findProject: (id) => findProject.get(id) as ProjectRow | undefined,
    findJob: (id) => findJob.get(id) as JobRow | undefined,
    listJobs: (projectId, limit, oldest = false) => (oldest ? oldestFirst : newestFirst).all(projectId, limit ?? -1) as JobRow[],
    deleteRows: db.transaction((ids: { readonly jobs: readonly string[]; readonly apiKeys: readonly string[]; readonly projects: readonly string[] }) => {
      for (const id of ids.jobs) db.prepare('delete from jobs where id = ?').run(id);
      for (const id of ids.apiKeys) db.prepare('delete from api_keys where id = ?').run(id);
      for (const id of ids.projects) db.prepare('delete from projects where id = ?').run(id);
    }),
  };
}
