import type { InformerEvent } from '../../../../operator/informer.js';
import { keyOf, type FineTuneJob, type ModelDeployment, type NodeObject, type PodObject } from '../../../../operator/kube/objects.js';
import type { TopologyKeys } from '../../../../operator/topology.js';
import type { EventView, SeriesView, WorkloadView } from '../../model/snapshot.js';
import { EventLog, pushBounded } from '../event-log.js';
import { eventTimeMs, eventView, isWeftEvent, podChangeEvents } from './kube-events.js';
import type { EventObject } from './kube-reads.js';
import { NodeGrid } from './node-grid.js';
import { podInfo, type PodInfo } from './pod-info.js';
import { deploymentView, durationMs, fineTuneView, podGroupView, sloMet } from './workload-views.js';

/** One watched change, as the informers report it. */
export type Change =
  | { resource: 'node'; event: InformerEvent; object: NodeObject }
  | { resource: 'pod'; event: InformerEvent; object: PodObject }
  | { resource: 'deployment'; event: InformerEvent; object: ModelDeployment }
  | { resource: 'job'; event: InformerEvent; object: FineTuneJob }
  | { resource: 'event'; event: InformerEvent; object: EventObject };

interface Aggregate {
  pods: number;
  gpus: number;
}

/**
 * The live cluster as the dashboard shows it, kept current one watch event at a time (no
 * listing, no recomputation over the cluster): the node grid, the CRs, per-workload GPU sums
 * of the pods holding GPUs, the event log and the latency series. Pure: the informers and the
 * clock are the caller's.
 */
export class ClusterModel {
  readonly grid: NodeGrid;
  readonly events = new EventLog();
  readonly #namespace: string | undefined;
  readonly #startMs: number;
  readonly #pods = new Map<string, PodInfo>();
  readonly #deployments = new Map<string, ModelDeployment>();
  readonly #jobs = new Map<string, FineTuneJob>();
  /** Pods holding GPUs and their GPUs, per workload key. */
  readonly #held = new Map<string, Aggregate>();
  /** Events logged, by key, with the count and time they were logged at (an Event's repeats update it). */
  readonly #logged = new Map<string, string>();
  readonly #ttft = new Map<string, number[]>();
  readonly #tpot = new Map<string, number[]>();
  /** GPU pods not bound to any node (pending scheduling). */
  readonly #unbound = new Set<string>();
  #workloads: WorkloadView[] | undefined;
  /** Bumped on every change that shows; snapshots are rebuilt only when it moved. */
  version = 0;

  constructor(options: { keys: TopologyKeys; namespace?: string; startMs: number }) {
    this.grid = new NodeGrid(options.keys);
    this.#namespace = options.namespace;
    this.#startMs = options.startMs;
    this.grid.priorityOf = (workload) => (this.#deployments.get(workload)?.spec.priority ?? this.#jobs.get(workload)?.spec.priority);
    this.#gpuResource = options.keys.gpuResource;
  }

  readonly #gpuResource: string;

  /** Pods that request GPUs but are bound to no node. */
  get unboundGpuPods(): number {
    return this.#unbound.size;
  }

  /**
   * Applies one change. `log` is false while the caches fill (the first lists): the state is
   * taken in, but only Events are logged, not every pod found as if it had just changed.
   */
  apply(change: Change, nowNs: number, log: boolean): void {
    this.version++;
    const gone = change.event === 'delete';
    switch (change.resource) {
      case 'node':
        if (gone) this.grid.deleteNode(change.object.metadata.name);
        else this.grid.upsertNode(change.object);
        return;
      case 'pod':
        this.#applyPod(keyOf(change.object.metadata), gone ? undefined : podInfo(change.object, this.#gpuResource), nowNs, log);
        return;
      case 'deployment':
        this.#applyCr(this.#deployments, change.object, gone);
        return;
      case 'job':
        this.#applyCr(this.#jobs, change.object, gone);
        return;
      case 'event':
        this.#applyEvent(change.object, gone);
        return;
    }
  }

  #applyPod(key: string, after: PodInfo | undefined, nowNs: number, log: boolean): void {
    const before = this.#pods.get(key);
    if (after === undefined) this.#pods.delete(key);
    else this.#pods.set(key, after);
    this.grid.updatePod(key, before, after);
    if (before?.holds === true) this.#hold(before, -1);
    if (after?.holds === true) this.#hold(after, 1);
    if (after !== undefined && after.gpus > 0 && after.node === undefined && after.phase === 'Pending') this.#unbound.add(key);
    else this.#unbound.delete(key);
    if (log && this.#shown(after?.namespace ?? before?.namespace ?? '')) for (const e of podChangeEvents(before, after, nowNs)) this.events.push(e);
  }

  #hold(pod: PodInfo, sign: 1 | -1): void {
    const a = this.#held.get(pod.workload) ?? { pods: 0, gpus: 0 };
    a.pods += sign;
    a.gpus += sign * pod.gpus;
    if (a.pods === 0) this.#held.delete(pod.workload);
    else this.#held.set(pod.workload, a);
    this.#workloads = undefined;
  }

  #applyCr<T extends ModelDeployment | FineTuneJob>(cache: Map<string, T>, object: T, gone: boolean): void {
    const key = keyOf(object.metadata);
    const before = cache.get(key);
    if (gone) {
      cache.delete(key);
      this.#ttft.delete(key);
      this.#tpot.delete(key);
    } else cache.set(key, object);
    if (before?.spec.priority !== (gone ? undefined : object.spec.priority)) this.grid.invalidateViews();
    this.#workloads = undefined;
  }

  #applyEvent(event: EventObject, gone: boolean): void {
    const key = keyOf(event.metadata);
    if (gone) {
      this.#logged.delete(key);
      return;
    }
    if (!isWeftEvent(event)) return;
    // A relist reports every Event again, and a repeated Event is the same object with a higher
    // count: log it once per (count, time).
    const occurrence = `${event.count ?? 1}@${eventTimeMs(event)}`;
    if (this.#logged.get(key) === occurrence) return;
    this.#logged.set(key, occurrence);
    this.events.push(eventView(event, this.#startMs));
  }

  #shown(namespace: string): boolean {
    return this.#namespace === undefined || this.#namespace === namespace;
  }

  /** Appends each deployment's current p99s (from its status) to its sparkline series. */
  sample(): void {
    for (const [key, md] of this.#deployments) {
      const ttft = durationMs(md.status?.latency?.ttftP99);
      const tpot = durationMs(md.status?.latency?.tpotP99);
      if (ttft !== undefined) pushBounded(seriesOf(this.#ttft, key), ttft);
      if (tpot !== undefined) pushBounded(seriesOf(this.#tpot, key), tpot);
    }
    this.version++;
  }

  /** Deployments, then fine-tuning jobs, then other GPU workloads of the shown namespace(s), each by name. */
  workloads(): readonly WorkloadView[] {
    if (this.#workloads !== undefined) return this.#workloads;
    const byName = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    const out: WorkloadView[] = [];
    for (const [key, md] of [...this.#deployments].sort(byName)) out.push(deploymentView(md, key, this.#held.get(key)?.gpus ?? 0));
    for (const [key, job] of [...this.#jobs].sort(byName)) out.push(fineTuneView(job, key, this.#held.get(key)?.gpus ?? 0));
    for (const [key, a] of [...this.#held].sort(byName)) {
      if (this.#deployments.has(key) || this.#jobs.has(key)) continue;
      if (!this.#shown(key.slice(0, key.indexOf('/')))) continue;
      out.push(podGroupView(key, a.pods, a.gpus));
    }
    this.#workloads = out;
    return out;
  }

  /** Share of deployments whose SLOMet condition is True, among those that have one. */
  sloAttainment(): number | undefined {
    let met = 0;
    let judged = 0;
    for (const md of this.#deployments.values()) {
      const m = sloMet(md);
      if (m === undefined) continue;
      judged++;
      if (m) met++;
    }
    return judged === 0 ? undefined : met / judged;
  }

  series(): SeriesView[] {
    const out: SeriesView[] = [];
    for (const [key, md] of this.#deployments) {
      const ttft = this.#ttft.get(key);
      const tpot = this.#tpot.get(key);
      const ttftTarget = durationMs(md.spec.slo?.ttftP99);
      const tpotTarget = durationMs(md.spec.slo?.tpotP99);
      if (ttft !== undefined) out.push({ name: `${key} TTFT p99`, unit: 'ms', ...(ttftTarget === undefined ? {} : { target: ttftTarget }), values: ttft });
      if (tpot !== undefined) out.push({ name: `${key} TPOT p99`, unit: 'ms', ...(tpotTarget === undefined ? {} : { target: tpotTarget }), values: tpot });
    }
    return out;
  }

  /** The log, for the snapshot (the EventLog's own array, newest last). */
  get eventViews(): readonly EventView[] {
    return this.events.events;
  }
}

function seriesOf(map: Map<string, number[]>, key: string): number[] {
  let s = map.get(key);
  if (s === undefined) map.set(key, (s = []));
  return s;
}
