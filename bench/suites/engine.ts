import Benchmark from 'benchmark';
import FlatQueue from 'flatqueue';
import { Heap } from 'heap-js';
import { Engine } from '../../fabric-sim/engine/engine.js';
import { EventQueue } from '../../fabric-sim/engine/event-queue.js';
import { RandomStream } from '../../fabric-sim/engine/random.js';
import { PlainBinaryHeap } from '../baselines/binary-heap.js';
import type { Figure, Suite } from '../figures.js';

/**
 * The classic hold model (Vaucher & Duval 1975; Jones 1986): with n events pending, repeatedly
 * pop the earliest and schedule one at its time plus an exponential delay, so the pending set
 * stays at n. Measured for n = 1e3, 1e5, 1e6 for Weft's EventQueue, the whole Engine (pop,
 * dispatch to a handler, reschedule from inside it), the in-repo plain binary heap, flatqueue
 * and heap-js, all in one process and one run. Delays come from one precomputed table of
 * exponential variates (mean n, so event density stays about 1 per ns), shared by every
 * implementation, so the figures time the queue and not the sampler.
 *
 * The machines are shared and noisy (+-30% between runs), so each size is measured in ROUNDS
 * rounds, the order of the implementations rotated each round, and every figure is the median
 * of its rounds; the ratios divide those medians.
 */
const SIZES = [1_000, 100_000, 1_000_000] as const;
const HOLDS_PER_CYCLE = 20_000;
const DELAY_TABLE_SIZE = 1 << 16;
const ROUNDS = 3;

interface HoldTarget {
  name: string;
  /** Builds the structure with n pending events and returns a function doing `holds` holds. */
  prepare(n: number, delays: Float64Array): (holds: number) => void;
}

const targets: HoldTarget[] = [
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

function measureHoldsPerSecond(run: (holds: number) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    // benchmark.js times whole cycles of HOLDS_PER_CYCLE holds and repeats until the margin
    // of error is small; ops/s times holds per op is holds/s.
    const bench = new Benchmark({
      fn: () => {
        run(HOLDS_PER_CYCLE);
      },
      minSamples: 10,
      maxTime: 1,
      onComplete(this: Benchmark) {
        resolve(this.hz * HOLDS_PER_CYCLE);
      },
      onError(this: Benchmark) {
        const error: unknown = (this as unknown as { error?: unknown }).error;
        reject(error instanceof Error ? error : new Error('benchmark failed'));
      },
    });
    bench.run();
  });
}

export const engineSuite: Suite = {
  name: 'engine',
  description: 'hold model: pop the earliest event, schedule one at now + exponential delay, n pending',
  async run(log) {
    const figures: Figure[] = [];
    const ratios: Figure[] = [];
    for (const n of SIZES) {
      const stream = RandomStream.derive(1, `bench/engine/${n}`);
      const delays = new Float64Array(DELAY_TABLE_SIZE);
      for (let i = 0; i < DELAY_TABLE_SIZE; i++) delays[i] = stream.exponential(n);
      const runs = targets.map((target) => {
        const run = target.prepare(n, delays);
        run(HOLDS_PER_CYCLE * 5); // warm up: let the JIT settle and the pending set mix
        return run;
      });
      const samples = targets.map((): number[] => []);
      for (let round = 0; round < ROUNDS; round++) {
        for (let k = 0; k < targets.length; k++) {
          const index = (k + round) % targets.length;
          samples[index]!.push(await measureHoldsPerSecond(runs[index]!));
        }
      }
      const rates = new Map<string, number>();
      targets.forEach((target, index) => {
        const rounds = samples[index]!;
        const rate = median(rounds);
        rates.set(target.name, rate);
        figures.push({ name: `${target.name} @ ${n} pending`, value: Math.round(rate), unit: 'holds/s' });
        const each = rounds.map((r) => (r / 1e6).toFixed(2)).join(' ');
        log(`  ${target.name.padEnd(30)} n=${String(n).padEnd(8)} ${(rate / 1e6).toFixed(2).padStart(6)} M holds/s (median of ${each})`);
      });
      const weft = rates.get('weft EventQueue')!;
      for (const baseline of ['flatqueue', 'plain typed-array binary heap', 'heap-js']) {
        ratios.push({ name: `weft EventQueue / ${baseline} @ ${n}`, value: round3(weft / rates.get(baseline)!), unit: 'x' });
      }
      ratios.push({ name: `weft Engine / flatqueue @ ${n}`, value: round3(rates.get('weft Engine')! / rates.get('flatqueue')!), unit: 'x' });
    }
    return {
      suite: 'engine',
      description: engineSuite.description,
      figures,
      ratios,
      quoted: [
        { name: 'C++ std::priority_queue hold @ 1e5', value: 6e6, unit: 'holds/s', source: 'issue #2 (measured on these machines by the issue author)' },
        { name: "htsim std::multimap event list hold @ 1e5", value: 2.5e6, unit: 'holds/s', source: 'issue #2 (measured on these machines by the issue author)' },
      ],
    };
  },
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
