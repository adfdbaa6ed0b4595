/**
 * The in-repo baseline for the engine benchmark: the plainest typed-array binary min-heap of
 * (time, id), with no tie-breaking, cancellation or payload. Whatever Weft's queue adds must not
 * make it slower than this by more than it is worth.
 */
export class PlainBinaryHeap {
  #times: Float64Array;
  #ids: Int32Array;
  #length = 0;

  constructor(capacity: number) {
    this.#times = new Float64Array(capacity);
    this.#ids = new Int32Array(capacity);
  }

  get length(): number {
    return this.#length;
  }

  peekTime(): number {
    return this.#times[0]!;
  }

  push(time: number, id: number): void {
    if (this.#length === this.#times.length) this.#grow();
    const times = this.#times;
    const ids = this.#ids;
    let hole = this.#length++;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      const parentTime = times[parent]!;
      if (parentTime <= time) break;
      times[hole] = parentTime;
      ids[hole] = ids[parent]!;
      hole = parent;
    }
    times[hole] = time;
    ids[hole] = id;
  }

  /** Removes the earliest entry and returns its id (the heap must not be empty). */
  pop(): number {
    const times = this.#times;
    const ids = this.#ids;
    const top = ids[0]!;
    const last = --this.#length;
    if (last > 0) {
      const time = times[last]!;
      const id = ids[last]!;
      let hole = 0;
      const half = last >> 1;
      while (hole < half) {
        const left = (hole << 1) + 1;
        const right = left + 1;
        const child = left + (+(right < last) & +(times[right]! < times[left]!));
        const childTime = times[child]!;
        if (childTime >= time) break;
        times[hole] = childTime;
        ids[hole] = ids[child]!;
        hole = child;
      }
      times[hole] = time;
      ids[hole] = id;
    }
    return top;
  }

  #grow(): void {
    const times = new Float64Array(this.#times.length * 2);
    times.set(this.#times);
    const ids = new Int32Array(this.#ids.length * 2);
    ids.set(this.#ids);
    this.#times = times;
    this.#ids = ids;
  }
}
