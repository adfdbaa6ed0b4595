/**
 * Seeded, splittable random streams for the simulator. The generator is xoshiro128**
 * (Blackman & Vigna, 2018; 128-bit state, period 2^128 - 1), whose 32-bit arithmetic maps onto
 * `Math.imul` and int32 shifts without BigInt.
 *
 * Every component draws from its own stream, derived from the run's seed and the component's
 * name (`RandomStream.derive(seed, 'switch/leaf3/ecmp')`), so adding or removing a component
 * never shifts the numbers another component sees. Derivation hashes the name (FNV-1a) together
 * with the seed and expands it with SplitMix32 into the 128-bit state.
 *
 * Determinism: the same seed and name give the same sequence on every platform; no
 * `Math.random()` and no wall clock.
 *
 * @example
 * const arrivals = RandomStream.derive(42, 'workload/arrivals');
 * const gapNs = arrivals.exponential(1e6); // mean 1 ms
 * const size = arrivals.lognormal(10, 1.5);
 */
export class RandomStream {
  #s0: number;
  #s1: number;
  #s2: number;
  #s3: number;
  /** Identity of the stream (seed and name hashed), from which `split` derives children. */
  readonly #key: number;
  #spareNormal = 0;
  #hasSpareNormal = false;

  private constructor(key: number, state?: readonly [number, number, number, number]) {
    this.#key = key >>> 0;
    if (state === undefined) {
      let x = this.#key;
      x = splitmix32(x);
      this.#s0 = x;
      x = splitmix32(x);
      this.#s1 = x;
      x = splitmix32(x);
      this.#s2 = x;
      x = splitmix32(x);
      this.#s3 = x;
    } else {
      [this.#s0, this.#s1, this.#s2, this.#s3] = state.map((word) => word | 0) as [number, number, number, number];
    }
    // The all-zero state is the generator's one fixed point.
    if ((this.#s0 | this.#s1 | this.#s2 | this.#s3) === 0) this.#s0 = 1;
  }

  /**
   * A stream started from an explicit xoshiro128** state (four 32-bit words), for checking
   * the generator against its reference implementation. Simulations use `derive`.
   */
  static fromState(state: readonly [number, number, number, number]): RandomStream {
    return new RandomStream(state[0] ^ state[1] ^ state[2] ^ state[3], state);
  }

  /**
   * The stream named `name` under the run's `seed`. Seeds are integers in [0, 2^53) or
   * strings; the same (seed, name) always gives the same stream.
   * @throws RangeError for a seed that is not a non-negative safe integer or a string.
   */
  static derive(seed: number | string, name = ''): RandomStream {
    return new RandomStream(hashString(name, seedKey(seed)));
  }

  /**
   * A child stream, independent of this one and of its siblings, that depends only on this
   * stream's identity and `name` (not on how many numbers were drawn so far).
   */
  split(name: string): RandomStream {
    return new RandomStream(hashString(name, splitmix32(this.#key ^ 0x5bd1e995)));
  }

  /** Next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const s0 = this.#s0;
    const s1 = this.#s1;
    const s2 = this.#s2;
    const s3 = this.#s3;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    this.#s1 = s1 ^ n2;
    this.#s0 = s0 ^ n3;
    this.#s2 = n2 ^ t;
    this.#s3 = rotl(n3, 11);
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** Uniform double in [low, high). */
  uniformBetween(low: number, high: number): number {
    return low + (high - low) * this.uniform();
  }

  /** Uniform integer in [low, high] (inclusive), unbiased (rejection sampling). */
  integer(low: number, high: number): number {
    if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high) || high < low) {
      throw new RangeError(`integer(low, high) needs safe integers with low <= high, got ${low}, ${high}`);
    }
    const span = high - low + 1;
    if (span <= 0x100000000) {
      // Largest multiple of span below 2^32, to reject the biased remainder.
      const limit = 0x100000000 - (0x100000000 % span);
      let x = this.nextUint32();
      while (x >= limit) x = this.nextUint32();
      return low + (x % span);
    }
    return low + Math.floor(this.uniform() * span);
  }

  /** True with probability `p`. */
  bernoulli(p: number): boolean {
    return this.uniform() < p;
  }

  /** Exponential variate with the given mean (inverse transform). */
  exponential(mean: number): number {
    // 1 - u is in (0, 1], so the logarithm is finite.
    return -mean * Math.log(1 - this.uniform());
  }

  /** Normal variate (Marsaglia polar method; the second value of each pair is kept). */
  normal(mean = 0, standardDeviation = 1): number {
    if (this.#hasSpareNormal) {
      this.#hasSpareNormal = false;
      return mean + standardDeviation * this.#spareNormal;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.#spareNormal = v * factor;
    this.#hasSpareNormal = true;
    return mean + standardDeviation * u * factor;
  }

  /** Lognormal variate: exp(N(mu, sigma)); mean is exp(mu + sigma^2 / 2). */
  lognormal(mu: number, sigma: number): number {
    return Math.exp(this.normal(mu, sigma));
  }

  /**
   * Pareto (type I) variate with minimum `scale` and tail index `shape`:
   * P(X > x) = (scale / x)^shape for x >= scale.
   */
  pareto(scale: number, shape: number): number {
    return scale / Math.pow(1 - this.uniform(), 1 / shape);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** SplitMix32 finalizer (a 32-bit avalanche hash); used to expand seeds, never as the stream. */
function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/** FNV-1a over the UTF-16 code units of `text`, starting from `basis`. */
function hashString(text: string, basis: number): number {
  let hash = (basis ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return splitmix32(hash);
}

function seedKey(seed: number | string): number {
  if (typeof seed === 'string') return hashString(seed, 0x2545f491);
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError(`seed must be a non-negative safe integer or a string, got ${String(seed)}`);
  }
  // Fold both 32-bit halves of the seed in, so seeds above 2^32 differ too.
  const high = Math.floor(seed / 0x100000000);
  return splitmix32(splitmix32(seed >>> 0) ^ high);
}
