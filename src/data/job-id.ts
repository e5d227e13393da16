import { hashWords, mix32, seedKey } from './prng.js';

/** Where a job id points: the project's position in the dataset and the job's index (0 = newest). */
export interface JobAddress {
  readonly projectIndex: number;
  readonly index: number;
}

/** Turns (project, index) into an opaque job id and back, in constant time, without a table. */
export interface JobIdCodec {
  /** `job_` + 22 lowercase base-36 characters. */
  encode(projectIndex: number, index: number): string;
  /** The address inside an id made by this codec (same seed), or undefined for any other text. */
  decode(id: string): JobAddress | undefined;
}

const HALF = 0x8000_0000; // both halves of the Feistel network are 31-bit
const ROUNDS = 4;
const CHECK_A = 36 ** 6;
const CHECK_B = 36 ** 4;
const BODY = /^job_[0-9a-z]{22}$/;

/**
 * A codec keyed by the dataset seed. The (project, index) pair goes through a keyed 4-round
 * Feistel permutation (so consecutive jobs get unrelated-looking ids) and a keyed 51-bit check
 * is interleaved (so forged ids, or ids of another seed, decode to undefined).
 * @example
 * const codec = createJobIdCodec(42);
 * codec.decode(codec.encode(0, 7)); // { projectIndex: 0, index: 7 }
 * codec.decode('job_0000000000000000000000'); // undefined
 */
export function createJobIdCodec(seed: number): JobIdCodec {
  const key = seedKey(seed);
  const roundKeys = Array.from({ length: ROUNDS }, (_, i) => hashWords(key, 0x1d, i));
  const checkKey = hashWords(key, 0xc4ec);
  const round = (half: number, i: number): number => mix32(half ^ (roundKeys[i] ?? 0)) & 0x7fff_ffff;
  const checks = (a: number, b: number): [number, number] => [hashWords(checkKey, a, b) % CHECK_A, hashWords(checkKey, b, a, 1) % CHECK_B];

  return {
    encode(projectIndex, index) {
      if (!isHalf(projectIndex) || !isHalf(index)) throw new RangeError(`cannot encode job (${projectIndex}, ${index})`);
      let left = projectIndex;
      let right = index;
      for (let i = 0; i < ROUNDS; i++) [left, right] = [right, (left ^ round(right, i)) >>> 0];
      const [c1, c2] = checks(left, right);
      return `job_${base36(left, 6)}${base36(c1, 6)}${base36(right, 6)}${base36(c2, 4)}`;
    },
    decode(id) {
      if (id.length !== 26 || !BODY.test(id)) return undefined;
      let left = parseInt(id.slice(4, 10), 36);
      const c1 = parseInt(id.slice(10, 16), 36);
      let right = parseInt(id.slice(16, 22), 36);
      const c2 = parseInt(id.slice(22, 26), 36);
      if (!isHalf(left) || !isHalf(right)) return undefined;
      const [e1, e2] = checks(left, right);
      if (c1 !== e1 || c2 !== e2) return undefined;
      for (let i = ROUNDS - 1; i >= 0; i--) [left, right] = [(right ^ round(left, i)) >>> 0, left];
      return { projectIndex: left, index: right };
    },
  };
}

function isHalf(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n < HALF;
}

function base36(n: number, width: number): string {
  return n.toString(36).padStart(width, '0');
}
