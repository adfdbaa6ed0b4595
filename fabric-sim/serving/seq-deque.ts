import type { Sequence } from './sequence.js';

/**
 * A double-ended queue of sequences on a growable ring buffer: the waiting queue, which takes
 * arrivals at the back and preempted requests back at the front, in O(1) each.
 */
export class SeqDeque {
  #items: (Sequence | undefined)[] = new Array<Sequence | undefined>(16);
  #head = 0;
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** The front item, or undefined when empty. */
  peek(): Sequence | undefined {
    return this.#size === 0 ? undefined : this.#items[this.#head];
  }

  pushBack(s: Sequence): void {
    this.#grow();
    this.#items[(this.#head + this.#size) % this.#items.length] = s;
    this.#size++;
  }

  pushFront(s: Sequence): void {
    this.#grow();
    this.#head = (this.#head - 1 + this.#items.length) % this.#items.length;
    this.#items[this.#head] = s;
    this.#size++;
  }

  popFront(): Sequence | undefined {
    if (this.#size === 0) return undefined;
    const s = this.#items[this.#head];
    this.#items[this.#head] = undefined;
    this.#head = (this.#head + 1) % this.#items.length;
    this.#size--;
    return s;
  }

  #grow(): void {
    if (this.#size < this.#items.length) return;
    const items = new Array<Sequence | undefined>(this.#items.length * 2);
    for (let i = 0; i < this.#size; i++) items[i] = this.#items[(this.#head + i) % this.#items.length];
    this.#items = items;
    this.#head = 0;
  }
}
