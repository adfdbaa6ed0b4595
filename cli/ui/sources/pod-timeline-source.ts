import { GPU_MILLI } from '../../../scheduler/cluster/cluster-state.js';
import type { PodTimeline, TimelineEvent } from '../../../traces/replay/pod-timeline.js';
import type { DashboardSource } from '../model/source.js';
import type { DashboardSnapshot, EventView, GpuCellView, NodeView, SeriesView, WorkloadView } from '../model/snapshot.js';

const EVENT_LOG_LIMIT = 500;
const SERIES_LIMIT = 120;

/**
 * The dashboard over a trace replay (`PodTimeline`): the GPU grid from the scheduler's cluster
 * state, running pods as workloads, placements/waits/departures as events, and GPU allocation
 * and pending pods as sparklines. No fabric (the trace has none) and no SLOs (pods have none).
 */
export class PodTimelineSource implements DashboardSource {
  readonly #timeline: PodTimeline;
  readonly #events: EventView[] = [];
  readonly #allocation: number[] = [];
  readonly #pending: number[] = [];

  /**
   * @param createTimeline builds the replay with the given `onEvent`, so the source sees every
   *   event from the first.
   */
  constructor(createTimeline: (onEvent: (event: TimelineEvent) => void) => PodTimeline) {
    this.#timeline = createTimeline((event) => {
      this.#record(event);
    });
  }

  #record(event: TimelineEvent): void {
    const where = event.node === undefined ? '' : ` on ${event.node}`;
    const why = event.reason === undefined ? '' : `: ${event.reason}`;
    this.#events.push({ timeNs: event.timeNs, kind: event.kind, message: `${event.pod}${where}${why}` });
    if (this.#events.length > EVENT_LOG_LIMIT) this.#events.splice(0, this.#events.length - EVENT_LOG_LIMIT);
  }

  advance(wallMs: number, speed: number): boolean {
    const more = this.#timeline.advanceTo(this.#timeline.nowNs + wallMs * 1e6 * speed);
    const cluster = this.#timeline.cluster;
    push(this.#allocation, (100 * cluster.gpuMilliAllocated) / Math.max(1, cluster.gpuMilliCapacity));
    push(this.#pending, this.#timeline.pendingPods);
    return more;
  }

  snapshot(): DashboardSnapshot {
    const cluster = this.#timeline.cluster;
    const nodes: NodeView[] = [];
    let fullyFree = 0;
    for (let n = 0; n < cluster.nodeCount; n++) {
      const spec = cluster.node(n);
      const cells: GpuCellView[] = [];
      for (let g = 0; g < spec.gpuCount; g++) cells.push({ allocated: 0, lent: false });
      const holder: number[] = new Array<number>(spec.gpuCount).fill(0);
      for (const allocation of cluster.podsOn(n)) {
        for (const g of allocation.gpus) {
          const cell = cells[g]!;
          // The pod holding the largest share names the cell.
          if (allocation.pod.gpuMilli > holder[g]!) {
            holder[g] = allocation.pod.gpuMilli;
            cell.workload = allocation.pod.name;
            cell.priority = allocation.pod.priority;
          }
        }
      }
      for (let g = 0; g < spec.gpuCount; g++) {
        const free = cluster.gpuFree(n, g);
        cells[g]!.allocated = (GPU_MILLI - free) / GPU_MILLI;
        if (free === GPU_MILLI) fullyFree++;
      }
      nodes.push({ name: spec.name, gpuType: spec.gpuType === '' ? 'cpu' : spec.gpuType, location: `leaf${spec.leaf}`, gpus: cells });
    }
    const workloads: WorkloadView[] = [];
    for (const allocation of cluster.allocations()) {
      const pod = allocation.pod;
      workloads.push({
        name: pod.name,
        kind: 'pod',
        replicas: 1,
        gpus: pod.gpuCount * (pod.gpuMilli / GPU_MILLI),
        state: `Running on ${cluster.node(allocation.node).name}`,
      });
    }
    const usedGpus = cluster.gpuMilliAllocated / GPU_MILLI;
    const series: SeriesView[] = [
      { name: 'GPU allocation', unit: '%', scaleMax: 100, values: this.#allocation },
      { name: 'pending pods', unit: '', values: this.#pending },
    ];
    return {
      timeNs: this.#timeline.nowNs,
      speed: 0,
      paused: false,
      totals: { gpus: cluster.gpuCount, used: Math.round(usedGpus * 10) / 10, lent: 0, free: fullyFree },
      nodes,
      workloads,
      links: [],
      events: this.#events,
      sloSeries: series,
    };
  }
}

function push(series: number[], value: number): void {
  series.push(value);
  if (series.length > SERIES_LIMIT) series.splice(0, series.length - SERIES_LIMIT);
}
