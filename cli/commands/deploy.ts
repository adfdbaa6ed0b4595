import { badInput } from '../../core/errors.js';
import { DEFAULT_CLUSTER, loadClusterSpecFile, type ClusterSpec } from '../../fabric-sim/cluster/spec.js';
import { catalogGpuFor, getModel, gpuNames } from '../../gpu-model/index.js';
import { nodesFromClusterSpec } from '../../scheduler/cluster/from-cluster-spec.js';
import {
  type Candidate,
  formatSlo,
  parseSlo,
  planDeployment,
  type PlanInput,
  verifyCandidate,
  type Verification,
} from '../../scheduler/planner/index.js';
import { placeReplicas, type PlacementOutcome } from '../../scheduler/planner/place.js';
import type { Command, CommandContext } from '../command.js';
import { parseIntegerOption, parseNumberOption, parseSeed } from '../options.js';
import { ProgressReporter } from '../progress.js';
import { formatTable } from '../table.js';
import { parseLoad } from './deploy-load.js';

/** Kept here for existing importers; the lookup lives in gpu-model. */
export { catalogGpuFor };

const ms = (ns: number): string => (Number.isFinite(ns) ? (ns / 1e6).toFixed(1) : '-');

function candidateRow(c: Candidate): string[] {
  return [
    `${c.gpu} tp${c.tp} ${c.precision}`,
    String(c.replicas),
    String(c.gpus),
    c.usdPerHour.toFixed(2),
    ms(c.prediction.ttftP99Ns),
    ms(c.prediction.tpotP99Ns),
    Number.isFinite(c.prediction.utilisation) ? `${(c.prediction.utilisation * 100).toFixed(0)}%` : '-',
    c.meets ? 'meets' : c.misses.join('; '),
  ];
}

interface DeployResult {
  model: string;
  slo: string;
  load: string;
  cluster: string;
  screened: number;
  candidates: Candidate[];
  verified: Verification[];
  chosen: Verification | undefined;
  placement: PlacementOutcome | undefined;
  outcome: 'met' | 'missed' | 'no-candidate' | 'does-not-fit';
  reason: string;
}

/** Plans, verifies by simulation and places; returns the result and the exit status. */
async function deploy(context: CommandContext): Promise<{ result: DeployResult; exit: number }> {
  const { options, positionals, io } = context;
  const [modelName, ...extra] = positionals;
  if (modelName === undefined) throw badInput('missing model', { field: 'model', expected: 'weft deploy <model> (weft model list)' });
  if (extra.length > 0) throw badInput('unexpected argument', { field: 'arguments', value: extra[0], expected: 'one model name' });
  const model = getModel(modelName, 'model');
  if (typeof options.slo !== 'string') throw badInput('missing --slo', { field: '--slo', expected: 'targets such as ttft-p99=300ms,tpot-p99=50ms' });
  const slo = parseSlo(options.slo);
  if (typeof options.load !== 'string') throw badInput('missing --load', { field: '--load', expected: 'qps=<rate> or a request trace file' });
  const seed = parseSeed(options.seed);
  const headroom = options.headroom === undefined ? 0.1 : parseNumberOption('--headroom', options.headroom, { min: 0, max: 0.99 });
  const verifyTop = options['verify-top'] === undefined ? 5 : parseIntegerOption('--verify-top', options['verify-top'], { min: 1, max: 50 });
  const requests = options.requests === undefined ? 10_000 : parseIntegerOption('--requests', options.requests, { min: 100, max: 10_000_000 });
  const cluster: ClusterSpec = typeof options.cluster === 'string' ? loadClusterSpecFile(options.cluster) : DEFAULT_CLUSTER;

  // The GPU types the cluster has, as catalog keys, narrowed by --gpu.
  const clusterTypes = new Map<string, string>();
  for (const group of cluster.servers) {
    const key = catalogGpuFor(group.gpuType);
    if (key === undefined) {
      throw badInput('cluster GPU type not in the catalog', { field: 'cluster servers.gpuType', value: group.gpuType, expected: `a type naming one of: ${gpuNames().join(', ')}` });
    }
    clusterTypes.set(key, group.gpuType);
  }
  let gpus = [...clusterTypes.keys()];
  if (typeof options.gpu === 'string') {
    const wanted = options.gpu.split(',').map((g) => g.trim().toLowerCase());
    for (const g of wanted) {
      const key = catalogGpuFor(g);
      if (key === undefined || !clusterTypes.has(key)) {
        throw badInput('GPU type not in the cluster', { field: '--gpu', value: g, expected: `one of the cluster's types: ${gpus.join(', ')}` });
      }
    }
    gpus = wanted.map((g) => catalogGpuFor(g)!);
  }

  const { load, source } = await parseLoad(options.load);
  const input: PlanInput = { model: model.name, slo, load, gpus, headroom };
  const plan = planDeployment(input);
  const result: DeployResult = {
    model: model.name,
    slo: formatSlo(slo),
    load: source,
    cluster: cluster.name,
    screened: plan.screened,
    candidates: [...plan.candidates],
    verified: [],
    chosen: undefined,
    placement: undefined,
    outcome: 'no-candidate',
    reason: '',
  };
  const meeting = plan.candidates.filter((c) => c.meets).slice(0, verifyTop);
  if (meeting.length === 0) {
    const nearest = plan.nearest[0];
    result.reason = nearest === undefined ? 'no configuration fits this model on the cluster GPUs' : `no candidate meets the SLO; nearest ${nearest.gpu} tp${nearest.tp} ${nearest.precision} x${nearest.replicas}: ${nearest.misses.join('; ')}`;
    return { result, exit: 3 };
  }
  // Verify the cheapest screened candidates by simulation, in cost order.
  const progress = new ProgressReporter(io.stderr, 'verifying', { unit: 'candidates', plainIntervalMs: 0 });
  for (const candidate of meeting) {
    progress.update(result.verified.length, meeting.length, `${candidate.gpu} tp${candidate.tp} ${candidate.precision} x${candidate.replicas}`);
    result.verified.push(await verifyCandidate(candidate, model.name, load, slo, { requests, seeds: [seed] }));
  }
  progress.update(meeting.length, meeting.length);
  progress.done();
  // The cheapest verified candidate that meets the SLO and fits the cluster.
  const nodes = nodesFromClusterSpec(cluster);
  for (const v of result.verified) {
    if (!v.meets) continue;
    const placement = placeReplicas(nodes, { name: model.name, replicas: v.candidate.replicas, gpusPerReplica: v.candidate.tp, gpuType: clusterTypes.get(v.candidate.gpu)! });
    if (placement.unplaced.length === 0) {
      result.chosen = v;
      result.placement = placement;
      result.outcome = 'met';
      result.reason = `cheapest of ${result.verified.length} verified candidates meeting the SLO in simulation`;
      return { result, exit: 0 };
    }
    result.outcome = 'does-not-fit';
    result.reason = `${v.candidate.gpu} tp${v.candidate.tp} x${v.candidate.replicas} meets the SLO but ${placement.unplaced.length} replicas do not fit the cluster (${placement.unplaced[0]!.reason})`;
  }
  if (result.outcome !== 'does-not-fit') {
    result.outcome = 'missed';
    result.reason = 'every verified candidate missed the SLO in simulation (the screen was optimistic for them)';
  }
  return { result, exit: 3 };
}

function printReport(result: DeployResult, context: CommandContext): void {
  const out = context.io.stdout;
  out.write(`${result.model}: SLO ${result.slo}; load ${result.load}; cluster ${result.cluster}\n`);
  out.write(`screened ${result.screened} (configuration, replicas) pairs analytically; cheapest per configuration:\n\n`);
  out.write(formatTable(['configuration', 'replicas', 'GPUs', '$/h', 'TTFT p99 ms', 'TPOT p99 ms', 'util', 'verdict'], result.candidates.slice(0, 12).map(candidateRow)));
  if (result.verified.length > 0) {
    out.write('\nverified by simulation (cheapest first):\n\n');
    out.write(
      formatTable(
        ['configuration', 'replicas', '$/h', 'TTFT p99 ms (screen / sim)', 'TPOT p99 ms (screen / sim)', 'attainment', 'SLO'],
        result.verified.map((v) => [
          `${v.candidate.gpu} tp${v.candidate.tp} ${v.candidate.precision}`,
          String(v.candidate.replicas),
          v.candidate.usdPerHour.toFixed(2),
          `${ms(v.candidate.prediction.ttftP99Ns)} / ${ms(v.simulatedTtftP99Ns)}`,
          `${ms(v.candidate.prediction.tpotP99Ns)} / ${ms(v.simulatedTpotP99Ns)}`,
          `${(v.requestAttainment * 100).toFixed(2)}%`,
          v.meets ? 'met' : 'missed',
        ]),
      ),
    );
  }
  if (result.placement !== undefined) {
    out.write('\nplacement:\n\n');
    out.write(formatTable(['replica', 'node', 'leaf', 'GPUs'], result.placement.placed.map((p) => [p.replica, p.node, String(p.leaf), p.gpus.join(',')])));
  }
  const c = result.chosen?.candidate;
  out.write(
    c === undefined
      ? `\nno deployment: ${result.reason}\n`
      : `\ndeploy ${c.replicas} x ${c.gpu} tp${c.tp} ${c.precision} (${c.gpus} GPUs, $${c.usdPerHour.toFixed(2)}/h): ${result.reason}\n`,
  );
}

/** `weft deploy <model> --slo ... --load ...`: one-click sizing and placement, proved by simulation. */
export const deployCommand: Command = {
  name: 'deploy',
  summary: 'size and place a model for latency targets: analytic screen, simulation, placement',
  usage: '<model> --slo <targets> --load <qps=N|trace> [options]',
  description:
    'Enumerates GPU type x tensor parallelism x weight precision x replicas on the cluster\'s GPU\n' +
    'types, screens each with a continuous-batching queueing model over the GPU cost model, keeps\n' +
    'for each configuration the fewest replicas meeting the SLO with headroom (at most 80%\n' +
    'utilisation), simulates the cheapest few under the request stream (chunked prefill, paged KV\n' +
    'cache, least-outstanding routing), and places the cheapest one that meets the SLO in\n' +
    'simulation with the scheduler (each replica inside one server, replicas spread over leaves).\n' +
    'Exit 0 when deployed, 3 when no candidate meets the SLO or fits the cluster, 2 for bad input.',
  examples: [
    { command: 'weft deploy llama-3-8b --slo ttft-p99=300ms,tpot-p99=50ms --load qps=40', comment: 'size Llama-3-8B for 40 req/s on the default cluster' },
    { command: 'weft deploy llama-3-70b --slo ttft-p99=2s,tpot-p99=60ms --load trace.csv --gpu h100', comment: 'size for a recorded Azure-format trace, H100 only' },
    { command: 'weft deploy qwen2.5-7b --slo ttft-p99=200ms --load qps=100 --cluster cluster.yaml --json', comment: 'on your cluster, as JSON' },
  ],
  options: {
    slo: { type: 'string', placeholder: '<targets>', description: 'p99 targets: ttft-p99=300ms,tpot-p99=50ms,e2e-p99=20s' },
    load: { type: 'string', placeholder: '<qps=N|file>', description: 'qps=<rate> (lengths from the built-in Azure conversation sample) or an Azure .csv / Mooncake .jsonl trace' },
    gpu: { type: 'string', placeholder: '<types>', description: 'GPU types to consider, comma-separated', defaultText: "the cluster's" },
    cluster: { type: 'string', placeholder: '<spec.yaml>', description: 'ClusterSpec file', defaultText: 'the built-in default cluster' },
    headroom: { type: 'string', placeholder: '<fraction>', description: 'share of each target kept in reserve by the screen', defaultText: '0.1' },
    'verify-top': { type: 'string', placeholder: '<n>', description: 'cheapest screened candidates to simulate', defaultText: '5' },
    requests: { type: 'string', placeholder: '<n>', description: 'requests simulated per verified candidate', defaultText: '10000' },
  },
  async run(context) {
    const { result, exit } = await deploy(context);
    if (context.json) context.io.stdout.write(`${JSON.stringify(result, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`);
    else printReport(result, context);
    return exit;
  },
};
