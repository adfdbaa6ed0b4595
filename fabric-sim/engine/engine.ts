import { EventQueue } from './event-queue.js';
import { RandomStream } from './random.js';

/** Receives the numeric argument the event was scheduled with. The engine's clock is the event time. */
export type EventHandler = (arg: number) => void;

/** Identifies a registered handler; pass it to `schedule`. */
export type EventKind = number;

/** Why a run returned. */
export type RunOutcome = 'idle' | 'time-limit' | 'stopped';

export interface ProgressReport {
  /** Simulated time reached. */
  nowNs: number;
  /** Events fired since the engine was created. */
  eventsProcessed: number;
  /** Events still pending. */
  pendingEvents: number;
}

export interface ProgressOptions {
  /** Report after every this many events (default 1,000,000). */
  everyEvents?: number;
}

export interface EngineOptions {
  /** Seed of every random stream the engine hands out (default 1). */
  seed?: number | string;
  /** Pending events to size the queue for before its first growth (default 1024). */
  initialCapacity?: number;
}

/**
 * The discrete-event engine: a nanosecond clock, the pending-event queue, handlers registered
 * by kind, and the seeded random streams.
 *
 * Events carry a handler kind and one number (an index into the component's own state, a
 * byte count, ...) rather than a closure or an object, so scheduling allocates nothing. Payloads
 * are kept in slot-indexed typed arrays beside the queue.
 *
 * Invariants: the clock never moves backwards; events never fire before the clock; events at
 * equal times fire in the order they were scheduled.
 *
 * @example
 * const engine = new Engine({ seed: 7 });
 * const arrivals = engine.random('arrivals');
 * const arrive = engine.register('arrive', (customer) => {
 *   if (customer < 100) engine.schedule(arrivals.exponential(1_000), arrive, customer + 1);
 * });
 * engine.schedule(0, arrive, 0);
 * engine.runUntilIdle();
 */
export class Engine {
  readonly #queue: EventQueue;
  readonly #handlers: EventHandler[] = [];
  readonly #handlerNames: string[] = [];
  /**
   * Payload per slot as [kind, arg] pairs in one array: a pop reads both from one cache line
   * (the slot was filled long before, so that line is usually cold).
   */
  #slotPayload: Float64Array;
  readonly #seed: number | string;
  readonly #streamNames = new Set<string>();

  #nowNs = 0;
  #eventsProcessed = 0;
  #stopRequested = false;
  #running = false;

  #progressHook: ((report: ProgressReport) => void) | undefined;
  #progressEvery = 1_000_000;
  #nextProgressAt = Infinity;

  constructor(options: EngineOptions = {}) {
    const seed = options.seed ?? 1;
    if (typeof seed === 'number' && (!Number.isSafeInteger(seed) || seed < 0)) {
      throw new RangeError(`Engine seed must be a non-negative safe integer or a string, got ${String(seed)}`);
    }
    this.#seed = seed;
    this.#queue = new EventQueue(options.initialCapacity ?? 1024);
    this.#slotPayload = new Float64Array(this.#queue.slotCapacity * 2);
  }

  /** Current simulated time in nanoseconds. */
  get nowNs(): number {
    return this.#nowNs;
  }

  /** Events fired so far. */
  get eventsProcessed(): number {
    return this.#eventsProcessed;
  }

  /** Events scheduled and not yet fired or cancelled. */
  get pendingEvents(): number {
    return this.#queue.size;
  }

  /** Time of the next pending event, or `Infinity`. */
  get nextEventTimeNs(): number {
    return this.#queue.peekTimeNs();
  }

  /**
   * Registers a handler and returns its kind. `name` is for diagnostics and must be unique.
   */
  register(name: string, handler: EventHandler): EventKind {
    if (this.#handlerNames.includes(name)) throw new Error(`Engine: handler "${name}" is already registered`);
    this.#handlers.push(handler);
    this.#handlerNames.push(name);
    return this.#handlers.length - 1;
  }

  /** The name a handler kind was registered under. */
  handlerName(kind: EventKind): string {
    const name = this.#handlerNames[kind];
    if (name === undefined) throw new RangeError(`Engine: no handler of kind ${kind}`);
    return name;
  }

  /**
   * Schedules `kind` to fire `delayNs` from now with `arg`.
   * @returns a handle for `cancel`.
   * @throws RangeError for a negative, NaN or infinite delay or an unknown kind.
   */
  schedule(delayNs: number, kind: EventKind, arg = 0): number {
    if (!(delayNs >= 0 && delayNs < Infinity)) {
      throw new RangeError(`Engine.schedule: delay must be a finite number >= 0 ns, got ${String(delayNs)}`);
    }
    return this.#push(this.#nowNs + delayNs, kind, arg);
  }

  /**
   * Schedules `kind` to fire at absolute time `timeNs` (not before now) with `arg`.
   * @returns a handle for `cancel`.
   */
  scheduleAt(timeNs: number, kind: EventKind, arg = 0): number {
    if (!(timeNs >= this.#nowNs && timeNs < Infinity)) {
      throw new RangeError(
        `Engine.scheduleAt: time must be finite and not before now (${this.#nowNs} ns), got ${String(timeNs)}`,
      );
    }
    return this.#push(timeNs, kind, arg);
  }

  /** Cancels a scheduled event; false when it already fired or was cancelled. */
  cancel(handle: number): boolean {
    return this.#queue.cancel(handle);
  }

  /** Asks the running `run*` call to return after the current event. */
  stop(): void {
    this.#stopRequested = true;
  }

  /**
   * Calls `hook` every `everyEvents` events during runs, and once when a run returns.
   * Pass `undefined` to remove it.
   */
  onProgress(hook: ((report: ProgressReport) => void) | undefined, options: ProgressOptions = {}): void {
    const every = options.everyEvents ?? 1_000_000;
    if (!Number.isInteger(every) || every < 1) {
      throw new RangeError(`Engine.onProgress: everyEvents must be a positive integer, got ${String(every)}`);
    }
    this.#progressHook = hook;
    this.#progressEvery = every;
    this.#nextProgressAt = hook === undefined ? Infinity : this.#eventsProcessed + every;
  }

  /**
   * Fires events in order until none is left at or before `limitNs`, then sets the clock to
   * `limitNs` (unless the run was stopped). Returns 'idle' when no event is left at all,
   * 'time-limit' when later events remain.
   */
  runUntil(limitNs: number): RunOutcome {
    if (!(limitNs >= this.#nowNs)) {
      throw new RangeError(`Engine.runUntil: limit must not be before now (${this.#nowNs} ns), got ${String(limitNs)}`);
    }
    const outcome = this.#run(limitNs);
    if (outcome !== 'stopped' && limitNs < Infinity) this.#nowNs = limitNs;
    return outcome;
  }

  /** Fires events until none is pending (or `stop()` is called). */
  runUntilIdle(): RunOutcome {
    return this.#run(Infinity);
  }

  /**
   * The random stream named `name`, derived from the engine's seed. Each name may be taken
   * once, so two components cannot share (and perturb) one stream by accident.
   */
  random(name: string): RandomStream {
    if (this.#streamNames.has(name)) throw new Error(`Engine: random stream "${name}" was already taken`);
    this.#streamNames.add(name);
    return RandomStream.derive(this.#seed, name);
  }

  #push(timeNs: number, kind: EventKind, arg: number): number {
    if (!(kind >= 0 && kind < this.#handlers.length) || !Number.isInteger(kind)) {
      throw new RangeError(`Engine: unknown event kind ${String(kind)} (register the handler first)`);
    }
    const handle = this.#queue.push(timeNs);
    const slot = EventQueue.slotOf(handle);
    if (slot * 2 >= this.#slotPayload.length) this.#growPayload();
    this.#slotPayload[slot * 2] = kind;
    this.#slotPayload[slot * 2 + 1] = arg;
    return handle;
  }

  #growPayload(): void {
    const payload = new Float64Array(this.#queue.slotCapacity * 2);
    payload.set(this.#slotPayload);
    this.#slotPayload = payload;
  }

  #run(limitNs: number): RunOutcome {
    if (this.#running) throw new Error('Engine: run called from inside a handler');
    this.#running = true;
    this.#stopRequested = false;
    const queue = this.#queue;
    const handlers = this.#handlers;
    let outcome: RunOutcome = 'idle';
    try {
      for (;;) {
        if (this.#isStopRequested()) {
          outcome = 'stopped';
          break;
        }
        const slot = queue.popAtOrBefore(limitNs);
        if (slot < 0) {
          outcome = queue.size === 0 ? 'idle' : 'time-limit';
          break;
        }
        // Read the payload before the handler runs: its first schedule reuses this slot.
        const payload = this.#slotPayload;
        const kind = payload[slot * 2]!;
        const arg = payload[slot * 2 + 1]!;
        this.#nowNs = queue.poppedTimeNs;
        handlers[kind]!(arg);
        if (++this.#eventsProcessed >= this.#nextProgressAt) this.#reportProgress();
      }
    } finally {
      this.#running = false;
    }
    this.#progressHook?.(this.#progressReport());
    return outcome;
  }

  /** A method, not a field read, because handlers set the flag during the run. */
  #isStopRequested(): boolean {
    return this.#stopRequested;
  }

  #reportProgress(): void {
    this.#nextProgressAt = this.#eventsProcessed + this.#progressEvery;
    this.#progressHook?.(this.#progressReport());
  }

  #progressReport(): ProgressReport {
    return { nowNs: this.#nowNs, eventsProcessed: this.#eventsProcessed, pendingEvents: this.#queue.size };
  }
}
