import type { SqliteDatabase } from './sqlite.js';

/** The 21 Job columns, in the spec's order; every other table only supports them. */
export const JOB_COLUMNS = [
  'id',
  'type',
  'state',
  'attempts',
  'max_attempts',
  'organization_id',
  'project_id',
  'preview_database_id',
  'cluster_id',
  'claimed_at',
  'claimed_by',
  'started_at',
  'completed_at',
  'created_at',
  'updated_at',
  'locked_resource',
  'error',
  'last_exit_code',
  'last_stdout',
  'last_stderr',
  'retry_classification',
] as const;

/** One Job column name. */
export type JobColumn = (typeof JOB_COLUMNS)[number];

const DDL = `
create table organizations (
  id   text primary key,
  name text not null
);
create table projects (
  id              text primary key,
  organization_id text not null references organizations(id),
  name            text not null,
  cluster_id      text
);
create table api_keys (
  id              text primary key,
  token_sha256    text not null unique,
  organization_id text not null references organizations(id),
  project_id      text references projects(id),
  scopes          text not null,
  revoked         integer not null default 0
);
create table jobs (
  id                   text primary key,
  type                 text not null,
  state                text not null check (state in ('pending', 'running', 'completed', 'failed')),
  attempts             integer not null check (attempts >= 0),
  max_attempts         integer not null check (max_attempts >= 1),
  organization_id      text not null references organizations(id),
  project_id           text references projects(id),
  preview_database_id  text,
  cluster_id           text,
  claimed_at           text,
  claimed_by           text,
  started_at           text,
  completed_at         text,
  created_at           text not null,
  updated_at           text not null,
  locked_resource      text,
  error                text,
  last_exit_code       integer,
  last_stdout          text,
  last_stderr          text,
  retry_classification text
);
create index jobs_by_project on jobs (project_id, created_at desc, id desc);
`;

/**
 * Create the reference provider's tables.
 * @example
 * createSchema(openDatabase());
 */
export function createSchema(db: SqliteDatabase): void {
  db.exec(DDL);
}
