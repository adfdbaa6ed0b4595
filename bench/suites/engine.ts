import Benchmark from 'benchmark';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HOLD_TARGETS as targets, holdDelays } from './engine-holds.js';
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
 *
 * A second section runs every (implementation, size) in a process of its own
 * (engine-hold-child.ts, the same loops) and reports holds per CPU-second beside holds per
 * wall-second: on a shared machine another process's load takes wall time from a run but not
 * CPU time, so the CPU figure is what an idle machine's wall figure would be (less the cache
 * other processes still evict), and a process of its own keeps the other implementations'
 * arrays and garbage out of its heap.
 */
const SIZES = [1_000, 100_000, 1_000_000] as const;
const HOLDS_PER_CYCLE = 20_000;
const ROUNDS = 3;
/** Timed holds per isolated run, by pending events (about 1 to 3 s of CPU each). */
const ISOLATED_HOLDS: Readonly<Record<number, number>> = { 1_000: 10_000_000, 100_000: 6_000_000, 1_000_000: 2_000_000 };

interface IsolatedRun {
  holds: number;
  cpuS: number;
  wallS: number;
}

/** One hold-model run in a fresh Node process (engine-hold-child.ts). */
function runIsolated(target: string, pending: number, holds: number): IsolatedRun {
  const child = fileURLToPath(new URL('./engine-hold-child.js', import.meta.url));
  const out = spawnSync(process.execPath, [child, target, String(pending), String(holds)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (out.status !== 0) throw new Error(`engine-hold-child ${target} ${pending} exited with ${String(out.status)}`);
  return JSON.parse(out.stdout) as IsolatedRun;
}

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
      const delays = holdDelays(n);
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
    log('  each implementation in a process of its own (holds per CPU-second; per wall-second in brackets):');
    for (const n of SIZES) {
      const holds = ISOLATED_HOLDS[n]!;
      const runs = targets.map((): IsolatedRun[] => []);
      for (let round = 0; round < ROUNDS; round++) {
        for (let k = 0; k < targets.length; k++) {
          const index = (k + round) % targets.length;
          runs[index]!.push(runIsolated(targets[index]!.name, n, holds));
        }
      }
      const cpuRates = new Map<string, number>();
      targets.forEach((target, index) => {
        const perCpu = median(runs[index]!.map((r) => r.holds / r.cpuS));
        const perWall = median(runs[index]!.map((r) => r.holds / r.wallS));
        cpuRates.set(target.name, perCpu);
        figures.push({ name: `${target.name} @ ${n} pending, own process, per CPU-second`, value: Math.round(perCpu), unit: 'holds/s' });
        figures.push({ name: `${target.name} @ ${n} pending, own process, per wall-second`, value: Math.round(perWall), unit: 'holds/s' });
        const each = runs[index]!.map((r) => (r.holds / r.cpuS / 1e6).toFixed(2)).join(' ');
        log(`  ${target.name.padEnd(30)} n=${String(n).padEnd(8)} ${(perCpu / 1e6).toFixed(2).padStart(6)} M holds/CPU-s (${(perWall / 1e6).toFixed(2)} M/wall-s; median of ${each})`);
      });
      const weft = cpuRates.get('weft EventQueue')!;
      for (const baseline of ['flatqueue', 'plain typed-array binary heap', 'heap-js']) {
        ratios.push({ name: `weft EventQueue / ${baseline} @ ${n}, own process, CPU`, value: round3(weft / cpuRates.get(baseline)!), unit: 'x' });
      }
      ratios.push({ name: `weft Engine / flatqueue @ ${n}, own process, CPU`, value: round3(cpuRates.get('weft Engine')! / cpuRates.get('flatqueue')!), unit: 'x' });
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
