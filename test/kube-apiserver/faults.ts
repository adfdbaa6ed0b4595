/**
 * Faults injected on demand: response delays, 429 throttling and 403 RBAC denials, each optionally limited to
 * the requests a filter selects. (Dropping watches and restarts live on KubeApiServer.)
 */
import { forbidden, tooManyRequests } from './errors.js';
import type { RequestRecord } from './requests.js';

/** Selects the requests a fault applies to. */
export type RequestFilter = (request: RequestRecord) => boolean;

const ALL: RequestFilter = () => true;

interface Throttle {
  remaining: number;
  retryAfterSeconds: number;
  filter: RequestFilter;
}

/** The fault switchboard of one server. */
export class Faults {
  #delayMs = 0;
  #delayFilter: RequestFilter = ALL;
  #throttle: Throttle | undefined;
  #forbid: RequestFilter | undefined;

  /** Delays every matching request by `ms` before it is processed (0 turns it off). */
  delay(ms: number, filter: RequestFilter = ALL): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`delay must be a non-negative number of ms, got ${ms}`);
    this.#delayMs = ms;
    this.#delayFilter = filter;
  }

  /** Answers the next `count` matching requests with 429 and `Retry-After: retryAfterSeconds`. */
  throttle(count: number, retryAfterSeconds = 1, filter: RequestFilter = ALL): void {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`throttle count must be an integer >= 0, got ${count}`);
    this.#throttle = { remaining: count, retryAfterSeconds, filter };
  }

  /** Answers every matching request with 403 Forbidden, worded as RBAC denies it (user `test-user`). */
  forbid(filter: RequestFilter = ALL): void {
    this.#forbid = filter;
  }

  /** Turns every fault off. */
  clear(): void {
    this.#delayMs = 0;
    this.#throttle = undefined;
    this.#forbid = undefined;
  }

  /**
   * Applies the faults to one request: waits out a delay, then throws a 429 ApiError when
   * throttled. Called by the server before it processes the request.
   */
  async before(request: RequestRecord): Promise<void> {
    if (this.#delayMs > 0 && this.#delayFilter(request)) {
      const ms = this.#delayMs;
      await new Promise((resolve) => setTimeout(resolve, ms));
    }
    if (this.#forbid?.(request) === true) throw forbidden(request, 'test-user');
    const t = this.#throttle;
    if (t !== undefined && t.remaining > 0 && t.filter(request)) {
      t.remaining--;
      throw tooManyRequests(t.retryAfterSeconds);
    }
  }
}
