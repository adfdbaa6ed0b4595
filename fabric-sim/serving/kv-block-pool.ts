/**
 * The paged KV cache of one replica, as vLLM manages it: a fixed number of blocks of
 * `blockTokens` tokens, reference-counted so that requests sharing a prefix share its blocks,
 * and a prefix cache mapping a block's content key to the block that holds it.
 *
 * Invariants:
 * - a block is either referenced (ref > 0, owned by running requests) or on the free list;
 * - a free block may still hold cached content (it keeps its key until it is reused), so a
 *   later request with the same prefix can revive it without recomputing;
 * - allocation takes free blocks from the head of the free list: blocks that hold no cached
 *   content first, then cached blocks least recently released first (LRU eviction), as vLLM's
 *   free-block queue does.
 *
 * The free list is a doubly linked list in typed arrays, so allocation and release allocate
 * nothing per block.
 */
export interface KvBlockPoolOptions {
  /** Blocks in the pool (KV-cache capacity in tokens / blockTokens). */
  readonly blocks: number;
  /** Tokens per block (vLLM's block_size, default 16 there). */
  readonly blockTokens: number;
  /** Whether released full blocks keep their content for reuse by later requests. */
  readonly prefixCaching: boolean;
}

export class KvBlockPool {
  readonly blocks: number;
  readonly blockTokens: number;
  readonly prefixCaching: boolean;
  readonly #ref: Int32Array;
  /** Free-list links; index `blocks` is the sentinel. */
  readonly #prev: Int32Array;
  readonly #next: Int32Array;
  /** Content key of a block, or NaN when it caches nothing. */
  readonly #key: Float64Array;
  readonly #byKey = new Map<number, number>();
  #free: number;

  constructor(options: KvBlockPoolOptions) {
    const { blocks, blockTokens } = options;
    if (!Number.isInteger(blocks) || blocks < 1) {
      throw new RangeError(`KvBlockPool blocks must be a positive integer, got ${String(blocks)}`);
    }
    if (!Number.isInteger(blockTokens) || blockTokens < 1) {
      throw new RangeError(`KvBlockPool blockTokens must be a positive integer, got ${String(blockTokens)}`);
    }
    this.blocks = blocks;
    this.blockTokens = blockTokens;
    this.prefixCaching = options.prefixCaching;
    this.#ref = new Int32Array(blocks);
    this.#prev = new Int32Array(blocks + 1);
    this.#next = new Int32Array(blocks + 1);
    this.#key = new Float64Array(blocks).fill(NaN);
    const s = blocks;
    this.#prev[s] = s;
    this.#next[s] = s;
    for (let b = 0; b < blocks; b++) this.#insertBefore(b, s);
    this.#free = blocks;
  }

  /** Blocks on the free list (including those that still cache content). */
  get freeBlocks(): number {
    return this.#free;
  }

  /** Blocks referenced by requests. */
  get usedBlocks(): number {
    return this.blocks - this.#free;
  }

  /** Blocks needed to hold `tokens` tokens. */
  blocksFor(tokens: number): number {
    return Math.ceil(tokens / this.blockTokens);
  }

  /**
   * How many leading keys of `keys` are cached (the longest cached prefix, in blocks). Reads
   * only: nothing is referenced.
   */
  cachedPrefixBlocks(keys: readonly number[]): number {
    if (!this.prefixCaching) return 0;
    let n = 0;
    while (n < keys.length && this.#byKey.has(keys[n]!)) n++;
    return n;
  }

  /**
   * References the blocks caching the first `count` keys (a prefix hit) and appends them to
   * `out`. The caller checked `cachedPrefixBlocks(keys) >= count`.
   */
  acquireCached(keys: readonly number[], count: number, out: number[]): void {
    for (let i = 0; i < count; i++) {
      const b = this.#byKey.get(keys[i]!);
      if (b === undefined) throw new Error(`KvBlockPool.acquireCached: key ${keys[i]} is not cached`);
      if (this.#ref[b] === 0) {
        this.#unlink(b);
        this.#free--;
      }
      this.#ref[b]! += 1;
      out.push(b);
    }
  }

  /**
   * Takes `count` free blocks (evicting cached content if needed) and appends them to `out`.
   * @returns false, taking nothing, when fewer than `count` blocks are free.
   */
  allocate(count: number, out: number[]): boolean {
    if (count > this.#free) return false;
    const s = this.blocks;
    for (let i = 0; i < count; i++) {
      const b = this.#next[s]!;
      this.#unlink(b);
      const key = this.#key[b]!;
      if (!Number.isNaN(key)) {
        this.#byKey.delete(key);
        this.#key[b] = NaN;
      }
      this.#ref[b] = 1;
      out.push(b);
    }
    this.#free -= count;
    return true;
  }

  /**
   * Records that block `b`, now full, holds the content named `key`. A key already cached in
   * another block is left alone (the duplicate is simply not shared), as in vLLM.
   */
  cacheFull(b: number, key: number): void {
    if (!this.prefixCaching || this.#byKey.has(key) || !Number.isNaN(this.#key[b]!)) return;
    this.#key[b] = key;
    this.#byKey.set(key, b);
  }

  /**
   * Drops one reference to each block of `ids`. Blocks no longer referenced return to the
   * free list: cached ones at the tail (evicted last, least recently used first), the others
   * at the head (reused first). Blocks are released from the last to the first, so that a
   * request's tail blocks are evicted before its prefix.
   */
  release(ids: readonly number[]): void {
    const s = this.blocks;
    for (let i = ids.length - 1; i >= 0; i--) {
      const b = ids[i]!;
      const ref = this.#ref[b]! - 1;
      if (ref < 0) throw new Error(`KvBlockPool.release: block ${b} released more often than taken`);
      this.#ref[b] = ref;
      if (ref > 0) continue;
      if (Number.isNaN(this.#key[b]!)) this.#insertBefore(b, this.#next[s]!);
      else this.#insertBefore(b, s);
      this.#free++;
    }
  }

  #unlink(b: number): void {
    const p = this.#prev[b]!;
    const n = this.#next[b]!;
    this.#next[p] = n;
    this.#prev[n] = p;
  }

  #insertBefore(b: number, at: number): void {
    const p = this.#prev[at]!;
    this.#next[p] = b;
    this.#prev[b] = p;
    this.#next[b] = at;
    this.#prev[at] = b;
  }
}
