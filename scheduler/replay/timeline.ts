import { Engine } from '../../fabric-sim/engine/index.js';
import { ClusterState } from '../cluster/cluster-state.js';
import type { NodeSpec } from '../cluster/node-spec.js';
import { Framework, type WeightedPlugin } from '../framework/framework.js';
import type { PodSpec } from '../workload/pod.js';

/** A pod of a time-driven replay: it arrives, waits until it fits, then runs for `runtimeNs`. */
export interface TimedPod {
  readonly spec: PodSpec;
  readonly arrivalNs: number;
  readonly runtimeNs: number;
}

export interface TimelineOptions {
  readonly nodes: readonly NodeSpec[];
  /** Pod names must be unique. */
  readonly pods: readonly TimedPod[];
  readonly plugins: (cluster: ClusterState) => readonly WeightedPlugin[];
  /** The profile's `feasibleNodesToFind` (0, the default: filter and score every node). */
  readonly feasibleNodesToFind?: number;
  /** Take a utilisation sample every this many ns (from time 0 to the last departure). */
  readonly sampleEveryNs: number;
}

export interface TimelineSample {
  readonly timeNs: number;
  /** Allocated / total milli-GPUs. */
  readonly allocationRatio: number;
  readonly running: number;
  readonly pending: number;
}

export interface TimelineResult {
  readonly samples: TimelineSample[];
  /** Queueing delay (start - arrival) of every pod that started, in arrival order. */
  readonly queueingDelaysNs: number[];
  /** Pods still pending when nothing else could happen. */
  readonly neverScheduled: number;
}

/**
 * Time-driven replay on the discrete-event engine: pods arrive at their times, are scheduled
 * at once if they fit, otherwise wait in a queue (priority, then arrival order) that is
 * retried whenever a running pod finishes and frees resources. With a preemption plugin, an
 * evicted pod stops, queues again and later runs its whole runtime anew.
 *
 * @example
 * const result = timeline({ nodes, pods, sampleEveryNs: 60e9, plugins: (c) => [...] });
 * @throws RangeError for a bad sample period, a negative time, or a duplicate pod name.
 */
export function timeline(options: TimelineOptions): TimelineResult {
  const { pods, sampleEveryNs } = options;
  if (!(sampleEveryNs > 0)) throw new RangeError(`sampleEveryNs must be > 0, got ${sampleEveryNs}`);
  const names = new Set<string>();
  for (const p of pods) {
    if (!(p.arrivalNs >= 0) || !(p.runtimeNs >= 0)) throw new RangeError(`pod ${p.spec.name}: arrivalNs and runtimeNs must be >= 0, got ${p.arrivalNs} and ${p.runtimeNs}`);
    if (names.has(p.spec.name)) throw new RangeError(`duplicate pod name ${JSON.stringify(p.spec.name)}`);
    names.add(p.spec.name);
  }
  const cluster = new ClusterState(options.nodes);
  const indexOf = new Map(pods.map((p, i) => [p.spec.name, i]));
  /** Pods a preemption evicted, to queue again once the current handler is done. */
  const evicted: number[] = [];
  const framework = new Framework({
    cluster,
    plugins: options.plugins(cluster),
    feasibleNodesToFind: options.feasibleNodesToFind ?? 0,
    // An evicted pod stops running (its departure is cancelled) and waits to start over, as a
    // Kubernetes pod deleted by preemption is recreated by its controller.
    onEvicted: (pod) => {
      const index = indexOf.get(pod.name)!;
      engine.cancel(departures[index]!);
      running--;
      evicted.push(index);
      engine.schedule(0, retry);
    },
  });
  const engine = new Engine();
  const delays = new Array<number>(pods.length).fill(-1);
  const departures = new Array<number>(pods.length).fill(-1);
  /** Indexes of waiting pods, kept in priority-then-arrival order. */
  let waiting: number[] = [];
  let running = 0;
  let remaining = pods.length;

  const tryStart = (index: number): boolean => {
    const pod = pods[index]!;
    if (framework.scheduleOne(pod.spec, engine.nowNs).kind !== 'bound') return false;
    // The queueing delay is the first start's; a restart after eviction does not reset it.
    if (delays[index]! < 0) delays[index] = engine.nowNs - pod.arrivalNs;
    running++;
    departures[index] = engine.schedule(pod.runtimeNs, depart, index);
    return true;
  };
  const enqueue = (index: number): void => {
    let k = waiting.length;
    while (k > 0 && before(index, waiting[k - 1]!)) k--;
    waiting.splice(k, 0, index);
  };
  const before = (a: number, b: number): boolean => {
    const pa = pods[a]!;
    const pb = pods[b]!;
    if (pa.spec.priority !== pb.spec.priority) return pa.spec.priority > pb.spec.priority;
    return pa.arrivalNs !== pb.arrivalNs ? pa.arrivalNs < pb.arrivalNs : a < b;
  };
  const arrive = engine.register('timeline/arrive', (index) => {
    if (!tryStart(index)) enqueue(index);
  });
  const depart = engine.register('timeline/depart', (index) => {
    cluster.release(pods[index]!.spec.name);
    running--;
    remaining--;
    waiting = waiting.filter((w) => !tryStart(w));
  });
  // After an eviction: the evicted pods queue again, and the queue (the preemptor first, by
  // priority) retries on the freed resources.
  const retry = engine.register('timeline/retry', () => {
    for (const index of evicted.splice(0)) enqueue(index);
    waiting = waiting.filter((w) => !tryStart(w));
  });
  const samples: TimelineSample[] = [];
  const sample = engine.register('timeline/sample', () => {
    samples.push({ timeNs: engine.nowNs, allocationRatio: cluster.gpuMilliAllocated / cluster.gpuMilliCapacity, running, pending: waiting.length });
    // Keep sampling while anything can still change.
    if (running > 0 || remaining > waiting.length) engine.schedule(sampleEveryNs, sample);
  });
  pods.forEach((p, i) => engine.scheduleAt(p.arrivalNs, arrive, i));
  engine.scheduleAt(0, sample);
  engine.runUntilIdle();
  return { samples, queueingDelaysNs: delays.filter((d) => d >= 0), neverScheduled: waiting.length };
}
