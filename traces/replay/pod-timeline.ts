import { Engine } from '../../fabric-sim/engine/engine.js';
import { ClusterState } from '../../scheduler/cluster/cluster-state.js';
import type { NodeSpec } from '../../scheduler/cluster/node-spec.js';
import { Framework, type WeightedPlugin } from '../../scheduler/framework/framework.js';
import type { PodSpec } from '../../scheduler/workload/pod.js';

/** A pod of a job trace with its lifetime (seconds from the trace start, as openb gives them). */
export interface TimedPod {
  spec: PodSpec;
  /** Arrival, ns from the start of the replay. */
  arrivalNs: number;
  /** How long the pod runs once placed, ns; Infinity for pods still running when the trace ends. */
  runtimeNs: number;
}

export type TimelineEventKind = 'placement' | 'pending' | 'departure';

export interface TimelineEvent {
  timeNs: number;
  kind: TimelineEventKind;
  pod: string;
  /** Node name, for placements and departures. */
  node?: string;
  /** Why a pod waits (the framework's diagnosis), for pending pods. */
  reason?: string;
}

export interface PodTimelineOptions {
  nodes: readonly NodeSpec[];
  pods: readonly TimedPod[];
  /** The scheduling profile, built for the replay's cluster state. */
  plugins: (cluster: ClusterState) => WeightedPlugin[];
  seed?: number;
  onEvent?: (event: TimelineEvent) => void;
}

/**
 * Replays a job trace against the scheduler in simulated time: each pod arrives, is scheduled
 * by the framework, runs for its runtime and departs, freeing its resources; pods that do not
 * fit wait in FIFO order and are retried whenever resources are freed (as kube-scheduler
 * retries unschedulable pods on cluster events).
 *
 * Invariant: every pod is, at any time, exactly one of: not yet arrived, pending, running,
 * departed.
 *
 * @example
 * const timeline = new PodTimeline({ nodes, pods, plugins: (c) => [...], onEvent: console.log });
 * timeline.advanceTo(3_600e9); // the first simulated hour
 */
export class PodTimeline {
  readonly cluster: ClusterState;
  readonly #engine: Engine;
  readonly #framework: Framework;
  readonly #pods: readonly TimedPod[];
  readonly #pending: number[] = [];
  readonly #onEvent: ((event: TimelineEvent) => void) | undefined;
  readonly #departKind: number;
  /** Pods whose first failure was reported; retries stay quiet. */
  readonly #reported = new Set<number>();
  #departed = 0;
  #running = 0;

  constructor(options: PodTimelineOptions) {
    this.cluster = new ClusterState(options.nodes);
    this.#framework = new Framework({ cluster: this.cluster, plugins: options.plugins(this.cluster) });
    this.#engine = new Engine({ seed: options.seed ?? 1 });
    this.#pods = options.pods;
    this.#onEvent = options.onEvent;
    const arrive = this.#engine.register('pod/arrive', (index) => {
      this.#pending.push(index);
      this.#schedulePending();
    });
    this.#departKind = this.#engine.register('pod/depart', (index) => {
      const pod = this.#pods[index]!;
      const allocation = this.cluster.release(pod.spec.name);
      this.#running--;
      this.#departed++;
      this.#emit({ timeNs: this.#engine.nowNs, kind: 'departure', pod: pod.spec.name, node: this.cluster.node(allocation.node).name });
      this.#schedulePending();
    });
    options.pods.forEach((pod, index) => {
      if (!(pod.arrivalNs >= 0 && pod.runtimeNs > 0)) {
        throw new RangeError(`pod ${pod.spec.name}: arrival must be >= 0 and runtime > 0 ns, got ${pod.arrivalNs} and ${pod.runtimeNs}`);
      }
      this.#engine.scheduleAt(pod.arrivalNs, arrive, index);
    });
  }

  get nowNs(): number {
    return this.#engine.nowNs;
  }

  get pendingPods(): number {
    return this.#pending.length;
  }

  get runningPods(): number {
    return this.#running;
  }

  get departedPods(): number {
    return this.#departed;
  }

  /** True when every pod has departed or can never leave (still running at the end of the trace). */
  get finished(): boolean {
    return this.#engine.pendingEvents === 0;
  }

  /** Runs the replay up to `timeNs`; returns false when nothing is left to happen. */
  advanceTo(timeNs: number): boolean {
    this.#engine.runUntil(Math.max(timeNs, this.#engine.nowNs));
    return !this.finished;
  }

  /** Tries every pending pod in arrival order; placed pods leave the queue. */
  #schedulePending(): void {
    let kept = 0;
    for (const index of this.#pending) {
      const pod = this.#pods[index]!;
      const result = this.#framework.scheduleOne(pod.spec, this.#engine.nowNs);
      if (result.kind === 'bound') {
        this.#running++;
        this.#emit({ timeNs: this.#engine.nowNs, kind: 'placement', pod: pod.spec.name, node: this.cluster.node(result.node).name });
        if (pod.runtimeNs < Infinity) this.#engine.schedule(pod.runtimeNs, this.#departKind, index);
      } else if (result.kind === 'waiting') {
        // Permit-waiting (gangs) needs the gang driver of the scheduler; a plain trace replay
        // has no gangs, so a profile that makes pods wait is a usage error.
        throw new Error(`pod ${pod.spec.name} is waiting at permit: PodTimeline does not drive gangs`);
      } else {
        if (!this.#reported.has(index)) {
          this.#reported.add(index);
          this.#emit({ timeNs: this.#engine.nowNs, kind: 'pending', pod: pod.spec.name, reason: result.diagnosis.toString() });
        }
        this.#pending[kept++] = index;
      }
    }
    this.#pending.length = kept;
  }

  #emit(event: TimelineEvent): void {
    this.#onEvent?.(event);
  }
}
