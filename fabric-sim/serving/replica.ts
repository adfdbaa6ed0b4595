import { StepTimer, type Deployment, type StepCostOptions } from '../../gpu-model/index.js';
import type { Engine, EventKind } from '../engine/index.js';
import type { KvBlockPool } from './kv-block-pool.js';
import { SeqDeque } from './seq-deque.js';
import type { Sequence } from './sequence.js';

/** The batching limits of a replica (vLLM's scheduler configuration). */
export interface BatchingLimits {
  /** Token budget of one step (max_num_batched_tokens): prefill chunks and decode tokens together. */
  readonly maxBatchedTokens: number;
  /** Most sequences running at once (max_num_seqs). */
  readonly maxSequences: number;
}

/** What a replica reports to the simulation that owns it. */
export interface ReplicaEvents {
  /** A token was sampled for `s` at the engine's current time (`s.generated` already counts it). */
  token(s: Sequence): void;
  /** `s` produced its last token; its blocks are already released. */
  finished(s: Sequence): void;
  /** A prefill-only replica finished the prompt of `s` and sampled its first token; its blocks are still held. */
  prefilled(s: Sequence): void;
}

/**
 * One model replica that batches the way vLLM's V1 scheduler (and SGLang's) does: continuous
 * batching with chunked prefill under one token budget per step, paged KV blocks, prefix
 * caching, and preemption by recompute when blocks run out.
 *
 * Each step:
 * 1. Running requests, oldest first, take their pending tokens (1 for a decode, the rest of the
 *    prompt for a prefill, capped by the budget left). A request that needs a KV block when none
 *    is free preempts the newest running request (its blocks are released and it returns to the
 *    front of the waiting queue, to be recomputed), repeatedly, possibly itself.
 * 2. If nothing was preempted, waiting requests are admitted in arrival order while budget,
 *    sequence slots and blocks last: each first reuses the longest cached prefix of its prompt
 *    (at least one token is always recomputed, to produce logits), then takes a chunk.
 * The step lasts `stepCost` of its batch (gpu-model, through its allocation-free `StepTimer`); at its end every request whose known
 * tokens are all computed samples one token.
 */
export class ServingReplica {
  readonly index: number;
  readonly pool: KvBlockPool;
  readonly #engine: Engine;
  readonly #timer: StepTimer;
  /** The step's new and cached token counts per sequence, reused across steps. */
  #newTokens = new Float64Array(64);
  #cachedTokens = new Float64Array(64);
  readonly #limits: BatchingLimits;
  readonly #events: ReplicaEvents;
  readonly #waiting = new SeqDeque();
  #running: Sequence[] = [];
  #batch: Sequence[] = [];
  #busy = false;
  #kickQueued = false;
  readonly #kStepDone: EventKind;
  readonly #kKick: EventKind;

  /** Requests routed here and not finished or handed over (router's "outstanding"). */
  outstanding = 0;
  steps = 0;
  busyNs = 0;
  preemptions = 0;

  constructor(
    index: number,
    engine: Engine,
    deployment: Deployment,
    pool: KvBlockPool,
    costOptions: StepCostOptions,
    limits: BatchingLimits,
    events: ReplicaEvents,
  ) {
    this.index = index;
    this.#engine = engine;
    this.#timer = new StepTimer(deployment, costOptions);
    this.pool = pool;
    this.#limits = limits;
    this.#events = events;
    this.#kStepDone = engine.register(`serving/replica${index}/step-done`, () => { this.#stepDone(); });
    this.#kKick = engine.register(`serving/replica${index}/kick`, () => {
      this.#kickQueued = false;
      if (!this.#busy) this.#startStep();
    });
  }

  /** Requests waiting for admission. */
  get waiting(): number {
    return this.#waiting.size;
  }

  /** Queues `s` for admission; an idle replica starts a step after every arrival at this instant. */
  enqueue(s: Sequence): void {
    s.replica = this.index;
    this.#waiting.pushBack(s);
    if (!this.#busy && !this.#kickQueued) {
      this.#kickQueued = true;
      this.#engine.schedule(0, this.#kKick);
    }
  }

  /** Releases the blocks of a handed-over request once its KV has left (prefill-only replicas). */
  releaseHandedOver(s: Sequence): void {
    this.pool.release(s.blocks);
    s.blocks.length = 0;
    if (!this.#busy && this.#waiting.size > 0 && !this.#kickQueued) {
      this.#kickQueued = true;
      this.#engine.schedule(0, this.#kKick);
    }
  }

  #startStep(): void {
    const batch = this.#schedule();
    if (batch.length === 0) return;
    if (batch.length > this.#newTokens.length) {
      this.#newTokens = new Float64Array(batch.length * 2);
      this.#cachedTokens = new Float64Array(batch.length * 2);
    }
    for (let i = 0; i < batch.length; i++) {
      this.#newTokens[i] = batch[i]!.scheduledTokens;
      this.#cachedTokens[i] = batch[i]!.computed;
    }
    // StepTimer equals gpu-model's stepCost of this batch (step-timer.test.ts), without allocating.
    const timeNs = this.#timer.timeNs(this.#newTokens, this.#cachedTokens, batch.length);
    this.#batch = batch;
    this.#busy = true;
    this.steps++;
    this.busyNs += timeNs;
    this.#engine.schedule(timeNs, this.#kStepDone);
  }

  #schedule(): Sequence[] {
    const pool = this.pool;
    const now = this.#engine.nowNs;
    const batch: Sequence[] = [];
    let budget = this.#limits.maxBatchedTokens;
    let preempted = false;
    const running = this.#running;
    for (let i = 0; i < running.length && budget > 0; i++) {
      const s = running[i]!;
      const n = Math.min(s.pendingTokens, budget);
      const need = pool.blocksFor(s.computed + n) - s.blocks.length;
      let fits = need <= 0 || pool.allocate(need, s.blocks);
      while (!fits) {
        const victim = running.pop()!;
        this.#preempt(victim);
        preempted = true;
        if (victim === s) break;
        fits = pool.allocate(need, s.blocks);
      }
      if (!fits) break;
      s.scheduledTokens = n;
      budget -= n;
      batch.push(s);
    }
    if (preempted) return batch;
    while (budget > 0 && running.length < this.#limits.maxSequences) {
      const s = this.#waiting.peek();
      if (s === undefined) break;
      if (s.computed === 0 && s.blocks.length === 0 && !s.kvTransferred) this.#reusePrefix(s);
      const n = Math.min(s.pendingTokens, budget);
      const need = pool.blocksFor(s.computed + n) - s.blocks.length;
      if (need > 0 && !pool.allocate(need, s.blocks)) {
        if (!s.kvTransferred) {
          // Give the prefix back: it is re-looked-up (and maybe grown) on the next try.
          pool.release(s.blocks);
          s.blocks.length = 0;
          s.computed = 0;
        }
        break;
      }
      this.#waiting.popFront();
      if (Number.isNaN(s.firstScheduledNs)) s.firstScheduledNs = now;
      s.scheduledTokens = n;
      budget -= n;
      running.push(s);
      batch.push(s);
    }
    return batch;
  }

  /** Takes the longest cached prefix of `s` (in whole blocks, one token short of everything). */
  #reusePrefix(s: Sequence): void {
    const pool = this.pool;
    const cached = pool.cachedPrefixBlocks(s.blockKeys);
    if (!s.prefixQueried) {
      s.prefixQueried = true;
      s.prefixHitTokens = Math.min(cached * pool.blockTokens, s.promptTokens);
    }
    if (cached === 0) return;
    pool.acquireCached(s.blockKeys, cached, s.blocks);
    s.computed = Math.min(cached * pool.blockTokens, s.knownTokens - 1);
  }

  #preempt(s: Sequence): void {
    this.pool.release(s.blocks);
    s.blocks.length = 0;
    s.computed = 0;
    s.scheduledTokens = 0;
    s.preemptions++;
    this.preemptions++;
    this.#waiting.pushFront(s);
  }

  #stepDone(): void {
    this.#busy = false;
    const pool = this.pool;
    const events = this.#events;
    let finished = false;
    for (const s of this.#batch) {
      const before = s.computed;
      s.computed += s.scheduledTokens;
      s.scheduledTokens = 0;
      if (pool.prefixCaching && s.blockKeys.length > 0) {
        const last = Math.min(Math.floor(s.computed / pool.blockTokens), s.blockKeys.length);
        for (let j = Math.floor(before / pool.blockTokens); j < last; j++) pool.cacheFull(s.blocks[j]!, s.blockKeys[j]!);
      }
      if (s.computed < s.knownTokens) continue;
      s.generated++;
      events.token(s);
      if (s.prefillOnly) {
        finished = true;
        events.prefilled(s);
      } else if (s.generated >= s.outputTokens) {
        finished = true;
        pool.release(s.blocks);
        s.blocks.length = 0;
        events.finished(s);
      }
    }
    if (finished) this.#running = this.#running.filter((s) => !this.#isDone(s));
    this.#batch = [];
    this.#startStep();
  }

  #isDone(s: Sequence): boolean {
    return s.prefillOnly ? s.generated >= 1 : s.generated >= s.outputTokens;
  }
}
