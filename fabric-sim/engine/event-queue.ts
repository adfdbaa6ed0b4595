/** Upper bound on simultaneously pending events; handles are `generation * MAX_PENDING + slot`. */
const MAX_PENDING = 2 ** 26;
/** Mean events per bucket a new rung is sized for. */
const BUCKET_TARGET = 8;
/** A bucket holding more than this many events is split into a finer rung instead of being loaded into the bottom. */
const SPLIT_THRESHOLD = 32;
/**
 * Rung 0 gets at most this many buckets per `BUCKET_TARGET` events of the top it is built from,
 * so a skewed distribution cannot make it huge; events beyond it stay in the top.
 */
const RUNG0_BUCKETS_PER_EVENT = 8;
/** Bottoms up to this size are kept as a sorted array (pop = cursor increment), larger ones as a heap. */
const SORTED_BOTTOM_LIMIT = 64;
/** Deepest rung stack; below it a bucket goes to the bottom heap whatever its size (e.g. mass ties). */
const MAX_RUNGS = 8;
/** Cancelled events are purged in one pass once they exceed this count and the live ones. */
const COMPACT_MIN_DEAD = 1024;

/**
 * Pending-event set of the discrete-event engine: a ladder queue (Tang, Goh & Thng, "Ladder
 * queue: an O(1) priority queue structure for large-scale discrete event simulation", ACM
 * TOMACS 2005) with a small sorted-array bottom. Events are ordered by (time, insertion
 * sequence), so simultaneous events fire in the order they were scheduled and every run is
 * deterministic. Push and pop are amortized O(1) for the distributions simulations produce.
 *
 * The queue orders slots; callers keep each event's payload in their own slot-indexed arrays
 * (see `Engine`), exactly as a flatqueue user keeps payloads behind its item ids.
 *
 * Structure, from far future to near:
 * - **Top**: an unsorted append-only array of (time, slot) for events beyond rung 0. Push is one
 *   append.
 * - **Rungs** (a stack, at most `MAX_RUNGS`): rung r splits a time range into equal-width
 *   buckets. A bucket is a count plus a list of 8-entry chunks of (time, slot) from a shared
 *   pool, newest chunk first, each chunk filled in push order; filing an event is one write into
 *   a contiguous chunk and allocates nothing. Rung 0 is built from the top when
 *   everything nearer is exhausted: its width aims at `BUCKET_TARGET` (8) events per bucket at
 *   the density of the front of the top's range, with at most `RUNG0_BUCKETS_PER_EVENT` buckets
 *   per 8 events (later events stay in the top). Rung r+1 spans the times held by the bucket
 *   of rung r being consumed (`#rungCur[r]`), from its earliest to its latest; a bucket is split
 *   into one only when it holds more than `SPLIT_THRESHOLD` events of more than one time. A
 *   larger bucket of a single time goes to the bottom whole: it is in push order already.
 * - **Bottom**: the consumed bucket of the deepest rung, stably insertion-sorted by time into an
 *   array (entries arrive in push order for equal times, so that is (time, sequence) order) so
 *   pop is a cursor increment, plus any event pushed into that bucket's
 *   range or earlier (inserted from the end: a new event goes after every equal time). A bottom
 *   above `SORTED_BOTTOM_LIMIT` entries that must take an event before its last (zero-delay
 *   bursts into a large bucket) becomes a binary heap on (time, sequence) until it drains, so no
 *   pattern is quadratic; appends at or after its last entry keep it sorted.
 * - **Slots**: one 4-byte state word per slot (generation*2 + live), the only per-slot datum the
 *   hold path reads, so the states of 1e5 pending events stay in L2. There is no per-slot
 *   insertion sequence: a heap bottom ranks its own entries (`#bottomSeq`). Freed slots are reused last-in first-out.
 *
 * Invariants (the ordering proof):
 * - Every placement goes through floor((t - start) * invWidth) of a rung (clamped to the rung
 *   for rungs >= 1), which is monotone in t: events in a lower bucket are never later than those
 *   in a higher one, and events with equal times always take the same path, so they are always
 *   in the same container (top, bucket or bottom).
 * - Every container except a heap bottom holds equal times in push order: the top and chunks
 *   are appended to, and every move (rung-0 build, split, load, purge) walks its source oldest
 *   first; the purge drains a heap bottom in heap order. So a stable sort by time alone is a
 *   sort by (time, sequence).
 * - bottom <= later buckets of the deepest rung <= ... <= later buckets of rung 0 <= top. Only
 *   whole buckets move. A push into the current bucket's range or earlier goes to the bottom, so
 *   any finite time is accepted, even one before the last pop (no monotonicity is required;
 *   a `peekTimeNs` that loaded the next bucket changes nothing for later pushes).
 * - No rung exists only while the bottom is empty; then everything pending is in the top.
 * - Times are finite and within +-1e300, so differences of times are finite.
 *
 * Cancel is O(1) and lazy: the slot's generation is bumped and the entry is dropped, and its
 * slot freed, wherever it is next touched (bottom head, bucket split or load, rung-0 build), or
 * by one purge pass (everything back to the top) when dead entries outnumber live ones. No
 * allocation per event: arrays double when full. `push` is kept small enough for V8 to inline,
 * so a caller that ignores the handle does not box it.
 *
 * Measured reasons (hold model, `npm run bench -- engine`, ratios to flatqueue from one run on
 * the shared 2-core VM, +-20% noise):
 * - The binary heap this replaces (tie-break on sequence, lazy cancel) ran at 0.51x / 0.54x /
 *   0.72x flatqueue at 1e3 / 1e5 / 1e6 pending; earlier tries, a 4-ary heap, 32-byte inline heap
 *   records, a radix heap on double bit patterns and a calendar queue with sorted SoA lists, were
 *   no better than flatqueue.
 * - Rung-0 width from range / count put ~ln(n) * 8 events in every near bucket, so every event
 *   was split once more (1.0 split moves per hold); sizing from the front density removed them.
 * - Buckets of ~8 beat ~24: the bottom stays tiny (insertion sort is cheap, pop is an
 *   increment); sorted bottoms beat a heap bottom on pops.
 * - Memory latency decides 1e5 and beyond: on these VMs a random read costs ~4 ns within L1,
 *   ~20 ns within the 2 MB L2 and ~140 ns beyond it. Buckets that were linked lists threaded
 *   through 32-byte slot records (time, next, sequence, state: 3.2 MB at 1e5) cost one
 *   dependent miss per event when a bucket was loaded; contiguous 8-entry chunks and a 4-byte
 *   state per slot took 1e5 from ~1.05x to ~1.3x flatqueue and 1e6 from ~2.2x to ~2.5x, at
 *   par at 1e3 (ad-hoc harness, 3 alternating processes per variant).
 * - A push too large to inline boxed its handle: 317 vs 30 scavenges per 10M holds at 1e3.
 * - Module-level constants and private static fields are reloaded on every use in hot code;
 *   the hot paths use literals.
 * - Bucket targets of 4, 6 and 8 events and rung-0 bucket budgets of 2 and 8 per 8 events were
 *   within noise of each other.
 * - Mass ties: in the k = 16 fat-tree permutation of the fabric benchmark (11.8 M events) buckets
 *   of 100+ events at one nanosecond were split rung after rung down to `MAX_RUNGS` (28.6 M
 *   entry moves, 2.4 per event) and then heap-sorted with sequence tie-breaks (16 k heap
 *   bottoms). Splitting over the bucket's actual span and loading a one-time bucket whole cut
 *   the moves to 13.5 M (1.1 per event) and left no heap bottom (27,658 one-time buckets of 69
 *   events on average loaded whole); CPU time of that run fell 8 to 14% in three alternating
 *   pairs of runs (fabric-sim/README.md, Benchmark).
 *
 * A handle is `generation * MAX_PENDING + slot`; `EventQueue.slotOf(handle)` recovers the slot.
 * It is invalidated when its event fires or is cancelled, after which `cancel` returns false
 * (unless the same slot has since been reused a multiple of 2^26 times, which no realistic
 * caller reaches).
 *
 * @example
 * const q = new EventQueue();
 * const late = q.push(100);
 * const early = q.push(50);
 * q.cancel(late);
 * const slot = q.pop(); // === EventQueue.slotOf(early); q.poppedTimeNs === 50
 */
export class EventQueue {
  /** Upper bound on simultaneously pending events. */
  static readonly MAX_PENDING = MAX_PENDING;

  // Per slot.
  /** generation*2 + live, per slot: the only per-slot word the hot path touches. */
  #state: Int32Array;
  #freeSlots: Int32Array;
  #freeCount = 0;
  #slotsUsed = 0;
  #nextSeq = 0;

  // Top: unsorted (time, slot) beyond the ladder.
  #topTime: Float64Array;
  #topSlot: Int32Array;
  #topLength = 0;

  // Rungs: scalars per rung; buckets of rung r are [#rungBase[r], #rungBase[r] + #rungBuckets[r]).
  #rungCount = 0;
  readonly #rungStart = new Float64Array(MAX_RUNGS);
  readonly #rungInvWidth = new Float64Array(MAX_RUNGS);
  readonly #rungBase = new Int32Array(MAX_RUNGS);
  readonly #rungBuckets = new Int32Array(MAX_RUNGS);
  readonly #rungCur = new Int32Array(MAX_RUNGS);
  /** [head chunk of the bucket (meaningless while the count is 0), count] per bucket. */
  #buckets: Int32Array;
  // Chunk pool: 16 (time, slot) entries per chunk, chunks of one bucket linked newest first.
  #chunkTime: Float64Array;
  #chunkSlot: Int32Array;
  #chunkNext: Int32Array;
  #freeChunks: Int32Array;
  #freeChunkCount = 0;
  #chunksUsed = 0;
  #chunkStack = new Int32Array(16);
  // Copies of rung 0's start, inverse width, current bucket and bucket count (0 without rungs)
  // for push's fast path; kept in sync by #syncFast.
  #fastStart = 0;
  #fastInvWidth = 1;
  #fastCur = 0;
  #fastEnd = 0;

  // Bottom: entries [#bottomHead, #bottomEnd) of (time, slot), sorted ascending by (time, seq),
  // or, when #bottomIsHeap, a binary min-heap with #bottomHead = 0.
  #bottomTime: Float64Array;
  #bottomSlot: Int32Array;
  /**
   * Only while #bottomIsHeap: each entry's rank in (time, sequence) order among the bottom's
   * entries, from the order they entered it (a load walks push order, a sorted bottom is in
   * (time, sequence) order, and a later push has the largest sequence of all). Bottom-local so
   * the hot push path writes no per-slot sequence (an 8-byte random write per event at 1e5
   * pending, and 800 kB of cache).
   */
  #bottomSeq: Float64Array;
  #bottomNextSeq = 0;
  #bottomHead = 0;
  #bottomEnd = 0;
  #bottomIsHeap = false;
  /** Earliest and latest time of the bucket `#bucketSpan` last scanned. */
  #spanMin = 0;
  #spanMax = 0;

  /** Entries popped or dropped (cancelled) so far: `#nextSeq - #removed` entries are held, live or cancelled. */
  #removed = 0;
  /** Cancelled entries not yet dropped. */
  #dead = 0;

  /** Time of the event returned by the last successful `pop()`. */
  poppedTimeNs = 0;

  /**
   * @param initialCapacity pending events to size the arrays for before the first growth.
   */
  constructor(initialCapacity = 1024) {
    if (!Number.isInteger(initialCapacity) || initialCapacity < 1 || initialCapacity > MAX_PENDING) {
      throw new RangeError(
        `EventQueue initialCapacity must be an integer in [1, ${MAX_PENDING}], got ${String(initialCapacity)}`,
      );
    }
    this.#state = new Int32Array(initialCapacity);
    this.#freeSlots = new Int32Array(initialCapacity);
    this.#topTime = new Float64Array(initialCapacity);
    this.#topSlot = new Int32Array(initialCapacity);
    const buckets = Math.max(64, Math.ceil(initialCapacity / BUCKET_TARGET) * 2);
    this.#buckets = new Int32Array(buckets * 2);
    const chunks = Math.max(64, Math.ceil(initialCapacity / BUCKET_TARGET));
    this.#chunkTime = new Float64Array(chunks * 8);
    this.#chunkSlot = new Int32Array(chunks * 8);
    this.#chunkNext = new Int32Array(chunks);
    this.#freeChunks = new Int32Array(chunks);
    this.#bottomTime = new Float64Array(SORTED_BOTTOM_LIMIT * 2);
    this.#bottomSlot = new Int32Array(SORTED_BOTTOM_LIMIT * 2);
    this.#bottomSeq = new Float64Array(SORTED_BOTTOM_LIMIT * 2);
  }

  /** The slot a handle refers to (valid while the event is pending). */
  static slotOf(handle: number): number {
    // handle mod 2^26 without `%`, which V8 compiles to a slow fmod call for non-int32 operands;
    // the scaling by a power of two and the floor are exact for safe-integer handles.
    return handle - Math.floor(handle * 1.4901161193847656e-8) * 67108864;
  }

  /** Number of pending (scheduled, not yet fired or cancelled) events. */
  get size(): number {
    return this.#nextSeq - this.#removed - this.#dead;
  }

  /** Slots allocated so far: every slot index returned is below this. */
  get slotCapacity(): number {
    return this.#state.length;
  }

  /** Time of the earliest pending event, or `Infinity` when none is pending. */
  peekTimeNs(): number {
    for (;;) {
      if (this.#bottomHead === this.#bottomEnd && !this.#refill()) return Infinity;
      const head = this.#bottomHead;
      if (this.#dead === 0 || (this.#state[this.#bottomSlot[head]!]! & 1) === 1) return this.#bottomTime[head]!;
      this.#dropBottomHead();
    }
  }

  /**
   * Schedules an event at `timeNs`. Events with equal times pop in push order. Any finite time
   * is accepted, including one before the last popped event.
   * @returns a handle for `cancel`; `EventQueue.slotOf(handle)` is the slot `pop` will return.
   * @throws RangeError when `timeNs` is NaN, infinite or beyond +-1e300.
   */
  push(timeNs: number): number {
    // Literals, not module constants: V8 reloads those from the module context on every call.
    // Beyond +-1e300 ns is rejected so that every difference of two times is finite.
    if (!(timeNs >= -1e300 && timeNs <= 1e300)) throw badTime(timeNs);
    const slot = this.#freeCount > 0 ? this.#freeSlots[--this.#freeCount]! : this.#newSlot();
    const state = this.#state[slot]! | 1;
    this.#state[slot] = state;
    this.#nextSeq++;
    // Fast path: a later bucket of rung 0 (where most events of a steady simulation go).
    const bucket = Math.floor((timeNs - this.#fastStart) * this.#fastInvWidth);
    if (bucket > this.#fastCur && bucket < this.#fastEnd) {
      this.#link(bucket, timeNs, slot);
    } else {
      this.#place(timeNs, slot);
    }
    return (state >>> 1) * 67108864 + slot; // generation * MAX_PENDING + slot
  }

  /**
   * Cancels a pending event.
   * @returns true if the event was pending and is now cancelled; false if it had already
   *   fired or been cancelled.
   */
  cancel(handle: number): boolean {
    if (!Number.isSafeInteger(handle) || handle < 0) return false;
    const slot = handle % MAX_PENDING;
    const generation = (handle - slot) / MAX_PENDING;
    if (slot >= this.#slotsUsed || this.#state[slot] !== generation * 2 + 1) return false;
    // The entry stays where it is until it is next touched (or a purge drops it).
    this.#state[slot] = nextGenerationState(generation * 2 + 1);
    this.#dead++;
    if (this.#dead > COMPACT_MIN_DEAD && this.#dead > this.#nextSeq - this.#removed - this.#dead) this.#purge();
    return true;
  }

  /**
   * Removes the earliest pending event; its time is then in `poppedTimeNs`.
   * @returns the event's slot (free for reuse by the next `push`), or -1 when none is pending.
   */
  pop(): number {
    return this.popAtOrBefore(Infinity);
  }

  /**
   * Removes the earliest pending event if its time is at or before `limitNs` (one call where a
   * run loop would otherwise peek and then pop); its time is then in `poppedTimeNs`.
   * @returns the event's slot (free for reuse by the next `push`), or -1 when none is pending
   *   or the earliest is later than `limitNs` (`size` tells which).
   */
  popAtOrBefore(limitNs: number): number {
    for (;;) {
      let head = this.#bottomHead;
      if (head === this.#bottomEnd) {
        if (!this.#refill()) return -1;
        head = this.#bottomHead;
      }
      const slot = this.#bottomSlot[head]!;
      const state = this.#state[slot]!;
      if (this.#dead > 0 && (state & 1) === 0) {
        this.#dropBottomHead();
        continue;
      }
      const timeNs = this.#bottomTime[head]!;
      if (timeNs > limitNs) return -1;
      this.poppedTimeNs = timeNs;
      this.#state[slot] = nextGenerationState(state);
      this.#freeSlots[this.#freeCount++] = slot;
      this.#removed++;
      if (this.#bottomIsHeap) this.#removeHeapRoot();
      else this.#bottomHead = head + 1;
      return slot;
    }
  }

  /** Removes every pending event. Outstanding handles become invalid. */
  clear(): void {
    const states = this.#state;
    for (let slot = this.#slotsUsed - 1, free = 0; slot >= 0; slot--, free++) {
      const state = states[slot]!;
      if ((state & 1) === 1) states[slot] = nextGenerationState(state);
      this.#freeSlots[free] = slot;
    }
    this.#freeCount = this.#slotsUsed;
    this.#topLength = 0;
    this.#rungCount = 0;
    this.#chunksUsed = 0;
    this.#freeChunkCount = 0;
    this.#syncFast();
    this.#bottomHead = 0;
    this.#bottomEnd = 0;
    this.#removed = this.#nextSeq;
    this.#dead = 0;
  }

  /** Files a pushed event into the top, a rung bucket, or the bottom heap. */
  #place(timeNs: number, slot: number): void {
    const rungs = this.#rungCount;
    if (rungs === 0) {
      this.#appendTop(timeNs, slot);
      return;
    }
    const starts = this.#rungStart;
    const invWidths = this.#rungInvWidth;
    const curs = this.#rungCur;
    let bucket = Math.floor((timeNs - starts[0]!) * invWidths[0]!);
    if (bucket >= this.#rungBuckets[0]!) {
      this.#appendTop(timeNs, slot);
      return;
    }
    let r = 0;
    for (;;) {
      const cur = curs[r]!;
      if (bucket > cur) {
        this.#link(this.#rungBase[r]! + bucket, timeNs, slot);
        return;
      }
      if (bucket < cur || ++r === rungs) break;
      bucket = this.#clampedIndex(r, timeNs);
    }
    this.#bottomPush(timeNs, slot);
  }

  /** Bucket of rung r >= 1 for `timeNs`, clamped to the rung (rounding at its edges). */
  #clampedIndex(r: number, timeNs: number): number {
    const index = Math.floor((timeNs - this.#rungStart[r]!) * this.#rungInvWidth[r]!);
    const last = this.#rungBuckets[r]! - 1;
    return index > last ? last : index < 0 ? 0 : index;
  }

  #appendTop(timeNs: number, slot: number): void {
    if (this.#topLength === this.#topTime.length) {
      const capacity = this.#topLength * 2;
      this.#topTime = grownFloat64(this.#topTime, capacity, this.#topLength);
      this.#topSlot = grownInt32(this.#topSlot, capacity, this.#topLength);
    }
    this.#topTime[this.#topLength] = timeNs;
    this.#topSlot[this.#topLength++] = slot;
  }

  /**
   * Makes the bottom heap non-empty by loading or splitting the next bucket, dropping exhausted
   * rungs and building rung 0 from the top as needed. False when nothing is pending.
   */
  #refill(): boolean {
    for (;;) {
      let rungs = this.#rungCount;
      if (rungs === 0) {
        if (!this.#buildFromTop()) return false;
        rungs = 1;
      }
      const r = rungs - 1;
      const base = this.#rungBase[r]!;
      const end = base + this.#rungBuckets[r]!;
      let b = base + this.#rungCur[r]! + 1;
      const buckets = this.#buckets;
      while (b < end && buckets[b * 2 + 1] === 0) b++;
      if (b === end) {
        this.#rungCount = r;
        this.#syncFast();
        continue;
      }
      this.#rungCur[r] = b - base;
      this.#syncFast();
      const count = buckets[b * 2 + 1]!;
      if (count > SPLIT_THRESHOLD) {
        // One scan of the bucket's times: a bucket of one time (mass ties: a symmetric fabric
        // finishes many transmissions at the same nanosecond) is already in (time, sequence)
        // order and loads as a sorted bottom; otherwise a finer rung spans its actual times.
        this.#bucketSpan(b, count);
        const min = this.#spanMin;
        const max = this.#spanMax;
        if (min === max) {
          this.#loadBucket(b, count, true);
          if (this.#bottomEnd > 0) return true;
          continue;
        }
        if (rungs < MAX_RUNGS && this.#split(r, b - base, count, min, max)) continue;
      }
      this.#loadBucket(b, count, false);
      if (this.#bottomEnd > 0) return true;
    }
  }

  /**
   * Builds rung 0 from the top. Its bucket width aims at `BUCKET_TARGET` events per bucket at
   * the density of the earliest sixteenth of the top's range (event sets are usually densest
   * near the front: the hold model's is exponential), and it has at most about
   * `RUNG0_BUCKETS_PER_EVENT * length / BUCKET_TARGET` buckets; later events stay in the top. False when the top holds
   * no live event.
   */
  #buildFromTop(): boolean {
    const length = this.#topLength;
    const times = this.#topTime;
    const slots = this.#topSlot;
    if (length === 0) return false;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < length; i++) {
      const t = times[i]!;
      if (t < min) min = t;
      if (t > max) max = t;
    }
    const probe = (max - min) / 16;
    let front = 0;
    for (let i = 0; i < length; i++) front += +(times[i]! <= min + probe);
    let invWidth = front / (BUCKET_TARGET * probe);
    // All times equal (or a denormal spread): any positive finite width keeps the order.
    if (!(invWidth < Infinity)) invWidth = 1;
    // floor((max - min) * invWidth) can round up to the next integer, hence the + 2.
    const buckets = Math.min(Math.floor((max - min) * invWidth) + 2, Math.ceil((RUNG0_BUCKETS_PER_EVENT * length) / BUCKET_TARGET) + 2);
    this.#setRung(0, min, invWidth, 0, buckets);
    const checkDead = this.#dead > 0;
    let kept = 0;
    for (let i = 0; i < length; i++) {
      const slot = slots[i]!;
      if (checkDead && (this.#state[slot]! & 1) === 0) {
        this.#freeDead(slot);
        continue;
      }
      const t = times[i]!;
      const bucket = Math.floor((t - min) * invWidth);
      if (bucket < buckets) {
        this.#link(bucket, t, slot);
      } else {
        times[kept] = t;
        slots[kept++] = slot;
      }
    }
    this.#topLength = kept;
    return true;
  }

  /** Sets `#spanMin` and `#spanMax` to the earliest and latest time in bucket b (`count` entries, cancelled ones included). */
  #bucketSpan(b: number, count: number): void {
    const chunkTime = this.#chunkTime;
    const chunkNext = this.#chunkNext;
    let chunk = this.#buckets[b * 2]!;
    // The newest chunk (the head) holds ((count - 1) & 7) + 1 entries, every older one 8.
    let inChunk = ((count - 1) & 7) + 1;
    let min = Infinity;
    let max = -Infinity;
    for (let left = count; left > 0; left -= inChunk, inChunk = 8, chunk = chunkNext[chunk]!) {
      const entry = chunk * 8;
      for (let k = 0; k < inChunk; k++) {
        const t = chunkTime[entry + k]!;
        if (t < min) min = t;
        if (t > max) max = t;
      }
    }
    this.#spanMin = min;
    this.#spanMax = max;
  }

  /**
   * Moves bucket `index` of rung r (with `count` entries, times in [min, max], min < max) into
   * a new finer rung r+1 spanning [min, max]. Later pushes into the parent bucket's range are
   * clamped into the new rung's first or last bucket, which keeps placement monotone in time.
   */
  #split(r: number, index: number, count: number, min: number, max: number): boolean {
    const buckets = Math.ceil(count / BUCKET_TARGET);
    const invWidth = buckets / (max - min);
    if (!(invWidth < Infinity)) return false;
    const start = min;
    const base = this.#rungBase[r]! + this.#rungBuckets[r]!;
    this.#setRung(r + 1, start, invWidth, base, buckets);
    const checkDead = this.#dead > 0;
    const last = buckets - 1;
    const parent = (this.#rungBase[r]! + index) * 2;
    const chunkTime = this.#chunkTime;
    const chunkSlot = this.#chunkSlot;
    const chunkCount = this.#gatherChunks(this.#buckets[parent]!, count);
    this.#buckets[parent + 1] = 0;
    const stack = this.#chunkStack;
    // Oldest chunk first, each in append order: equal times keep their push order.
    for (let c = chunkCount - 1; c >= 0; c--) {
      const chunk = stack[c]!;
      const entry = chunk * 8;
      const inChunk = c === 0 ? ((count - 1) & 7) + 1 : 8;
      for (let k = 0; k < inChunk; k++) {
        const slot = chunkSlot[entry + k]!;
        if (checkDead && (this.#state[slot]! & 1) === 0) {
          this.#freeDead(slot);
        } else {
          const t = chunkTime[entry + k]!;
          const i = Math.floor((t - start) * invWidth);
          this.#link(base + (i > last ? last : i < 0 ? 0 : i), t, slot);
        }
      }
      this.#freeChunk(chunk);
    }
    this.#rungCount = r + 2;
    this.#syncFast();
    return true;
  }

  #setRung(r: number, start: number, invWidth: number, base: number, buckets: number): void {
    if ((base + buckets) * 2 > this.#buckets.length) {
      const capacity = Math.max(this.#buckets.length * 2, (base + buckets) * 2);
      this.#buckets = grownInt32(this.#buckets, capacity, base * 2);
    }
    this.#buckets.fill(0, base * 2, (base + buckets) * 2);
    this.#rungStart[r] = start;
    this.#rungInvWidth[r] = invWidth;
    this.#rungBase[r] = base;
    this.#rungBuckets[r] = buckets;
    this.#rungCur[r] = -1;
    this.#rungCount = r + 1;
    this.#syncFast();
  }

  #syncFast(): void {
    if (this.#rungCount === 0) {
      this.#fastCur = 0;
      this.#fastEnd = 0;
    } else {
      this.#fastStart = this.#rungStart[0]!;
      this.#fastInvWidth = this.#rungInvWidth[0]!;
      this.#fastCur = this.#rungCur[0]!;
      this.#fastEnd = this.#rungBuckets[0]!;
    }
  }

  /** Appends (timeNs, slot) to bucket b, opening a new head chunk when the current one is full. */
  #link(b: number, timeNs: number, slot: number): void {
    const buckets = this.#buckets;
    const count = buckets[b * 2 + 1]!;
    let chunk = buckets[b * 2]!;
    if ((count & 7) === 0) {
      chunk = this.#newChunk(count === 0 ? -1 : chunk);
      buckets[b * 2] = chunk;
    }
    const entry = chunk * 8 + (count & 7);
    this.#chunkTime[entry] = timeNs;
    this.#chunkSlot[entry] = slot;
    buckets[b * 2 + 1] = count + 1;
  }

  /**
   * Puts the chunks of a bucket holding `count` entries into #chunkStack, newest first, and
   * returns how many there are.
   */
  #gatherChunks(head: number, count: number): number {
    const chunkCount = (count + 7) >> 3;
    if (chunkCount > this.#chunkStack.length) this.#chunkStack = new Int32Array(Math.max(chunkCount, this.#chunkStack.length * 2));
    const stack = this.#chunkStack;
    let chunk = head;
    for (let c = 0; c < chunkCount; c++) {
      stack[c] = chunk;
      chunk = this.#chunkNext[chunk]!;
    }
    return chunkCount;
  }

  #newChunk(next: number): number {
    const chunk = this.#freeChunkCount > 0 ? this.#freeChunks[--this.#freeChunkCount]! : this.#allocChunk();
    this.#chunkNext[chunk] = next;
    return chunk;
  }

  #allocChunk(): number {
    if (this.#chunksUsed === this.#chunkNext.length) {
      const capacity = this.#chunksUsed * 2;
      this.#chunkTime = grownFloat64(this.#chunkTime, capacity * 8, this.#chunksUsed * 8);
      this.#chunkSlot = grownInt32(this.#chunkSlot, capacity * 8, this.#chunksUsed * 8);
      this.#chunkNext = grownInt32(this.#chunkNext, capacity, this.#chunksUsed);
      this.#freeChunks = grownInt32(this.#freeChunks, capacity, this.#freeChunkCount);
    }
    return this.#chunksUsed++;
  }

  #freeChunk(chunk: number): void {
    this.#freeChunks[this.#freeChunkCount++] = chunk;
  }

  /**
   * Moves bucket b (`count` entries) into the empty bottom: insertion-sorted while small (pops are
   * then a cursor increment), heapified otherwise.
   */
  #loadBucket(b: number, count: number, oneTime: boolean): void {
    if (count > this.#bottomTime.length) this.#growBottom(count);
    const bottomTime = this.#bottomTime;
    const bottomSlot = this.#bottomSlot;
    const checkDead = this.#dead > 0;
    // A bucket of one time is in push order already: the insertion sort below moves nothing.
    const sorted = oneTime || count <= SORTED_BOTTOM_LIMIT;
    const chunkTime = this.#chunkTime;
    const chunkSlot = this.#chunkSlot;
    const chunkCount = this.#gatherChunks(this.#buckets[b * 2]!, count);
    this.#buckets[b * 2 + 1] = 0;
    const stack = this.#chunkStack;
    let length = 0;
    for (let c = chunkCount - 1; c >= 0; c--) {
      const chunk = stack[c]!;
      const entry = chunk * 8;
      const inChunk = c === 0 ? ((count - 1) & 7) + 1 : 8;
      for (let k = 0; k < inChunk; k++) {
        const slot = chunkSlot[entry + k]!;
        const t = chunkTime[entry + k]!;
        if (checkDead && (this.#state[slot]! & 1) === 0) {
          this.#freeDead(slot);
        } else if (sorted) {
          // Stable: entries arrive in push order for equal times, so an equal time stops the shift.
          let i = length++;
          while (i > 0) {
            const previous = bottomTime[i - 1]!;
            if (previous <= t) break;
            bottomTime[i] = previous;
            bottomSlot[i] = bottomSlot[i - 1]!;
            i--;
          }
          bottomTime[i] = t;
          bottomSlot[i] = slot;
        } else {
          bottomTime[length] = t;
          this.#bottomSeq[length] = length;
          bottomSlot[length++] = slot;
        }
      }
      this.#freeChunk(chunk);
    }
    this.#bottomHead = 0;
    this.#bottomEnd = length;
    this.#bottomIsHeap = !sorted;
    this.#bottomNextSeq = length;
    if (!sorted) for (let i = (length >> 1) - 1; i >= 0; i--) this.#siftDown(i, bottomTime[i]!, bottomSlot[i]!, this.#bottomSeq[i]!);
  }

  #freeDead(slot: number): void {
    this.#freeSlots[this.#freeCount++] = slot;
    this.#dead--;
    this.#removed++;
  }

  #dropBottomHead(): void {
    this.#freeDead(this.#bottomSlot[this.#bottomHead]!);
    if (this.#bottomIsHeap) this.#removeHeapRoot();
    else this.#bottomHead++;
  }

  #removeHeapRoot(): void {
    const last = --this.#bottomEnd;
    if (last > 0) this.#siftDown(0, this.#bottomTime[last]!, this.#bottomSlot[last]!, this.#bottomSeq[last]!);
  }

  /**
   * Adds a newly pushed event to the bottom. Its sequence number is the largest of all, so it
   * goes after every entry with an equal time.
   */
  #bottomPush(timeNs: number, slot: number): void {
    let head = this.#bottomHead;
    let end = this.#bottomEnd;
    // A sorted bottom of any size takes an event at or after its last as an append; only an
    // insertion that would shift a large bottom turns it into a heap.
    if (!this.#bottomIsHeap && end - head >= SORTED_BOTTOM_LIMIT && this.#bottomTime[end - 1]! > timeNs) {
      // Too large to keep sorted by insertion; an ascending array is already a valid heap.
      this.#bottomTime.copyWithin(0, head, end);
      this.#bottomSlot.copyWithin(0, head, end);
      end -= head;
      head = 0;
      this.#bottomHead = 0;
      this.#bottomEnd = end;
      this.#bottomIsHeap = true;
      for (let i = 0; i < end; i++) this.#bottomSeq[i] = i;
      this.#bottomNextSeq = end;
    }
    if (end === this.#bottomTime.length) {
      if (head > 0) {
        this.#bottomTime.copyWithin(0, head, end);
        this.#bottomSlot.copyWithin(0, head, end);
        end -= head;
        head = 0;
        this.#bottomHead = 0;
      } else {
        this.#growBottom(end * 2);
      }
    }
    const times = this.#bottomTime;
    const slots = this.#bottomSlot;
    this.#bottomEnd = end + 1;
    let hole = end;
    if (this.#bottomIsHeap) {
      // The newest sequence of all: an equal-time parent stays above it.
      const seqs = this.#bottomSeq;
      while (hole > 0) {
        const parent = (hole - 1) >> 1;
        const parentTime = times[parent]!;
        if (parentTime <= timeNs) break;
        times[hole] = parentTime;
        slots[hole] = slots[parent]!;
        seqs[hole] = seqs[parent]!;
        hole = parent;
      }
      seqs[hole] = this.#bottomNextSeq++;
    } else {
      while (hole > head) {
        const previous = times[hole - 1]!;
        if (previous <= timeNs) break;
        times[hole] = previous;
        slots[hole] = slots[hole - 1]!;
        hole--;
      }
    }
    times[hole] = timeNs;
    slots[hole] = slot;
  }

  /** Writes (timeNs, slot, seq) at or below position `hole` of the bottom heap, moving earlier children up. */
  #siftDown(hole: number, timeNs: number, slot: number, seq: number): void {
    const times = this.#bottomTime;
    const slots = this.#bottomSlot;
    const seqs = this.#bottomSeq;
    const length = this.#bottomEnd;
    const half = length >> 1;
    while (hole < half) {
      const left = (hole << 1) + 1;
      const right = left + 1;
      let child = left;
      if (right < length) {
        const leftTime = times[left]!;
        const rightTime = times[right]!;
        child += rightTime === leftTime ? +(seqs[right]! < seqs[left]!) : +(rightTime < leftTime);
      }
      const childTime = times[child]!;
      if (childTime > timeNs || (childTime === timeNs && seq < seqs[child]!)) break;
      times[hole] = childTime;
      slots[hole] = slots[child]!;
      seqs[hole] = seqs[child]!;
      hole = child;
    }
    times[hole] = timeNs;
    slots[hole] = slot;
    seqs[hole] = seq;
  }

  /** Drops every cancelled entry: all live ones go back to the top, to be rebuilt into rungs. */
  #purge(): void {
    const states = this.#state;
    const keep = (timeNs: number, slot: number): void => {
      if ((states[slot]! & 1) === 1) this.#appendTop(timeNs, slot);
      else this.#freeDead(slot);
    };
    // Top entries are compacted in place.
    const topLength = this.#topLength;
    this.#topLength = 0;
    for (let i = 0; i < topLength; i++) keep(this.#topTime[i]!, this.#topSlot[i]!);
    for (let r = 0; r < this.#rungCount; r++) {
      const base = this.#rungBase[r]!;
      for (let b = base + this.#rungCur[r]! + 1; b < base + this.#rungBuckets[r]!; b++) {
        const count = this.#buckets[b * 2 + 1]!;
        if (count === 0) continue;
        const chunkCount = this.#gatherChunks(this.#buckets[b * 2]!, count);
        const stack = this.#chunkStack;
        for (let c = chunkCount - 1; c >= 0; c--) {
          const chunk = stack[c]!;
          const inChunk = c === 0 ? ((count - 1) & 7) + 1 : 8;
          for (let k = 0; k < inChunk; k++) keep(this.#chunkTime[chunk * 8 + k]!, this.#chunkSlot[chunk * 8 + k]!);
          this.#freeChunk(chunk);
        }
      }
    }
    // A heap bottom is not in (time, sequence) order: drain it in order so the top keeps, for
    // equal times, the push order every later stage relies on.
    if (this.#bottomIsHeap) {
      while (this.#bottomEnd > 0) {
        keep(this.#bottomTime[0]!, this.#bottomSlot[0]!);
        this.#removeHeapRoot();
      }
    }
    for (let i = this.#bottomHead; i < this.#bottomEnd; i++) keep(this.#bottomTime[i]!, this.#bottomSlot[i]!);
    this.#rungCount = 0;
    this.#syncFast();
    this.#bottomHead = 0;
    this.#bottomEnd = 0;
  }

  #newSlot(): number {
    if (this.#slotsUsed === this.#state.length) this.#growSlots();
    return this.#slotsUsed++;
  }

  #growBottom(minimum: number): void {
    const capacity = Math.max(minimum, this.#bottomTime.length * 2);
    this.#bottomTime = grownFloat64(this.#bottomTime, capacity, this.#bottomEnd);
    this.#bottomSlot = grownInt32(this.#bottomSlot, capacity, this.#bottomEnd);
    this.#bottomSeq = grownFloat64(this.#bottomSeq, capacity, this.#bottomEnd);
  }

  #growSlots(): void {
    const used = this.#slotsUsed;
    const capacity = Math.min(used * 2, MAX_PENDING);
    if (capacity === used) {
      throw new RangeError(`EventQueue cannot hold more than ${MAX_PENDING} pending events`);
    }
    this.#state = grownInt32(this.#state, capacity, used);
    this.#freeSlots = grownInt32(this.#freeSlots, capacity, this.#freeCount);
  }
}

function badTime(timeNs: number): RangeError {
  if (timeNs !== timeNs) return new RangeError('EventQueue.push: time is NaN');
  return new RangeError(`EventQueue.push: time must be finite and within +-1e300 ns, got ${String(timeNs)}`);
}

function grownFloat64(array: Float64Array, capacity: number, keep: number): Float64Array {
  const grown = new Float64Array(capacity);
  grown.set(array.subarray(0, keep));
  return grown;
}

function grownInt32(array: Int32Array, capacity: number, keep: number): Int32Array {
  const grown = new Int32Array(capacity);
  grown.set(array.subarray(0, keep));
  return grown;
}

/** Next state of a slot after its event fires or is cancelled: generation + 1, not live. */
function nextGenerationState(state: number): number {
  // Generations wrap below 2^26 so handles (generation * 2^26 + slot) stay exact integers:
  // ((generation + 1) mod 2^26) * 2 with the live bit cleared, as one add and one mask.
  return ((state | 1) + 1) & 0x7fffffe;
}
