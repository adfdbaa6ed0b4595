import type { ClusterSpec } from '../../fabric-sim/cluster/spec.js';
import type { SloTargets } from '../planner/slo.js';
import type { DayPolicy } from './deployment-day.js';

/** One model served through the day. */
export interface DayDeployment {
  /** Workload name (replicas are `<name>-<i>`). */
  readonly name: string;
  /** Model catalog key. */
  readonly model: string;
  readonly slo: SloTargets;
  /** Requests per simulated second at the daily peak. */
  readonly peakRequestsPerSec: number;
  /** Prompt and output lengths to resample, from a real request trace. */
  readonly samples: readonly { readonly promptTokens: number; readonly outputTokens: number }[];
  /** Where the samples came from, for the report. */
  readonly samplesSource: string;
}

/** The elastic fine-tuning job that runs on free and lent GPUs. */
export interface DayFineTune {
  readonly name: string;
  /** Model catalog key. */
  readonly model: string;
  readonly method: 'lora' | 'full';
  readonly seqLen: number;
  /** Sequences per optimizer step over all workers. */
  readonly globalBatchSeqs: number;
  /** Checkpoint every this many steps. */
  readonly checkpointEverySteps: number;
  /** Write bandwidth of a checkpoint per GPU, bytes/s. */
  readonly checkpointBytesPerSec: number;
  /** Restart after a membership change (reload, re-form communicators), ns. */
  readonly restartNs: number;
}

/** Everything one simulated day needs. */
export interface ClusterDayInput {
  readonly cluster: ClusterSpec;
  readonly deployments: readonly DayDeployment[];
  readonly fineTune: DayFineTune;
  /** Simulated length of the day, ns. */
  readonly dayNs: number;
  /** Elastic controller tick, ns. Default 1 s. */
  readonly controlPeriodNs?: number;
  /** Longest a reclaim may take (the job checkpoints on the signal and exits), ns. Default 10 s. */
  readonly reclaimGraceNs?: number;
  /** Model storage read bandwidth per replica, bytes/s. Default 10 GB/s (a local NVMe cache). */
  readonly storageBytesPerSec?: number;
  /** Engine warm-up after the weights are loaded, ns. Default 10 s. */
  readonly warmupNs?: number;
  /** A scale-down waits for this long of agreeing recommendations, ns. Default 60 s. */
  readonly scaleDownDelayNs?: number;
  /** Lend idle GPUs in batches of at least this many (each lend restarts the job). Default one server's GPUs. */
  readonly minLendGpus?: number;
  /** SLO window length, ns. Default 1/96 of the day (a quarter hour of the day). */
  readonly sloWindowNs?: number;
  /** Run the job's gradient all-reduce through the packet-level fabric for the hot spots. Default true. */
  readonly fabricHotSpots?: boolean;
  /** Provisioning policies to compare. Default static peak, static average, elastic with lending. */
  readonly policies?: readonly DayPolicy[];
  readonly seed: number;
}

/** Progress of a long stage: `done` of `total` units of `stage` (requests; packet events when `total` is undefined). */
export type DayProgress = (stage: string, done: number, total?: number) => void;
