import { badInput, WeftError } from '../../core/errors.js';
import { loadClusterSpecFile } from '../../fabric-sim/cluster/spec.js';
import {
  ROUTING_POLICIES,
  scaleArrivals,
  simulateServing,
  syntheticRequests,
  takeRequests,
  type DisaggregationConfig,
  type RoutingPolicy,
  type ServingResult,
} from '../../fabric-sim/serving/index.js';
import type { InferenceRequest } from '../../fabric-sim/workload/inference-request.js';
import { getGpu, getModel, makeDeployment } from '../../gpu-model/index.js';
import { parseSlo, type SloTargets } from '../../scheduler/planner/index.js';
import { readAzureLlmTrace } from '../../traces/formats/azure-llm.js';
import { readMooncakeTrace } from '../../traces/formats/mooncake.js';
import { ReadSummary } from '../../traces/read/read-summary.js';
import type { CommandContext, OptionSpec } from '../command.js';
import { parseIntegerOption, parseNumberOption, parseSeed } from '../options.js';
import { ProgressReporter } from '../progress.js';
import { formatTable } from '../table.js';
import { deploymentFlags } from './deployment-flags.js';

/** Flags of `weft model serve` (besides the deployment flags it shares with estimate). */
export const SERVE_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  replicas: { type: 'string', placeholder: '<n>', description: 'serve: colocated replicas', defaultText: '1' },
  trace: { type: 'string', placeholder: '<file>', description: 'serve: Azure LLM CSV or Mooncake JSONL trace (.gz accepted)' },
  requests: { type: 'string', placeholder: '<n>', description: 'serve: requests to take from the trace or to generate', defaultText: 'the whole trace, or 1000' },
  rate: { type: 'string', placeholder: '<req/s>', description: 'serve: arrival rate of the synthetic stream (without --trace)', defaultText: '10' },
  cv: { type: 'string', placeholder: '<x>', description: 'serve: coefficient of variation of inter-arrival gaps (1 Poisson, >1 gamma bursts)', defaultText: '1' },
  speedup: { type: 'string', placeholder: '<x>', description: 'serve: replay arrivals this many times faster', defaultText: '1' },
  routing: { type: 'string', placeholder: '<policy>', description: `serve: ${ROUTING_POLICIES.join(', ')}`, defaultText: 'least-outstanding' },
  'no-prefix-caching': { type: 'boolean', description: 'serve: disable prefix caching' },
  'max-batched-tokens': { type: 'string', placeholder: '<n>', description: 'serve: token budget per step (chunked prefill)', defaultText: '8192' },
  disaggregate: { type: 'string', placeholder: '<P:D>', description: 'serve: P prefill and D decode replicas with KV transfers over the fabric' },
  'nic-gbps': { type: 'string', placeholder: '<gbps>', description: 'serve: NIC rate per GPU for KV transfers', defaultText: '400' },
  oversubscription: { type: 'string', placeholder: '<x>', description: 'serve: leaf-to-spine oversubscription crossed by KV transfers (alpha-beta fabric)', defaultText: '1' },
  'kv-fabric': { type: 'string', placeholder: '<kind>', description: 'serve: KV transfers as alpha-beta, or network (flows on the fabric-sim network of --cluster)', defaultText: 'alpha-beta' },
  cluster: { type: 'string', placeholder: '<spec.yaml>', description: 'serve: ClusterSpec file of the network KV fabric', defaultText: 'the built-in default cluster' },
  slo: { type: 'string', placeholder: '<targets>', description: 'serve: ttft-p99=300ms,tpot-p99=50ms,e2e-p99=20s; exit 3 when missed' },
};

export function traceStream(path: string): AsyncIterable<InferenceRequest> {
  const summary = new ReadSummary(path);
  if (/\.csv(\.gz)?$/i.test(path)) return readAzureLlmTrace(path, summary);
  if (/\.jsonl(\.gz)?$/i.test(path)) return readMooncakeTrace(path, summary);
  throw badInput('unrecognised trace format', { field: '--trace', value: path, expected: 'an Azure LLM .csv or a Mooncake .jsonl file (optionally .gz)' });
}

function disaggregation(options: CommandContext['options']): DisaggregationConfig | undefined {
  const text = options.disaggregate;
  if (typeof text !== 'string') return undefined;
  const m = /^(\d+):(\d+)$/.exec(text.trim());
  if (m === null || Number(m[1]) < 1 || Number(m[2]) < 1) throw badInput('malformed disaggregation', { field: '--disaggregate', value: text, expected: 'P:D with P, D >= 1, for example 2:2' });
  const kind = options['kv-fabric'] ?? 'alpha-beta';
  if (kind !== 'alpha-beta' && kind !== 'network') throw badInput('unknown KV fabric', { field: '--kv-fabric', value: kind, expected: 'alpha-beta or network' });
  if (kind === 'network') {
    for (const flag of ['nic-gbps', 'oversubscription'] as const) {
      if (options[flag] !== undefined) throw badInput(`--${flag} sets the alpha-beta fabric`, { field: `--${flag}`, value: options[flag], expected: 'the link speed and oversubscription in the --cluster spec with --kv-fabric network' });
    }
    const cluster = typeof options.cluster === 'string' ? loadClusterSpecFile(options.cluster) : 'default';
    return { prefillReplicas: Number(m[1]), decodeReplicas: Number(m[2]), fabric: { kind: 'network', cluster, fidelity: 'flow' } };
  }
  if (options.cluster !== undefined) throw badInput('--cluster needs the network KV fabric', { field: '--cluster', value: options.cluster, expected: '--kv-fabric network' });
  return {
    prefillReplicas: Number(m[1]),
    decodeReplicas: Number(m[2]),
    fabric: {
      nicGbps: options['nic-gbps'] === undefined ? 400 : parseNumberOption('--nic-gbps', options['nic-gbps'], { min: 0, exclusiveMin: true }),
      gpusPerLeaf: 8,
      oversubscription: options.oversubscription === undefined ? 1 : parseNumberOption('--oversubscription', options.oversubscription, { min: 1 }),
    },
  };
}

/** The p99 targets `slo` sets that `result` missed. */
function missedTargets(result: ServingResult, slo: SloTargets): string[] {
  const s = result.summary;
  const missed: string[] = [];
  if (slo.ttftP99Ns !== undefined && s.ttft.p99Ns > slo.ttftP99Ns) missed.push('ttft-p99');
  if (slo.tpotP99Ns !== undefined && s.tpot.p99Ns > slo.tpotP99Ns) missed.push('tpot-p99');
  if (slo.e2eP99Ns !== undefined && s.e2e.p99Ns > slo.e2eP99Ns) missed.push('e2e-p99');
  return missed;
}

/** `weft model serve`: the serving simulation over a trace or a synthetic stream. */
export async function runModelServe({ options, io, json }: CommandContext): Promise<number> {
  const d = deploymentFlags(options);
  const deployment = makeDeployment({
    model: getModel(d.model, '--model'),
    gpu: getGpu(d.gpu, { field: '--gpu' }),
    tp: d.tp,
    pp: d.pp,
    ep: d.ep,
    weightPrecision: d.precision,
    kvCachePrecision: d.precision === 'fp8' ? 'fp8' : 'bf16',
  });
  const seed = parseSeed(options.seed);
  const routing = options.routing ?? 'least-outstanding';
  if (typeof routing !== 'string' || !(ROUTING_POLICIES as readonly string[]).includes(routing)) {
    throw badInput('unknown routing policy', { field: '--routing', value: routing, expected: `one of: ${ROUTING_POLICIES.join(', ')}` });
  }
  const slo = typeof options.slo === 'string' ? parseSlo(options.slo) : undefined;
  const speedup = options.speedup === undefined ? 1 : parseNumberOption('--speedup', options.speedup, { min: 0, exclusiveMin: true });
  const requests = options.requests === undefined ? undefined : parseIntegerOption('--requests', options.requests, { min: 1 });
  let stream: Iterable<InferenceRequest> | AsyncIterable<InferenceRequest>;
  if (typeof options.trace === 'string') {
    stream = traceStream(options.trace);
    if (requests !== undefined) stream = takeRequests(stream, requests);
  } else {
    stream = syntheticRequests({
      ratePerSec: options.rate === undefined ? 10 : parseNumberOption('--rate', options.rate, { min: 0, exclusiveMin: true }),
      cv: options.cv === undefined ? 1 : parseNumberOption('--cv', options.cv, { min: 0, exclusiveMin: true }),
      count: requests ?? 1000,
      prompt: { kind: 'fixed', tokens: options.prompt === undefined ? 1024 : parseIntegerOption('--prompt', options.prompt, { min: 1 }) },
      output: { kind: 'fixed', tokens: options.output === undefined ? 128 : parseIntegerOption('--output', options.output, { min: 1 }) },
      seed,
    });
  }
  if (speedup !== 1) stream = scaleArrivals(stream, speedup);
  const progress = new ProgressReporter(io.stderr, 'simulating', { unit: 'requests' });
  let arrived = 0;
  async function* counted(source: typeof stream): AsyncGenerator<InferenceRequest> {
    for await (const r of source) {
      if (++arrived % 1000 === 0) progress.update(arrived, requests, `${(r.arrivalNs / 1e9).toFixed(0)} s simulated`);
      yield r;
    }
  }
  const result = await simulateServing(
    counted(stream),
    {
      deployment,
      replicas: options.replicas === undefined ? 1 : parseIntegerOption('--replicas', options.replicas, { min: 1, max: 100_000 }),
      disaggregation: disaggregation(options),
      routing: routing as RoutingPolicy,
      prefixCaching: options['no-prefix-caching'] !== true,
      maxBatchedTokens: options['max-batched-tokens'] === undefined ? undefined : parseIntegerOption('--max-batched-tokens', options['max-batched-tokens'], { min: 1 }),
      slo: slo === undefined ? undefined : { ttftNs: slo.ttftP99Ns, tpotNs: slo.tpotP99Ns, e2eNs: slo.e2eP99Ns },
    },
    { seed },
  );
  progress.done();
  const missed = slo === undefined ? [] : missedTargets(result, slo);
  if (json) {
    io.stdout.write(`${JSON.stringify({ model: deployment.model.name, gpu: deployment.gpu.name, tp: d.tp, pp: d.pp, seed, summary: result.summary, replicas: result.replicas, kvCacheBlocks: result.kvCacheBlocks, missed }, null, 2)}\n`);
  } else {
    io.stdout.write(renderServe(result, `${deployment.model.name} on ${result.replicas.length} x ${d.tp * d.pp} x ${deployment.gpu.name}`));
  }
  if (missed.length > 0) {
    io.stderr.write(`${new WeftError('TARGET_MISSED', `SLO missed: ${missed.join(', ')}`).message}\n`);
    return 3;
  }
  return 0;
}

function renderServe(result: ServingResult, title: string): string {
  const s = result.summary;
  const ms = (ns: number): string => (ns / 1e6).toFixed(1);
  const row = (name: string, p: typeof s.ttft): [string, string, string, string, string] => [name, ms(p.meanNs), ms(p.p50Ns), ms(p.p90Ns), ms(p.p99Ns)];
  const head =
    `${title}: ${s.requests} requests (${s.rejected} rejected) over ${(s.makespanNs / 1e9).toFixed(1)} s\n` +
    `throughput ${s.requestsPerSec.toFixed(2)} req/s, ${s.outputTokensPerSec.toFixed(0)} output tokens/s, goodput ${s.goodputRequestsPerSec.toFixed(2)} req/s\n` +
    `prefix-cache hit rate ${(s.prefixHitRate * 100).toFixed(1)}%, preemptions ${s.preemptions}, KV transferred ${(s.kvTransferBytes / 1e9).toFixed(2)} GB\n\n`;
  return (
    head +
    formatTable(['latency (ms)', 'mean', 'p50', 'p90', 'p99'], [
      row('TTFT', s.ttft),
      row('TPOT', s.tpot),
      row('ITL (mean: all gaps; p: max gap per request)', s.itl),
      row('end-to-end', s.e2e),
      row('queueing', s.queueing),
    ])
  );
}
