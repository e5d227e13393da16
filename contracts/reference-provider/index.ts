/**
 * The reference provider: a second, independent implementation of the Jobs API over SQLite. It
 * imports nothing of the mock (only node builtins, better-sqlite3 and spec types), so agreeing
 * with it means something.
 * @packageDocumentation
 */
import type { BreakageName } from './breakages.js';
import { createSchema } from './schema.js';
import { seedReferenceData } from './seed.js';
import { listen } from './server.js';
import { openDatabase, type SqliteDatabase } from './sqlite.js';
import { createStore } from './store.js';

export { BREAKAGES, isBreakageName, type BreakageName } from './breakages.js';
export { PROVIDER_STATES, isProviderState, type ProviderStateChange, type ProviderStateValues } from './provider-states.js';
export { REFERENCE_SEED, REFERENCE_NOW_MS } from './seed.js';
export { MESSAGES } from './jobs-api.js';
export { PROVIDER_STATES_PATH } from './server.js';
export type { SqliteDatabase } from './sqlite.js';

/** Options of `startReferenceProvider`. */
export interface ReferenceProviderOptions {
  /** Default 0 (any free port). */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Start with one deliberate contract violation (see `BREAKAGES`). */
  readonly breakage?: BreakageName;
  /** SQLite file; default a private in-memory database. */
  readonly filename?: string;
}

/** A running reference provider. */
export interface ReferenceProvider {
  /** Base URL, e.g. `http://127.0.0.1:43121`. */
  readonly url: string;
  /** Stops the server and closes the database. */
  close(): Promise<void>;
  /** The SQLite database, for tests that want to look or add rows. */
  readonly db: SqliteDatabase;
}

/**
 * Start the reference provider with its seed data.
 * @example
 * const provider = await startReferenceProvider();
 * await fetch(`${provider.url}/v1/jobs/job_ref_alpha_app_000`, { headers: { authorization: `Bearer ${REFERENCE_SEED.tokens.org}` } });
 * await provider.close();
 */
export async function startReferenceProvider(options: ReferenceProviderOptions = {}): Promise<ReferenceProvider> {
  const db = openDatabase(options.filename);
  try {
    createSchema(db);
    const store = createStore(db);
    seedReferenceData(store);
    const server = await listen(store, { port: options.port ?? 0, host: options.host ?? '127.0.0.1', breakage: options.breakage });
    return {
      url: server.url,
      db,
      close: async () => {
        await server.close();
        if (db.open) db.close();
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}
