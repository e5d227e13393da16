/** Where the mock reads the time: tests and QA freeze it, advance it or speed it up. */
export interface Clock {
  now(): Date;
}

/** A clock that can be frozen, advanced, set and sped up (the admin API and tests drive it). */
export interface ControllableClock extends Clock {
  readonly frozen: boolean;
  /** How many virtual milliseconds pass per real millisecond while running. */
  readonly speed: number;
  freeze(): void;
  resume(): void;
  /** Move the virtual time forward (negative values are refused). */
  advance(ms: number): void;
  set(at: Date): void;
  setSpeed(speed: number): void;
}

/** Options of `createClock`. */
export interface ClockOptions {
  /** Virtual time at creation. */
  readonly start: Date;
  readonly frozen?: boolean;
  readonly speed?: number;
  /** The real time source (injected by tests); defaults to `Date.now`. */
  readonly realNow?: () => number;
}

/** Thrown on a clock operation that makes no sense (negative advance, speed out of range). */
export class ClockError extends Error {
  override readonly name = 'ClockError';
}

/** Largest accepted speed factor (a day per second is plenty for a polling UI). */
export const MAX_CLOCK_SPEED = 100_000;

/**
 * Create a virtual clock.
 * @example
 * const clock = createClock({ start: new Date('2026-06-18T09:15:00Z'), frozen: true });
 * clock.advance(60_000); // one minute later
 */
export function createClock(options: ClockOptions): ControllableClock {
  const realNow = options.realNow ?? Date.now;
  let virtualAnchor = options.start.getTime();
  let realAnchor = realNow();
  let frozen = options.frozen ?? false;
  let speed = checkSpeed(options.speed ?? 1);
  const current = (): number => (frozen ? virtualAnchor : virtualAnchor + (realNow() - realAnchor) * speed);
  const reanchor = (virtual: number): void => {
    virtualAnchor = virtual;
    realAnchor = realNow();
  };
  return {
    get frozen() {
      return frozen;
    },
    get speed() {
      return speed;
    },
    now: () => new Date(Math.floor(current())),
    freeze() {
      reanchor(current());
      frozen = true;
    },
    resume() {
      reanchor(current());
      frozen = false;
    },
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new ClockError(`cannot advance the clock by ${ms} ms`);
      reanchor(current() + ms);
    },
    set(at) {
      if (Number.isNaN(at.getTime())) throw new ClockError('cannot set the clock to an invalid date');
      reanchor(at.getTime());
    },
    setSpeed(next) {
      reanchor(current());
      speed = checkSpeed(next);
    },
  };
}

function checkSpeed(speed: number): number {
  if (!Number.isFinite(speed) || speed <= 0 || speed > MAX_CLOCK_SPEED) {
    throw new ClockError(`speed must be a number above 0 and at most ${MAX_CLOCK_SPEED}`);
  }
  return speed;
}
