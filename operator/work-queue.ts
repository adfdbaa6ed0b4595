import PQueue from 'p-queue';
import { backoff, type BackoffOptions } from './backoff.js';

export interface WorkQueueOptions {
  /** Reconciles one key; a rejection retries the key after an exponential back-off. */
  handler: (key: string) => Promise<void>;
  /** Keys processed at once (different keys only). Default 4. */
  concurrency?: number;
  /** Retry delays of a failing key. Default 50 ms doubling to 30 s. */
  backoff?: BackoffOptions;
  /** Told about each failure and the delay before the retry. */
  onError?: (key: string, error: unknown, retryInMs: number) => void;
}

/**
 * The operator's work queue on p-queue, with client-go's workqueue guarantees:
 *
 * - De-duplication: a key added while it waits is queued once.
 * - No key runs twice at once: a key added while its handler runs is marked dirty and runs
 *   again when the handler ends (so the change that caused the add is never missed).
 * - Exponential back-off per key on failure (`backoff`), reset by a success.
 *
 * @example
 * const queue = new WorkQueue({ handler: (key) => reconcile(key), concurrency: 2 });
 * queue.add('default/llama');
 * queue.add('default/llama'); // no-op: already waiting
 * await queue.onIdle();
 */
export class WorkQueue {
  readonly #queue: PQueue;
  readonly #handler: (key: string) => Promise<void>;
  readonly #onError: WorkQueueOptions['onError'];
  readonly #delayOf: (failures: number) => number;
  /** Keys waiting in p-queue (added, not started). */
  readonly #waiting = new Set<string>();
  /** Keys whose handler runs now. */
  readonly #running = new Set<string>();
  /** Running keys added again meanwhile: they run once more when their handler ends. */
  readonly #dirty = new Set<string>();
  readonly #failures = new Map<string, number>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  #shutDown = false;

  constructor(options: WorkQueueOptions) {
    const concurrency = options.concurrency ?? 4;
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`work queue concurrency must be an integer >= 1, got ${concurrency}`);
    this.#queue = new PQueue({ concurrency });
    this.#handler = options.handler;
    this.#onError = options.onError;
    this.#delayOf = backoff(options.backoff);
  }

  /** Keys waiting or running (a dirty running key counts once). */
  get depth(): number {
    return this.#waiting.size + this.#running.size;
  }

  /** Failures in a row of `key` (0 after a success). */
  failures(key: string): number {
    return this.#failures.get(key) ?? 0;
  }

  /** Queues `key` unless it already waits; marks it dirty when it runs. Ignored after `shutDown`. */
  add(key: string): void {
    if (this.#shutDown) return;
    if (this.#running.has(key)) {
      this.#dirty.add(key);
      return;
    }
    if (this.#waiting.has(key)) return;
    this.#waiting.add(key);
    void this.#queue.add(() => this.#run(key));
  }

  /** Adds `key` after `delayMs` (a later call for the same key replaces an earlier pending one). */
  addAfter(key: string, delayMs: number): void {
    if (this.#shutDown) return;
    if (!(delayMs >= 0)) throw new RangeError(`addAfter delayMs must be >= 0, got ${delayMs}`);
    const pending = this.#timers.get(key);
    if (pending !== undefined) clearTimeout(pending);
    this.#timers.set(
      key,
      setTimeout(() => {
        this.#timers.delete(key);
        this.add(key);
      }, delayMs),
    );
  }

  /** Resolves when nothing waits or runs (retries scheduled for later do not count). */
  async onIdle(): Promise<void> {
    await this.#queue.onIdle();
  }

  /** Drops delayed retries and waiting keys, lets running handlers finish, and accepts no more keys. */
  async shutDown(): Promise<void> {
    this.#shutDown = true;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#queue.clear();
    this.#waiting.clear();
    this.#dirty.clear();
    await this.#queue.onIdle();
  }

  async #run(key: string): Promise<void> {
    if (!this.#waiting.delete(key)) return; // dropped by shutDown
    this.#running.add(key);
    try {
      await this.#handler(key);
      this.#failures.delete(key);
    } catch (error) {
      const failures = (this.#failures.get(key) ?? 0) + 1;
      this.#failures.set(key, failures);
      const delayMs = this.#delayOf(failures);
      this.#onError?.(key, error, delayMs);
      // A dirty key still waits for its back-off: the failure is more recent than the change.
      this.#dirty.delete(key);
      this.addAfter(key, delayMs);
    } finally {
      this.#running.delete(key);
      if (this.#dirty.delete(key)) this.add(key);
    }
  }
}
