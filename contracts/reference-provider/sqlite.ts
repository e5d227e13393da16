import { createRequire } from 'node:module';

/** The part of a better-sqlite3 statement the reference provider uses. */
export interface SqliteStatement {
  run(...params: unknown[]): { readonly changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

/** The part of a better-sqlite3 database the reference provider uses. */
export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): unknown;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  close(): unknown;
  readonly open: boolean;
}

type SqliteConstructor = new (filename: string) => SqliteDatabase;

// @types/better-sqlite3 is not a dependency of the kit, so the module is loaded through require
// and typed by the small interfaces above.
const Database = createRequire(import.meta.url)('better-sqlite3') as SqliteConstructor;

/**
 * Open a SQLite database (default: a private in-memory one).
 * @example
 * const db = openDatabase();
 * db.prepare('select 1 as one').get(); // { one: 1 }
 */
export function openDatabase(filename = ':memory:'): SqliteDatabase {
  return new Database(filename);
}
