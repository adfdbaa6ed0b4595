import { percentile } from '../../fabric-sim/scenario.js';
import type { ReplayResults, ReplaySample } from './job-replay.js';
import type { InferenceReport } from './serving-slo.js';

/** Mean and percentiles of a set of durations, s (all 0 for an empty set). */
export interface DurationStats {
  readonly count: number;
  readonly mean: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Quantiles at 0, 2, 4, ... 100% (51 points): the CDF the HTML report plots. */
  readonly quantiles: readonly number[];
}

/** What a job replay reports (JSON; byte-identical for the same inputs and seed). */
export interface JobReplayReport {
  readonly trace: { readonly name: string; readonly format: string; readonly rows: number };
  readonly cluster: { readonly name: string; readonly servers: number; readonly gpus: number; readonly gpuType: string; readonly nicGbps: number; readonly oversubscription: number };
  readonly policy: string;
  readonly seed: number;
  readonly referenceGpu: string;
  /**
   * Every row accounted for: rows = replayed + skipped; replayed = finished + stillWaiting +
   * unplaceable + deployments. Serving deployments end with their lifetime; each one's outcome
   * (ran, never ran, unplaceable) is in `inference`.
   */
  readonly jobs: {
    readonly rows: number;
    readonly replayed: number;
    readonly finished: number;
    /** Replayed jobs still waiting when nothing else could happen (they never fit). */
    readonly stillWaiting: number;
    /** Serving deployments among the replayed (each one's outcome is in `inference.perDeployment`). */
    readonly deployments: number;
    readonly skipped: Readonly<Record<string, number>>;
    readonly unplaceable: Readonly<Record<string, number>>;
  };
  readonly jctS: DurationStats;
  /** JCT of jobs that ran on one server / spanned servers (the fabric only matters to the latter). */
  readonly jctSingleServerS: DurationStats;
  readonly jctMultiServerS: DurationStats;
  readonly queueingS: DurationStats;
  readonly preemptions: number;
  readonly makespanS: number;
  readonly utilisation: { readonly mean: number; readonly peak: number };
  readonly fragmentation: { readonly mean: number; readonly peak: number };
  readonly sampleEveryS: number;
  readonly samples: readonly ReplaySample[];
  /** SLO attainment of the trace's inference workloads (serving deployments); absent when it has none. */
  readonly inference?: InferenceReport;
}

const CDF_POINTS = 51;

export function durationStats(valuesNs: readonly number[]): DurationStats {
  const sorted = valuesNs.map((v) => v / 1e9).sort((a, b) => a - b);
  const mean = sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length);
  return {
    count: sorted.length,
    mean: round6(mean),
    p50: round6(sorted.length === 0 ? 0 : percentile(sorted, 0.5)),
    p99: round6(sorted.length === 0 ? 0 : percentile(sorted, 0.99)),
    max: round6(sorted.at(-1) ?? 0),
    quantiles: sorted.length === 0 ? [] : Array.from({ length: CDF_POINTS }, (_, k) => round6(percentile(sorted, k / (CDF_POINTS - 1)))),
  };
}

/** Statistics of the results (the rest of the report is the caller's metadata). */
export function resultFigures(results: ReplayResults): Pick<JobReplayReport, 'jctS' | 'jctSingleServerS' | 'jctMultiServerS' | 'queueingS' | 'preemptions' | 'makespanS' | 'utilisation' | 'fragmentation'> {
  const single = results.jctNs.filter((_, i) => results.multiServer[i] === 0);
  const multi = results.jctNs.filter((_, i) => results.multiServer[i] === 1);
  const mean = (xs: readonly number[]): number => round6(xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length));
  const utilisation = results.samples.map((s) => s.utilisation);
  const fragmentation = results.samples.map((s) => s.fragmentation);
  return {
    jctS: durationStats(results.jctNs),
    jctSingleServerS: durationStats(single),
    jctMultiServerS: durationStats(multi),
    queueingS: durationStats(results.waitNs),
    preemptions: results.preemptions,
    makespanS: round6(results.lastEventNs / 1e9),
    utilisation: { mean: mean(utilisation), peak: round6(Math.max(0, ...utilisation)) },
    fragmentation: { mean: mean(fragmentation), peak: round6(Math.max(0, ...fragmentation)) },
  };
}

/** Per-deployment SLO attainment as CSV (header only when the trace has no inference workloads). */
export function deploymentsCsv(report: JobReplayReport): string {
  const header = 'policy,deployment,model,replicas,gpus_per_replica,gpu_types,arrival_s,lifetime_s,wait_s,preemptions,rate_per_replica,requests,served_fraction,request_attainment,ttft_target_ms,tpot_target_ms,ttft_p99_ms,tpot_p99_ms,meets_slo,note';
  const cell = (v: string | number | boolean | null): string => (v === null ? '' : typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : String(v));
  const rows = (report.inference?.perDeployment ?? []).map((d) =>
    [report.policy, d.id, d.model, d.replicas, d.gpusPerReplica, d.gpuTypes, d.arrivalS, d.lifetimeS, d.waitS, d.preemptions, d.ratePerReplica, d.requests, d.servedFraction, d.requestAttainment, d.ttftTargetMs, d.tpotTargetMs, d.ttftP99Ms, d.tpotP99Ms, d.meetsSlo, d.note].map(cell).join(','),
  );
  return `${[header, ...rows].join('\n')}\n`;
}

/** Utilisation over time as CSV. */
export function samplesCsv(report: JobReplayReport): string {
  const rows = report.samples.map((s) => [report.policy, s.timeNs / 1e9, s.utilisation, s.fragmentation, s.running, s.waiting].join(','));
  return `${['policy,time_s,utilisation,fragmentation,running,waiting', ...rows].join('\n')}\n`;
}

export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
