import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClusterState, GPU_MILLI } from './cluster/cluster-state.js';
import { nodeSpec } from './cluster/node-spec.js';
import { TargetWorkload } from './fgd/target-workload.js';
import { Framework } from './framework/framework.js';
import { GangDirectory } from './framework/gangs.js';
import type { Plugin, PreFilterPlugin } from './framework/plugin.js';
import { Status } from './framework/status.js';
import { AllocationScore } from './plugins/allocation-score.js';
import { BestFit } from './plugins/best-fit.js';
import { Coscheduling } from './plugins/coscheduling.js';
import { DefaultBinder } from './plugins/default-binder.js';
import { DefaultPreemption } from './plugins/default-preemption.js';
import { FragmentationGradient } from './plugins/fgd.js';
import { GpuType } from './plugins/gpu-type.js';
import { NodeUnschedulable } from './plugins/node-unschedulable.js';
import { PrioritySort } from './plugins/priority-sort.js';
import { ResourceFit } from './plugins/resource-fit.js';
import { TopologyLocality } from './plugins/topology-locality.js';
import type { ClusterQueueSpec } from './queue/cluster-queue.js';
import { QuotaManager } from './queue/quota-manager.js';
import { Scheduler } from './scheduler.js';
import { podSpec, type PodSpec } from './workload/pod.js';
import type { FineTuningJob, Workload } from './workload/workloads.js';

/**
 * Whole-scheduler properties (fast-check, shrinking to a minimal counter-example): random
 * clusters of two GPU models, random Kueue-style queues in and out of a cohort, and random
 * sequences of submissions (serving deployments with fractional or whole GPUs, elastic
 * fine-tuning gangs), removals and scheduling rounds, through quota admission, the framework,
 * gang permit and preemption. After every step, checked against state the test recomputes
 * itself rather than the scheduler's own summaries:
 * - no GPU, GPU fraction, CPU or memory is over-allocated, and every pod sits on its GPU model;
 * - every gang has 0 or at least minWorkers members bound;
 * - every queue stays within nominal + borrowingLimit, the cohort lends no more than its
 *   members' lending limits, and what a queue's pods hold on the nodes is within its admitted usage;
 * - preemption never evicts a pod of equal or higher priority than the pod it makes room for,
 *   nor a non-preemptible one, a younger one than the minimum runtime, or (unless across queues
 *   is on) one of another queue.
 * Fixed seeds keep runs reproducible; fast-check prints the seed and path of any failure.
 */

const GPU_TYPES = ['A', 'B'] as const;
const MIN_RUNTIME_NS = 10e9;

interface Scenario {
  nodes: { gpuType: 'A' | 'B'; gpuCount: number; domain: number }[];
  queues: ClusterQueueSpec[];
  scorer: 'fgd' | 'best-fit' | 'most' | 'least';
  acrossQueues: boolean;
  minRuntime: boolean;
  steps: Step[];
}

type Step =
  | { kind: 'submit'; workload: Workload }
  | { kind: 'finish'; index: number }
  | { kind: 'run'; advanceNs: number };

const quotaArb = fc.integer({ min: 0, max: 16 }).chain((nominal) =>
  fc.record({
    nominal: fc.constant(nominal),
    lendingLimit: fc.option(fc.integer({ min: 0, max: nominal }), { nil: undefined }),
    borrowingLimit: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
  }),
);

const queuesArb = fc.array(fc.record({ cohort: fc.boolean(), a: quotaArb, b: quotaArb }), { minLength: 1, maxLength: 3 }).map((qs) =>
  qs.map(({ cohort, a, b }, i): ClusterQueueSpec => ({
    name: `q${i}`,
    ...(cohort ? { cohort: 'org' } : {}),
    quotas: { A: strip(a), B: strip(b) },
  })),
);

/** Drops undefined limits: a present key means "set". */
function strip(q: { nominal: number; lendingLimit: number | undefined; borrowingLimit: number | undefined }): ClusterQueueSpec['quotas'][string] {
  return {
    nominal: q.nominal,
    ...(q.lendingLimit === undefined ? {} : { lendingLimit: q.lendingLimit }),
    ...(q.borrowingLimit === undefined ? {} : { borrowingLimit: q.borrowingLimit }),
  };
}

const common = {
  gpuType: fc.option(fc.constantFrom(...GPU_TYPES), { nil: undefined }),
  priority: fc.integer({ min: 0, max: 3 }),
  queue: fc.integer({ min: 0, max: 2 }),
  cpuMilli: fc.integer({ min: 0, max: 16_000 }),
};

const deploymentArb = fc.record({
  ...common,
  replicas: fc.integer({ min: 1, max: 3 }),
  // 0: CPU only; 1: a fraction of one GPU; 2: whole GPUs.
  shape: fc.constantFrom(0, 1, 2),
  gpuMilli: fc.integer({ min: 1, max: 1000 }),
  gpus: fc.constantFrom(1, 2, 4),
  preemptible: fc.boolean(),
});

const jobArb = fc.record({
  ...common,
  minWorkers: fc.integer({ min: 1, max: 3 }),
  extra: fc.integer({ min: 0, max: 2 }),
  gpus: fc.constantFrom(1, 2, 4, 8),
  gangTimeoutNs: fc.constantFrom(1e9, 30e9),
});

type Draw<A> = A extends fc.Arbitrary<infer T> ? T : never;
type RawStep =
  | { kind: 'deployment'; spec: Draw<typeof deploymentArb> }
  | { kind: 'job'; spec: Draw<typeof jobArb> }
  | Exclude<Step, { kind: 'submit' }>;

const stepArb: fc.Arbitrary<RawStep> = fc.oneof(
  { weight: 4, arbitrary: deploymentArb.map((spec) => ({ kind: 'deployment' as const, spec })) },
  { weight: 4, arbitrary: jobArb.map((spec) => ({ kind: 'job' as const, spec })) },
  { weight: 1, arbitrary: fc.nat({ max: 30 }).map((index) => ({ kind: 'finish' as const, index })) },
  { weight: 3, arbitrary: fc.constantFrom(0, 1e9, 20e9, 120e9).map((advanceNs) => ({ kind: 'run' as const, advanceNs })) },
);

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  nodes: fc.array(fc.record({ gpuType: fc.constantFrom(...GPU_TYPES), gpuCount: fc.constantFrom(1, 2, 4, 8), domain: fc.integer({ min: 0, max: 2 }) }), {
    minLength: 1,
    maxLength: 6,
  }),
  queues: queuesArb,
  scorer: fc.constantFrom('fgd', 'best-fit', 'most', 'least'),
  acrossQueues: fc.boolean(),
  minRuntime: fc.boolean(),
  steps: fc.array(stepArb, { minLength: 1, maxLength: 24 }),
}).map((s) => ({ ...s, steps: s.steps.map((step, i) => toStep(step, i, s.queues.length)) }));

/** Names workloads by step and folds queue indexes onto the scenario's queues. */
function toStep(step: RawStep, i: number, queues: number): Step {
  if (step.kind === 'deployment') {
    const d = step.spec;
    const gpus = d.shape === 0 ? 0 : d.shape === 1 ? 1 : d.gpus;
    return {
      kind: 'submit',
      workload: {
        kind: 'deployment', name: `w${i}`, replicas: d.replicas, priority: d.priority, queue: `q${d.queue % queues}`, preemptible: d.preemptible,
        template: { gpus, ...(d.shape === 1 ? { gpuMilli: d.gpuMilli } : {}), ...(d.gpuType === undefined ? {} : { gpuType: d.gpuType }), cpuMilli: d.cpuMilli },
      },
    };
  }
  if (step.kind === 'job') {
    const j = step.spec;
    return {
      kind: 'submit',
      workload: {
        kind: 'finetune', name: `w${i}`, minWorkers: j.minWorkers, maxWorkers: j.minWorkers + j.extra, priority: j.priority,
        queue: `q${j.queue % queues}`, gangTimeoutNs: j.gangTimeoutNs,
        template: { gpus: j.gpus, ...(j.gpuType === undefined ? {} : { gpuType: j.gpuType }), cpuMilli: j.cpuMilli },
      },
    };
  }
  return step;
}

/** Pre-filter probe: remembers which pod the current cycle is for, so evictions can be blamed on it. */
class CycleProbe implements PreFilterPlugin {
  readonly name = 'CycleProbe';
  readonly stateOnly = true;
  current: PodSpec | undefined;
  preFilter(_ctx: unknown, pod: PodSpec): Status {
    this.current = pod;
    return Status.SUCCESS;
  }
}

interface Eviction {
  victim: PodSpec;
  preemptor: PodSpec;
  nowNs: number;
}

function play(s: Scenario): void {
  const cluster = new ClusterState(
    s.nodes.map((n, i) => nodeSpec({ name: `n${i}`, gpuType: n.gpuType, gpuCount: n.gpuCount, cpuMilli: 32_000, memoryMiB: 65_536, nvlinkDomain: n.domain, leaf: n.domain >> 1 })),
  );
  const gangs = new GangDirectory();
  const quota = new QuotaManager(s.queues);
  const probe = new CycleProbe();
  const evictions: Eviction[] = [];
  let nowNs = 0;
  let framework: Framework | undefined;
  const scorer = (): Plugin => {
    switch (s.scorer) {
      case 'fgd':
        return new FragmentationGradient(TargetWorkload.fromPods([podSpec({ name: 't1', gpuCount: 1, gpuMilli: 500 }), podSpec({ name: 't2', gpuCount: 2 })]));
      case 'best-fit':
        return new BestFit(cluster);
      default:
        return new AllocationScore(s.scorer);
    }
  };
  const scheduler = new Scheduler({
    gangs,
    quota,
    framework: (callbacks) => {
      framework = new Framework({
        cluster,
        plugins: [
          probe, new PrioritySort(), new NodeUnschedulable(), new GpuType(), new ResourceFit(), new Coscheduling(gangs),
          new DefaultPreemption({ gangs, acrossQueues: s.acrossQueues, minRuntimeNs: s.minRuntime ? MIN_RUNTIME_NS : 0 }),
          scorer(), new TopologyLocality(gangs), new DefaultBinder(),
        ].map((plugin) => ({ plugin, weight: 1 })),
        ...callbacks,
        onEvicted: (pod, reason) => {
          evictions.push({ victim: pod, preemptor: probe.current!, nowNs });
          callbacks.onEvicted(pod, reason);
        },
      });
      return framework;
    },
  });
  const submitted: Workload[] = [];
  const live = new Set<string>();
  /** Placement time of each pod seen placed after a round; a pod placed and evicted within one round started at that round's time. */
  const startNs = new Map<string, number>();
  for (const step of s.steps) {
    if (step.kind === 'submit') {
      scheduler.submit(step.workload);
      submitted.push(step.workload);
      live.add(step.workload.name);
      continue;
    }
    if (step.kind === 'finish') {
      const w = submitted[step.index % Math.max(1, submitted.length)];
      if (w === undefined || !live.has(w.name)) continue;
      scheduler.finish(w.name);
      live.delete(w.name);
    } else {
      nowNs += step.advanceNs;
      const before = evictions.length;
      scheduler.run(nowNs);
      for (const e of evictions.slice(before)) checkEviction(e, startNs.get(e.victim.name) ?? nowNs, s);
      for (const a of cluster.allocations()) if (!startNs.has(a.pod.name)) startNs.set(a.pod.name, a.startNs);
      for (const e of evictions.slice(before)) startNs.delete(e.victim.name);
    }
    checkResources(cluster);
    checkGangs(cluster, framework!, submitted.filter((w): w is FineTuningJob => w.kind === 'finetune' && live.has(w.name)));
    checkQuotas(cluster, quota, s.queues);
  }
}

function checkEviction(e: Eviction, victimStartNs: number, s: Scenario): void {
  expect(e.victim.priority, `${e.victim.name} evicted for ${e.preemptor.name}`).toBeLessThan(e.preemptor.priority);
  expect(e.victim.preemptible).toBe(true);
  if (s.minRuntime) expect(e.nowNs - victimStartNs).toBeGreaterThanOrEqual(MIN_RUNTIME_NS);
  if (!s.acrossQueues) expect(e.victim.queue).toBe(e.preemptor.queue);
}

/** Recomputes every node's use from its allocations; nothing may exceed capacity. */
function checkResources(cluster: ClusterState): void {
  let total = 0;
  for (let n = 0; n < cluster.nodeCount; n++) {
    const node = cluster.node(n);
    const gpuUse = new Array<number>(node.gpuCount).fill(0);
    let cpu = 0;
    for (const a of cluster.podsOn(n)) {
      cpu += a.pod.cpuMilli;
      expect(a.gpus.length).toBe(a.pod.gpuCount);
      expect(new Set(a.gpus).size).toBe(a.gpus.length);
      if (a.pod.gpuType !== undefined && a.pod.gpuCount > 0) expect(a.pod.gpuType).toBe(node.gpuType);
      for (const g of a.gpus) gpuUse[g]! += a.pod.gpuMilli;
    }
    expect(cpu).toBeLessThanOrEqual(node.cpuMilli);
    for (const used of gpuUse) {
      expect(used).toBeLessThanOrEqual(GPU_MILLI);
      total += used;
    }
  }
  expect(cluster.gpuMilliAllocated).toBe(total);
}

function checkGangs(cluster: ClusterState, framework: Framework, jobs: readonly FineTuningJob[]): void {
  const waiting = new Set([...framework.waitingPods()].map((w) => w.pod.name));
  for (const job of jobs) {
    let bound = 0;
    for (let i = 0; i < job.maxWorkers; i++) {
      const name = `${job.name}-${i}`;
      if (cluster.allocationOf(name) !== undefined && !waiting.has(name)) bound++;
    }
    expect(bound === 0 || bound >= job.minWorkers, `gang ${job.name}: ${bound} bound of min ${job.minWorkers}`).toBe(true);
  }
}

function checkQuotas(cluster: ClusterState, quota: QuotaManager, queues: readonly ClusterQueueSpec[]): void {
  const held = new Map<string, number>();
  for (const a of cluster.allocations()) {
    if (a.pod.gpuCount === 0) continue;
    const key = `${a.pod.queue}/${cluster.node(a.node).gpuType}`;
    held.set(key, (held.get(key) ?? 0) + a.pod.gpuCount * a.pod.gpuMilli);
  }
  for (const flavor of GPU_TYPES) {
    let pool = 0;
    let drawn = 0;
    for (const q of queues) {
      const spec = q.quotas[flavor]!;
      const used = quota.usage(q.name, flavor);
      expect(held.get(`${q.name}/${flavor}`) ?? 0).toBeLessThanOrEqual(used);
      const borrowingLimit = spec.borrowingLimit ?? (q.cohort === undefined ? 0 : Infinity);
      expect(used).toBeLessThanOrEqual((spec.nominal + borrowingLimit) * 1000);
      if (q.cohort === undefined) continue;
      const lending = spec.lendingLimit ?? spec.nominal;
      pool += lending * 1000;
      drawn += Math.max(0, used - (spec.nominal - lending) * 1000);
    }
    expect(drawn).toBeLessThanOrEqual(pool);
  }
}

describe('scheduler properties (fast-check)', () => {
  it('no over-allocation, gangs all-or-nothing, quotas and borrowing limits hold, preemption only evicts lower priority', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      play(s);
    }), { seed: 6, numRuns: 300 });
  });
});
