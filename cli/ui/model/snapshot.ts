/**
 * What the dashboard shows, as plain data. A `DashboardSource` (a running simulation, or the
 * live cluster in operator mode) produces snapshots; the views only render them. Keeping the
 * view model here, in the CLI, means no simulation type leaks into rendering and every view
 * can be tested with a literal snapshot.
 */
export interface DashboardSnapshot {
  /** Simulated time, ns (wall-clock time in operator mode). */
  timeNs: number;
  /** Simulated seconds per wall-clock second; 0 while paused. */
  speed: number;
  paused: boolean;
  totals: { gpus: number; used: number; lent: number; free: number };
  /** Fraction of requests (or checks) that met their SLO so far, 0..1; undefined before any. */
  sloAttainment?: number;
  nodes: readonly NodeView[];
  workloads: readonly WorkloadView[];
  links: readonly LinkView[];
  events: readonly EventView[];
  /** Recent SLO figures per series (for sparklines), oldest first. */
  sloSeries: readonly SeriesView[];
  /** What is being shown (a scenario's name), for the header. */
  title?: string;
  /** Simulated span the links' utilisation is measured over, ns (fabric scenarios). */
  linkWindowNs?: number;
  /**
   * The last advance ran out of its event budget before reaching the time asked: the simulated
   * clock is slower than `speed` (the redraw stays responsive instead).
   */
  budgetLimited?: boolean;
  /** Fabric-wide PFC pause frames and ECN marks (when known beyond the per-link figures). */
  fabricTotals?: { pfcPauses: number; ecnMarks: number };
}

export interface NodeView {
  name: string;
  gpuType: string;
  /** Leaf / rail position, shown in describe. */
  location: string;
  gpus: readonly GpuCellView[];
}

export interface GpuCellView {
  /** Workload holding (the largest share of) this GPU, if any. */
  workload?: string;
  /** Higher is more important; drives the colour. */
  priority?: number;
  /** Fraction of the GPU allocated, 0..1 (fractional GPUs as in openb). */
  allocated: number;
  /** GPU lent by an inference deployment to an elastic fine-tuning job. */
  lent: boolean;
}

/**
 * `pod`: a task of a replayed job trace (openb), which carries no model or SLO. `flows` and
 * `collective`: traffic of a fabric scenario (a flow, a pattern such as an incast, or a
 * collective's dependency graph of flows).
 */
export type WorkloadKind = 'deployment' | 'finetune' | 'pod' | 'flows' | 'collective';

export interface WorkloadView {
  name: string;
  kind: WorkloadKind;
  replicas: number;
  gpus: number;
  state: string;
  /** p99 TTFT and TPOT against their targets, ms (deployments). */
  ttftP99Ms?: number;
  ttftTargetMs?: number;
  tpotP99Ms?: number;
  tpotTargetMs?: number;
  /** Progress 0..1 (jobs). */
  progress?: number;
}

/** One direction of a link (the transmitting port), named `from->to`. */
export interface LinkView {
  name: string;
  tier: 'leaf-spine' | 'spine-core' | 'host-leaf' | 'nvlink';
  /** Busy fraction of the line rate over the recent window, 0..1. */
  utilization: number;
  /** PFC pause (XOFF) frames this transmitter received so far. */
  pfcPauses: number;
  /** Packets ECN-marked at this egress so far; NaN when the model counts marks only fabric-wide. */
  ecnMarks: number;
  /** Line rate, Gb/s. */
  rateGbps?: number;
  /** Bytes queued at this egress now. */
  queueBytes?: number;
}

export type EventKindView =
  | 'placement'
  | 'pending'
  | 'departure'
  | 'scale-up'
  | 'scale-down'
  | 'lend'
  | 'reclaim'
  | 'violation'
  | 'info'
  /** Traffic started / finished (fabric scenarios), a link congested (PFC or sustained high load). */
  | 'start'
  | 'finish'
  | 'congestion';

export interface EventView {
  timeNs: number;
  kind: EventKindView;
  message: string;
}

export interface SeriesView {
  name: string;
  unit: string;
  target?: number;
  /** Fixed top of the plot (100 for percentages); the series' own maximum when absent. */
  scaleMax?: number;
  values: readonly number[];
}
