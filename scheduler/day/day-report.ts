import { formatSlo } from '../planner/slo.js';
import type { ViolationCause } from '../slo/slo-check.js';
import type { ClusterDay } from './cluster-day.js';
import type { DayPolicy } from './deployment-day.js';
import { REAL_DAY_NS } from './finetune-day.js';

const round = (x: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** One policy's day for one deployment, as reported. */
export interface PolicySummary {
  readonly policy: DayPolicy;
  /** Every p99 target met over the whole day. */
  readonly met: boolean;
  readonly requestAttainmentPct: number;
  readonly windowAttainmentPct: number;
  readonly ttftP99Ms: number;
  readonly tpotP99Ms: number;
  /** GPU-hours of serving over the real day the simulated one stands for. */
  readonly gpuHoursPerDay: number;
  readonly meanGpus: number;
  readonly maxReplicas: number;
  readonly violationWindows: number;
  /** Missed windows per cause, most frequent first. */
  readonly causes: readonly { readonly cause: ViolationCause; readonly windows: number }[];
  readonly lends: number;
  readonly reclaims: number;
}

/** The day as plain JSON-ready data (rounded, so equal runs print equal bytes). */
export interface DaySummary {
  readonly cluster: { readonly name: string; readonly nodes: number; readonly gpus: number; readonly gpu: string; readonly topology: string; readonly switch: string };
  readonly day: { readonly simulatedMinutes: number; readonly compression: number; readonly seed: number };
  readonly deployments: readonly {
    readonly name: string;
    readonly model: string;
    readonly slo: string;
    readonly lengths: string;
    readonly peakRequestsPerSec: number;
    readonly requests: number;
    readonly plan: string;
    readonly usdPerHourAtPeak: number;
    readonly replicas: { readonly peak: number; readonly average: number; readonly trough: number };
    readonly ownedGpus: number;
    readonly nodes: readonly string[];
    readonly leaves: number;
    readonly modelLoadS: number;
    readonly policies: readonly PolicySummary[];
  }[];
  /**
   * The deployments' owned GPUs together, per policy: mean GPUs serving (held by replicas), lent
   * to the job and idle; and requests
   * per serving GPU-hour.
   */
  readonly utilisation: readonly { readonly policy: DayPolicy; readonly ownedGpus: number; readonly servingGpus: number; readonly lentGpus: number; readonly idleGpus: number; readonly requestsPerGpuHour: number }[];
  readonly fineTune: {
    readonly name: string;
    readonly model: string;
    readonly method: string;
    readonly baseWorkers: number;
    readonly maxWorkers: number;
    readonly steps: number;
    readonly stepsLost: number;
    readonly restarts: number;
    readonly checkpoints: number;
    readonly tokens: number;
    readonly baseOnlyTokens: number;
    readonly gainPct: number;
    readonly lentGpuHours: number;
    readonly lends: number;
    readonly reclaims: number;
    readonly reclaimGraceS: number;
    readonly stepTimeAtMaxS: number;
  };
  readonly fabric:
    | {
        readonly ranks: number;
        readonly servers: number;
        readonly megabytes: number;
        readonly packetUs: number;
        readonly closedFormUs: number;
        readonly stepModelUs: number;
        readonly events: number;
        readonly ecnMarks: number;
        readonly pfcPauseFrames: number;
        readonly tiers: readonly { readonly tier: string; readonly links: number; readonly meanPct: number; readonly maxPct: number }[];
        readonly hotLinks: readonly { readonly link: string; readonly utilisationPct: number; readonly maxQueueKiB: number; readonly pfcPauses: number }[];
      }
    | undefined;
}

/** Summarises a {@link ClusterDay}: the figures the demo prints, and its JSON. */
export function summarizeDay(day: ClusterDay): DaySummary {
  const input = day.input;
  const compression = REAL_DAY_NS / input.dayNs;
  const topo = input.cluster.topology;
  const topology =
    topo.kind === 'rail-optimized'
      ? `rail-optimized, ${topo.spines} spines, ${topo.oversubscription}:1`
      : topo.kind === 'leaf-spine'
        ? `leaf-spine, ${topo.hostsPerLeaf} hosts a leaf, ${topo.oversubscription}:1`
        : topo.kind === 'fat-tree'
          ? `fat-tree k=${topo.k}`
          : topo.kind;
  const deployments = day.deployments.map((d) => ({
    name: d.spec.name,
    model: d.spec.model,
    slo: formatSlo(d.spec.slo),
    lengths: d.spec.samplesSource,
    peakRequestsPerSec: d.spec.peakRequestsPerSec,
    requests: d.requests,
    plan: `${d.plan.gpu} tp${d.plan.tp} ${d.plan.precision}`,
    usdPerHourAtPeak: round(d.plan.usdPerHour),
    replicas: { peak: d.plan.replicas, average: d.averageReplicas, trough: d.troughReplicas },
    ownedGpus: d.ownedGpus,
    nodes: [...new Set(d.placement.map((p) => p.node))],
    leaves: new Set(d.placement.map((p) => p.leaf)).size,
    modelLoadS: round(d.modelLoadNs / 1e9, 1),
    policies: d.policies.map((p): PolicySummary => {
      const causes = new Map<ViolationCause, number>();
      for (const v of p.report.violations) if (v.cause !== undefined) causes.set(v.cause, (causes.get(v.cause) ?? 0) + 1);
      const slo = d.spec.slo;
      const o = p.report.overall;
      return {
        policy: p.policy,
        met: (slo.ttftP99Ns === undefined || o.ttft.p99Ns <= slo.ttftP99Ns) && (slo.tpotP99Ns === undefined || o.tpot.p99Ns <= slo.tpotP99Ns) && (slo.e2eP99Ns === undefined || o.e2e.p99Ns <= slo.e2eP99Ns),
        requestAttainmentPct: round(p.report.requestAttainment * 100),
        windowAttainmentPct: round(p.report.windowAttainment * 100, 1),
        ttftP99Ms: round(o.ttft.p99Ns / 1e6, 1),
        tpotP99Ms: round(o.tpot.p99Ns / 1e6, 1),
        gpuHoursPerDay: round((p.provisionedGpuNs * compression) / 3600e9, 1),
        meanGpus: round(p.provisionedGpuNs / input.dayNs, 1),
        maxReplicas: p.maxReplicas,
        violationWindows: p.report.violations.length,
        causes: [...causes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([cause, windows]) => ({ cause, windows })),
        lends: p.lending.filter((a) => a.kind === 'lend').length,
        reclaims: p.lending.filter((a) => a.kind === 'reclaim').length,
      };
    }),
  }));
  const owned = day.deployments.reduce((s, d) => s + d.ownedGpus, 0);
  const policies = day.deployments[0]?.policies.map((p) => p.policy) ?? [];
  const ft = day.fineTune;
  const meanLent = ft.lentGpuNs / Math.max(REAL_DAY_NS, 1);
  const utilisation = policies.map((policy) => {
    let servingNs = 0;
    let requests = 0;
    for (const d of day.deployments) {
      const p = d.policies.find((x) => x.policy === policy)!;
      servingNs += p.provisionedGpuNs;
      requests += p.report.overall.requests;
    }
    const serving = servingNs / input.dayNs;
    const lent = policy === 'elastic-lending' ? meanLent : 0;
    return {
      policy,
      ownedGpus: owned,
      servingGpus: round(serving, 1),
      lentGpus: round(lent, 1),
      idleGpus: round(Math.max(0, owned - serving - lent), 1),
      requestsPerGpuHour: round(requests / ((servingNs * compression) / 3600e9), 1),
    };
  });
  const f = day.fabric;
  return {
    cluster: { name: input.cluster.name, nodes: day.nodes, gpus: day.totalGpus, gpu: day.gpuKey, topology, switch: typeof input.cluster.switch === 'string' ? input.cluster.switch : input.cluster.switch.name },
    day: { simulatedMinutes: round(input.dayNs / 60e9, 2), compression: round(compression, 1), seed: input.seed },
    deployments,
    utilisation,
    fineTune: {
      name: ft.spec.name,
      model: ft.spec.model,
      method: ft.spec.method,
      baseWorkers: ft.baseWorkers,
      maxWorkers: ft.maxWorkers,
      steps: ft.progress.stepsDone,
      stepsLost: round(ft.progress.stepsLost, 1),
      restarts: ft.progress.restarts,
      checkpoints: ft.progress.checkpoints,
      tokens: ft.sequencesTrained * ft.spec.seqLen,
      baseOnlyTokens: ft.baseOnlySequences * ft.spec.seqLen,
      gainPct: ft.baseOnlySequences > 0 ? round((ft.sequencesTrained / ft.baseOnlySequences - 1) * 100, 1) : 0,
      lentGpuHours: round(ft.lentGpuNs / 3600e9, 1),
      lends: ft.lends,
      reclaims: ft.reclaims,
      reclaimGraceS: round((input.reclaimGraceNs ?? 10e9) / 1e9, 1),
      stepTimeAtMaxS: round(ft.stepTimeAtMaxNs / 1e9, 3),
    },
    fabric:
      f === undefined
        ? undefined
        : {
            ranks: f.ranks,
            servers: f.servers,
            megabytes: round(f.bytes / 1e6, 1),
            packetUs: round(f.timeNs / 1e3, 1),
            closedFormUs: round(f.closedFormNs / 1e3, 1),
            stepModelUs: round(ft.modelAllReduceNs / 1e3, 1),
            events: f.events,
            ecnMarks: f.ecnMarks,
            pfcPauseFrames: f.pfcPauseFrames,
            tiers: f.tiers.map((t) => ({ tier: t.tier, links: t.links, meanPct: round(t.meanUtilisation * 100, 1), maxPct: round(t.maxUtilisation * 100, 1) })),
            hotLinks: f.hotLinks.map((l) => ({ link: l.link, utilisationPct: round(l.utilisation * 100, 1), maxQueueKiB: round(l.maxQueueBytes / 1024, 1), pfcPauses: l.pfcPausesReceived })),
          },
  };
}
