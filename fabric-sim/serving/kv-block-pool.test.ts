import { describe, expect, it } from 'vitest';
import { KvBlockPool } from './kv-block-pool.js';
import { prefixBlockKeys } from './sequence.js';

describe('KvBlockPool', () => {
  it('allocates until empty and refuses without taking anything', () => {
    const pool = new KvBlockPool({ blocks: 4, blockTokens: 16, prefixCaching: false });
    const a: number[] = [];
    expect(pool.allocate(3, a)).toBe(true);
    expect(pool.freeBlocks).toBe(1);
    const b: number[] = [];
    expect(pool.allocate(2, b)).toBe(false);
    expect(b).toEqual([]);
    expect(pool.freeBlocks).toBe(1);
    pool.release(a);
    expect(pool.freeBlocks).toBe(4);
    expect(() => { pool.release(a); }).toThrow(/released more often/);
  });

  it('keeps released cached blocks for a later request and shares them by reference', () => {
    const pool = new KvBlockPool({ blocks: 4, blockTokens: 16, prefixCaching: true });
    const a: number[] = [];
    pool.allocate(2, a);
    pool.cacheFull(a[0]!, 100);
    pool.cacheFull(a[1]!, 101);
    expect(pool.cachedPrefixBlocks([100, 101, 102])).toBe(2);
    expect(pool.cachedPrefixBlocks([102, 100])).toBe(0); // stops at the first miss
    const b: number[] = [];
    pool.acquireCached([100, 101], 2, b);
    expect(b).toEqual(a);
    pool.release(a);
    expect(pool.freeBlocks).toBe(2);
    pool.release(b);
    expect(pool.freeBlocks).toBe(4);
    expect(pool.cachedPrefixBlocks([100, 101])).toBe(2);
  });

  it('evicts uncached blocks first, then cached ones least recently released first, tail before prefix', () => {
    const pool = new KvBlockPool({ blocks: 3, blockTokens: 16, prefixCaching: true });
    const a: number[] = [];
    pool.allocate(3, a);
    pool.cacheFull(a[0]!, 1);
    pool.cacheFull(a[1]!, 2);
    pool.release(a);
    const c: number[] = [];
    pool.allocate(1, c);
    expect(c).toEqual([a[2]]);
    expect(pool.cachedPrefixBlocks([1, 2])).toBe(2);
    pool.allocate(1, c);
    // The request's tail block (key 2) goes before its prefix (key 1).
    expect(pool.cachedPrefixBlocks([1, 2])).toBe(1);
    pool.allocate(1, c);
    expect(pool.cachedPrefixBlocks([1])).toBe(0);
    expect(pool.freeBlocks).toBe(0);
  });

  it('does nothing with keys when prefix caching is off', () => {
    const pool = new KvBlockPool({ blocks: 2, blockTokens: 16, prefixCaching: false });
    const a: number[] = [];
    pool.allocate(1, a);
    pool.cacheFull(a[0]!, 7);
    pool.release(a);
    expect(pool.cachedPrefixBlocks([7])).toBe(0);
  });

  it('validates its options', () => {
    expect(() => new KvBlockPool({ blocks: 0, blockTokens: 16, prefixCaching: true })).toThrow(/got 0/);
    expect(() => new KvBlockPool({ blocks: 2, blockTokens: 1.5, prefixCaching: true })).toThrow(/got 1.5/);
  });
});

describe('prefixBlockKeys', () => {
  it('maps each 512-token trace block to 32 KV blocks of 16 and keys only full prompt blocks', () => {
    const keys = prefixBlockKeys({ arrivalNs: 0, promptTokens: 600, outputTokens: 1, prefixBlockHashes: [5, 9], prefixBlockTokens: 512 }, 16);
    expect(keys).toHaveLength(37); // floor(600 / 16)
    expect(keys[0]).toBe(5 * 32);
    expect(keys[31]).toBe(5 * 32 + 31);
    expect(keys[32]).toBe(9 * 32);
    expect(prefixBlockKeys({ arrivalNs: 0, promptTokens: 600, outputTokens: 1 }, 16)).toEqual([]);
    expect(() => prefixBlockKeys({ arrivalNs: 0, promptTokens: 600, outputTokens: 1, prefixBlockHashes: [1], prefixBlockTokens: 500 }, 16)).toThrow(/500/);
  });
});
