import { describe, expect, it } from 'vitest';
import { RandomStream } from '../engine/random.js';
import { IndexHeap } from './index-heap.js';

describe('IndexHeap', () => {
  it('pops keys in ascending order with their ids and stamps, growing past its capacity', () => {
    const heap = new IndexHeap(2);
    const random = RandomStream.derive(3, 'heap');
    const keys = Array.from({ length: 500 }, () => random.uniform());
    keys.forEach((key, id) => {
      heap.push(key, id, id * 2);
    });
    const popped: number[] = [];
    while (heap.size > 0) {
      expect(heap.peekStamp()).toBe(heap.peekId() * 2);
      expect(keys[heap.peekId()]).toBe(heap.peekKey());
      popped.push(heap.peekKey());
      heap.pop();
    }
    expect(popped).toEqual([...keys].sort((a, b) => a - b));
    expect(heap.peekKey()).toBe(Infinity);
    expect(() => new IndexHeap(0)).toThrow(/capacity.*got 0/);
  });
});
