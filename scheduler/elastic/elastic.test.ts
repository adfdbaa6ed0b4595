import { describe, expect, it } from 'vitest';
import { getModel } from '../../gpu-model/index.js';
import { parseSlo } from '../planner/slo.js';
import { KpaPolicy } from './kpa-policy.js';
import { planLending, type ElasticJob } from './lending.js';
import { modelLoadTimeNs } from './model-load.js';
import { SlidingWindowMean } from './sliding-window.js';
import { SloPolicy, type ReplicaLatencyPredictor } from './slo-policy.js';

const S = 1e9;

describe('SlidingWindowMean', () => {
  it('averages the samples of the last window and forgets older ones', () => {
    const w = new SlidingWindowMean(10 * S);
    for (let t = 1; t <= 20; t++) w.add(t * S, t);
    expect(w.mean(20 * S)).toBe(15.5); // samples 11..20
    expect(w.mean(25 * S)).toBe(18); // samples 16..20
    expect(w.mean(40 * S)).toBeUndefined();
    expect(() => {
      w.add(39 * S, 1);
      w.add(38 * S, 1);
    }).toThrow(/before the previous sample/);
  });
});

describe('KpaPolicy (Knative-style)', () => {
  it('holds the stable-window mean at the per-replica target', () => {
    const kpa = new KpaPolicy({ targetPerReplica: 10, minReplicas: 1, maxReplicas: 100 });
    for (let t = 0; t <= 60; t++) kpa.observe(t * S, { requestsPerSec: 0, inFlight: 95 });
    expect(kpa.desiredReplicas(60 * S, 10)).toBe(10);
    expect(kpa.panicking).toBe(false);
  });

  it('panics on a burst within the panic window, never scales down while panicking, and leaves after a calm stable window', () => {
    const kpa = new KpaPolicy({ targetPerReplica: 10, minReplicas: 1, maxReplicas: 100 });
    let t = 0;
    for (; t <= 60; t++) kpa.observe(t * S, { requestsPerSec: 0, inFlight: 40 });
    expect(kpa.desiredReplicas(t * S, 4)).toBe(4);
    // Burst to 200 in flight: the 6 s panic window sees it in a few samples; the 60 s window barely moves.
    for (let k = 0; k < 3; k++, t++) kpa.observe(t * S, { requestsPerSec: 0, inFlight: 200 });
    const burst = kpa.desiredReplicas(t * S, 4);
    expect(kpa.panicking).toBe(true);
    expect(burst).toBeGreaterThanOrEqual(10);
    // Load falls back: still panicking, so no scale-down.
    for (let k = 0; k < 30; k++, t++) kpa.observe(t * S, { requestsPerSec: 0, inFlight: 40 });
    expect(kpa.desiredReplicas(t * S, burst)).toBeGreaterThanOrEqual(burst);
    // A whole stable window without the panic condition: back to stable, shrinking at most by half per decision.
    for (let k = 0; k < 70; k++, t++) kpa.observe(t * S, { requestsPerSec: 0, inFlight: 40 });
    const after = kpa.desiredReplicas(t * S, 20);
    expect(kpa.panicking).toBe(false);
    expect(after).toBe(10); // floor(20 / maxScaleDownRate 2), although the stable mean asks for 4
    expect(kpa.desiredReplicas(t * S, 10)).toBe(5);
    expect(kpa.desiredReplicas(t * S, 5)).toBe(4);
  });

  it('validates its options with the bad value', () => {
    expect(() => new KpaPolicy({ targetPerReplica: 0, minReplicas: 1, maxReplicas: 2 })).toThrow(/targetPerReplica.*got 0/);
    expect(() => new KpaPolicy({ targetPerReplica: 1, minReplicas: 3, maxReplicas: 2 })).toThrow(/maxReplicas.*got 2/);
  });
});

describe('SloPolicy', () => {
  // A closed-form replica: M/M/1 sojourn 1 / (mu - lambda) with mu = 10 requests/s, as TTFT.
  const predict: ReplicaLatencyPredictor = (rate) => {
    const feasible = rate < 10;
    const ttft = feasible ? (1 / (10 - rate)) * S : Infinity;
    return { feasible, ttftP99Ns: ttft, tpotP99Ns: 0, e2eP99Ns: ttft };
  };
  const slo = parseSlo('ttft-p99=500ms');

  it('asks for the fewest replicas whose predicted p99 meets the target with headroom', () => {
    const policy = new SloPolicy({ slo, predict, minReplicas: 1, maxReplicas: 50 });
    // Allowed 450 ms: 1 / (10 - r) <= 0.45 <=> r <= 7.78 per replica; 40 req/s needs 6 replicas (6.67 each).
    expect(policy.replicasFor(40)).toBe(6);
    expect(policy.replicasFor(7.7)).toBe(1);
    expect(policy.replicasFor(1e6)).toBe(50); // capped at max when nothing meets
  });

  it('scales up on a burst at once and down only after a whole scale-down delay of lower recommendations', () => {
    const policy = new SloPolicy({ slo, predict, minReplicas: 1, maxReplicas: 50, scaleDownDelayNs: 60 * S });
    let t = 0;
    let ready = 3;
    const tick = (rate: number): number => {
      policy.observe(t * S, { requestsPerSec: rate, inFlight: 0 });
      ready = policy.desiredReplicas(t * S, ready);
      t++;
      return ready;
    };
    for (let k = 0; k <= 60; k++) tick(20);
    expect(ready).toBe(3);
    const before = t;
    let up = 0;
    for (let k = 0; k < 3; k++) up = tick(80);
    expect(up).toBeGreaterThan(3);
    expect(t - before).toBe(3); // answered within the burst's own samples
    const after: number[] = [];
    for (let k = 0; k < 90; k++) after.push(tick(20));
    // The 6 s burst window holds the burst for 6 more ticks, then the delay holds that for 60 s.
    expect(after.slice(0, 60).every((r) => r >= up)).toBe(true);
    expect(after[after.length - 1]).toBe(3);
  });
});

describe('planLending', () => {
  const job = (name: string, priority: number, workers: number, extra: Partial<ElasticJob> = {}): ElasticJob => ({
    name,
    priority,
    gpusPerWorker: 8,
    minWorkers: 1,
    maxWorkers: 4,
    workers,
    lastCheckpointNs: 0,
    ...extra,
  });

  it('lends idle GPUs beyond the reserve, highest priority first, in whole workers up to max', () => {
    const actions = planLending({ nowNs: 0, inferenceGpus: 64, inferenceNeededGpus: 16, reserveGpus: 8, jobs: [job('low', 1, 0), job('high', 5, 0)] });
    expect(actions).toEqual([
      { kind: 'lend', job: 'high', workers: 4, gpus: 32 },
      { kind: 'lend', job: 'low', workers: 1, gpus: 8 },
    ]);
  });

  it('reclaims from the lowest priority first: shrinks to min, suspends when that is not enough, and counts the lost work', () => {
    const jobs = [job('low', 1, 2, { lastCheckpointNs: 100 * S }), job('high', 5, 4, { lastCheckpointNs: 110 * S })];
    // 64 owned, 48 lent: inference now needs 40 -> 24 GPUs short.
    const actions = planLending({ nowNs: 120 * S, inferenceGpus: 64, inferenceNeededGpus: 40, reserveGpus: 8, jobs });
    expect(actions).toEqual([
      { kind: 'reclaim', job: 'low', workers: 2, gpus: 16, suspended: true, lostGpuNs: 20 * S * 16, freeByNs: 150 * S },
      { kind: 'reclaim', job: 'high', workers: 1, gpus: 8, suspended: false, lostGpuNs: 10 * S * 32, freeByNs: 150 * S },
    ]);
    const freed = actions.reduce((sum, a) => sum + a.gpus, 0);
    expect(freed).toBeGreaterThanOrEqual(24);
  });

  it('rejects an inconsistent job', () => {
    expect(() => planLending({ nowNs: 0, inferenceGpus: 8, inferenceNeededGpus: 0, reserveGpus: 0, jobs: [job('x', 1, 5)] })).toThrow(/workers 5 exceed maxWorkers 4/);
  });
});

describe('modelLoadTimeNs', () => {
  it('is the weight bytes over the storage bandwidth plus the warm-up', () => {
    const model = getModel('llama-3-8b');
    const bf16 = modelLoadTimeNs(model, 'bf16', { storageBytesPerSec: 1e9, warmupNs: 0 });
    const fp8 = modelLoadTimeNs(model, 'fp8', { storageBytesPerSec: 1e9, warmupNs: 0 });
    expect(bf16 / 1e9).toBeCloseTo(16.06, 1); // 8.03 B parameters x 2 bytes at 1 GB/s
    expect(fp8 / bf16).toBeCloseTo(0.5, 5);
    expect(modelLoadTimeNs(model, 'bf16', { storageBytesPerSec: 1e9, warmupNs: 5 * S }) - bf16).toBe(5 * S);
  });
});
