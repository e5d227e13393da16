/** One request as the journal remembers it. */
export interface JournalEntry {
  readonly seq: number;
  /** The mock clock's time, RFC 3339. */
  readonly at: string;
  readonly method: string;
  readonly path: string;
  readonly operation?: string;
  /** `org-key`, `project-key`, `clerk-session`, or `none`/`invalid`. */
  readonly credential: string;
  readonly status: number;
  /** Time spent producing the answer, before any injected latency. */
  readonly latencyMs: number;
  readonly fault?: string;
  readonly scenario?: string;
  readonly session?: string;
}

/** The last N requests, newest last. */
export interface RequestJournal {
  record(entry: Omit<JournalEntry, 'seq'>): void;
  /** Up to `limit` newest entries, newest first. */
  entries(limit?: number): readonly JournalEntry[];
  clear(): void;
}

/**
 * A bounded journal: memory stays flat however long the mock runs.
 * @example createRequestJournal(500).entries(20)
 */
export function createRequestJournal(capacity = 500): RequestJournal {
  const ring: (JournalEntry | undefined)[] = new Array<JournalEntry | undefined>(capacity);
  let seq = 0;
  return {
    record(entry) {
      seq += 1;
      ring[seq % capacity] = { seq, ...entry };
    },
    entries(limit = capacity) {
      const out: JournalEntry[] = [];
      for (let s = seq; s > 0 && s > seq - capacity && out.length < limit; s -= 1) {
        const entry = ring[s % capacity];
        if (entry) out.push(entry);
      }
      return out;
    },
    clear() {
      ring.fill(undefined);
    },
  };
}
