/**
 * A binary min-heap of (key, id, stamp) triples on typed arrays, for lazy-deletion priority
 * queues: a caller pushes a new entry whenever an id's key changes and, on pop, discards entries
 * whose stamp is no longer the id's current one. Grows by doubling; pushing and popping
 * allocate nothing otherwise.
 */
export class IndexHeap {
  #keys: Float64Array;
  #ids: Int32Array;
  #stamps: Int32Array;
  #size = 0;

  constructor(capacity = 64) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`IndexHeap: capacity must be an integer >= 1, got ${String(capacity)}`);
    this.#keys = new Float64Array(capacity);
    this.#ids = new Int32Array(capacity);
    this.#stamps = new Int32Array(capacity);
  }

  get size(): number {
    return this.#size;
  }

  clear(): void {
    this.#size = 0;
  }

  push(key: number, id: number, stamp: number): void {
    if (this.#size === this.#keys.length) this.#grow();
    let i = this.#size++;
    const keys = this.#keys;
    const ids = this.#ids;
    const stamps = this.#stamps;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      ids[i] = ids[parent]!;
      stamps[i] = stamps[parent]!;
      i = parent;
    }
    keys[i] = key;
    ids[i] = id;
    stamps[i] = stamp;
  }

  /** Key of the minimum (Infinity when empty). */
  peekKey(): number {
    return this.#size === 0 ? Infinity : this.#keys[0]!;
  }

  peekId(): number {
    return this.#ids[0]!;
  }

  peekStamp(): number {
    return this.#stamps[0]!;
  }

  /** Removes the minimum. */
  pop(): void {
    const n = --this.#size;
    if (n <= 0) return;
    const keys = this.#keys;
    const ids = this.#ids;
    const stamps = this.#stamps;
    const key = keys[n]!;
    const id = ids[n]!;
    const stamp = stamps[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= key) break;
      keys[i] = keys[child]!;
      ids[i] = ids[child]!;
      stamps[i] = stamps[child]!;
      i = child;
    }
    keys[i] = key;
    ids[i] = id;
    stamps[i] = stamp;
  }

  #grow(): void {
    const capacity = this.#keys.length * 2;
    const keys = new Float64Array(capacity);
    keys.set(this.#keys);
    this.#keys = keys;
    const ids = new Int32Array(capacity);
    ids.set(this.#ids);
    this.#ids = ids;
    const stamps = new Int32Array(capacity);
    stamps.set(this.#stamps);
    this.#stamps = stamps;
  }
}
