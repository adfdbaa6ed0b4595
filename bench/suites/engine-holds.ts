import FlatQueue from 'flatqueue';
import { Heap } from 'heap-js';
import { Engine } from '../../fabric-sim/engine/engine.js';
import { EventQueue } from '../../fabric-sim/engine/event-queue.js';
import { RandomStream } from '../../fabric-sim/engine/random.js';
import { PlainBinaryHeap } from '../baselines/binary-heap.js';

/**
 * The implementations the engine benchmark times on the hold model (see engine.ts), shared by
 * the in-process benchmark.js rounds and the one-process-per-run child (engine-hold-child.ts) so
 * both time exactly the same loops.
 */
export const DELAY_TABLE_SIZE = 1 << 16;

/** The delay table of size n: exponential variates of mean n (about one event per ns), seeded per size. */
export function holdDelays(n: number): Float64Array {
  const stream = RandomStream.derive(1, `bench/engine/${n}`);
  const delays = new Float64Array(DELAY_TABLE_SIZE);
  for (let i = 0; i < DELAY_TABLE_SIZE; i++) delays[i] = stream.exponential(n);
  return delays;
}

export interface HoldTarget {
  name: string;
  /** Builds the structure with n pending events and returns a function doing `holds` holds. */
  prepare(n: number, delays: Float64Array): (holds: number) => void;
}

export const HOLD_TARGETS: readonly HoldTarget[] = [
  {
    name: 'weft EventQueue',
    prepare(n, delays) {
      const q = new EventQueue(1024);
      for (let i = 0; i < n; i++) q.push(delays[i % DELAY_TABLE_SIZE]!);
      let cursor = 0;
      return (holds) => {
        for (let i = 0; i < holds; i++) {
          q.pop();
          q.push(q.poppedTimeNs + delays[cursor++ & (DELAY_TABLE_SIZE - 1)]!);
        }
      };
    },
  },
  {
    name: 'weft Engine',
    prepare(n, delays) {
      const engine = new Engine({ initialCapacity: 1024 });
      let cursor = 0;
      let remaining = 0;
      const hold = engine.register('hold', (arg) => {
        engine.schedule(delays[cursor++ & (DELAY_TABLE_SIZE - 1)]!, hold, arg);
        if (--remaining === 0) engine.stop();
      });
      for (let i = 0; i < n; i++) engine.schedule(delays[i % DELAY_TABLE_SIZE]!, hold, i);
      return (holds) => {
        remaining = holds;
        engine.runUntilIdle();
      };
    },
  },
  {
    name: 'plain typed-array binary heap',
    prepare(n, delays) {
      const heap = new PlainBinaryHeap(1024);
      for (let i = 0; i < n; i++) heap.push(delays[i % DELAY_TABLE_SIZE]!, i);
      let cursor = 0;
      return (holds) => {
        for (let i = 0; i < holds; i++) {
          const now = heap.peekTime();
          const id = heap.pop();
          heap.push(now + delays[cursor++ & (DELAY_TABLE_SIZE - 1)]!, id);
        }
      };
    },
  },
  {
    name: 'flatqueue',
    prepare(n, delays) {
      const q = new FlatQueue<number>();
      for (let i = 0; i < n; i++) q.push(i, delays[i % DELAY_TABLE_SIZE]!);
      let cursor = 0;
      return (holds) => {
        for (let i = 0; i < holds; i++) {
          const now = q.peekValue()!;
          const id = q.pop()!;
          q.push(id, now + delays[cursor++ & (DELAY_TABLE_SIZE - 1)]!);
        }
      };
    },
  },
  {
    name: 'heap-js',
    prepare(n, delays) {
      // heap-js orders its items; the items here are the times themselves (its numeric default).
      const heap = new Heap<number>();
      const initial: number[] = [];
      for (let i = 0; i < n; i++) initial.push(delays[i % DELAY_TABLE_SIZE]!);
      heap.init(initial);
      let cursor = 0;
      return (holds) => {
        for (let i = 0; i < holds; i++) {
          const now = heap.pop()!;
          heap.push(now + delays[cursor++ & (DELAY_TABLE_SIZE - 1)]!);
        }
      };
    },
  },
];
