import { badInput } from '../../core/errors.js';
import { DEFAULT_CLUSTER, loadClusterSpecFile, type ClusterSpec } from '../../fabric-sim/cluster/spec.js';
import { catalogGpuFor, getGpu } from '../../gpu-model/index.js';
import { nodesFromClusterSpec } from '../../scheduler/cluster/from-cluster-spec.js';
import { parseDurationNs } from '../../scheduler/planner/index.js';
import { planFineTune, type FineTuneCandidate, type FineTunePlanInput } from '../../scheduler/planner/finetune-plan.js';
import { checkStepOnFabric, type FabricStepCheck } from '../../scheduler/planner/finetune-fabric.js';
import { placeGang } from '../../scheduler/planner/place.js';
import type { Command } from '../command.js';
import { parseIntegerOption, parseSeed } from '../options.js';
import { ProgressReporter } from '../progress.js';
import { formatTable } from '../table.js';

const SUFFIX: Record<string, number> = { '': 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6, b: 1e9, B: 1e9, t: 1e12, T: 1e12 };

/** `2B`, `500M`, `1.5e9` -> tokens. */
export function parseTokenCount(text: string, field: string): number {
  const m = /^(\d+(?:\.\d+)?(?:e\d+)?)([kKmMbBtT]?)$/.exec(text.trim());
  const value = m === null ? Number.NaN : Number(m[1]) * SUFFIX[m[2]!]!;
  if (!(value >= 1) || !Number.isFinite(value)) throw badInput('malformed token count', { field, value: text, expected: 'a positive count such as 2B, 500M or 1e9' });
  return Math.round(value);
}

/** `8..64` or `16` -> [min, max]. */
export function parseGpuRange(text: string, field: string): [number, number] {
  const m = /^(\d+)(?:\.\.(\d+))?$/.exec(text.trim());
  const min = m === null ? Number.NaN : Number(m[1]);
  const max = m === null ? Number.NaN : Number(m[2] ?? m[1]);
  if (!(min >= 1 && max >= min)) throw badInput('malformed GPU range', { field, value: text, expected: 'min..max or a count, for example 8..64' });
  return [min, max];
}

const hours = (ns: number): string => `${(ns / 3600e9).toFixed(2)} h`;

function row(c: FineTuneCandidate): string[] {
  return [
    String(c.gpus),
    `dp${c.dp} tp${c.tp} pp${c.pp}`,
    `ZeRO-${c.zeroStage}${c.recompute ? ' +recompute' : ''} mb${c.microBatchSeqs}`,
    (c.memoryBytesPerGpu / 2 ** 30).toFixed(1),
    (c.stepTimeNs / 1e9).toFixed(2),
    `${(c.commFraction * 100).toFixed(0)}%`,
    `${(c.mfu * 100).toFixed(0)}%`,
    hours(c.completionNs),
    c.usd.toFixed(0),
    c.meetsDeadline ? 'meets' : 'late',
  ];
}

/** `weft finetune <model> --method lora|full --tokens 2B --gpus 8..64 --deadline 12h`. */
export const finetuneCommand: Command = {
  name: 'finetune',
  summary: 'plan and place a fine-tuning job against a deadline (parallelism, ZeRO, GPUs)',
  usage: '<model> --method lora|full --tokens <n> --gpus <min..max> --deadline <duration> [options]',
  description:
    'Over GPU counts in the range and every data/tensor/pipeline split, ZeRO stage, activation\n' +
    'recomputation and micro-batch size, keeps the layouts that fit GPU memory, times a step with\n' +
    'the GPU cost model plus its collectives over NVLink and the fabric (NIC rate, leaf\n' +
    'oversubscription), adds synchronous checkpoints, and picks the cheapest in GPU-hours that\n' +
    'meets the deadline; the scheduler then gang-places its workers (all or nothing, close in the\n' +
    'fabric). Exit 0 when planned and placed, 3 when no layout meets the deadline or fits the\n' +
    'cluster, 2 for bad input.',
  examples: [
    { command: 'weft finetune llama-3-70b --method lora --tokens 2B --gpus 8..64 --deadline 12h', comment: 'LoRA on the default cluster' },
    { command: 'weft finetune llama-3-8b --method full --tokens 500M --gpus 8..32 --deadline 4h --oversubscription 2 --json', comment: 'full fine-tuning on a 2:1 fabric, as JSON' },
    { command: 'weft finetune llama-3-8b --method lora --tokens 1B --gpus 16..32 --deadline 6h --fidelity packet', comment: 'check the step on the fabric, packet by packet' },
  ],
  options: {
    method: { type: 'string', placeholder: '<lora|full>', description: 'LoRA adapters or full fine-tuning', defaultText: 'lora' },
    tokens: { type: 'string', placeholder: '<n>', description: 'training tokens (2B, 500M, 1e9)' },
    gpus: { type: 'string', placeholder: '<min..max>', description: 'GPU counts to consider' },
    deadline: { type: 'string', placeholder: '<duration>', description: 'finish within (12h, 90m)' },
    gpu: { type: 'string', placeholder: '<type>', description: 'GPU type', defaultText: "the cluster's first" },
    cluster: { type: 'string', placeholder: '<spec.yaml>', description: 'ClusterSpec file', defaultText: 'the built-in default cluster' },
    'seq-len': { type: 'string', placeholder: '<tokens>', description: 'sequence length', defaultText: '4096' },
    'global-batch': { type: 'string', placeholder: '<seqs>', description: 'sequences per optimizer step', defaultText: '256' },
    oversubscription: { type: 'string', placeholder: '<x>', description: 'leaf downlink:uplink ratio the data-parallel rings cross', defaultText: '1' },
    fidelity: { type: 'string', placeholder: '<packet|flow|analytic>', description: 'also time the data-parallel collectives through the cluster fabric on the placed GPUs' },
  },
  run({ options, positionals, io, json }) {
    const [modelName, ...extra] = positionals;
    if (modelName === undefined) throw badInput('missing model', { field: 'model', expected: 'weft finetune <model> (weft model list)' });
    if (extra.length > 0) throw badInput('unexpected argument', { field: 'arguments', value: extra[0], expected: 'one model name' });
    const method = options.method ?? 'lora';
    if (method !== 'lora' && method !== 'full') throw badInput('unknown method', { field: '--method', value: String(method), expected: 'lora or full' });
    const need = (flag: string, expected: string): string => {
      const value = options[flag];
      if (typeof value !== 'string') throw badInput(`missing --${flag}`, { field: `--${flag}`, expected });
      return value;
    };
    const tokens = parseTokenCount(need('tokens', 'a token count such as 2B'), '--tokens');
    const [minGpus, maxGpus] = parseGpuRange(need('gpus', 'a GPU range such as 8..64'), '--gpus');
    const deadlineNs = parseDurationNs(need('deadline', 'a duration such as 12h'), '--deadline');
    const cluster: ClusterSpec = typeof options.cluster === 'string' ? loadClusterSpecFile(options.cluster) : DEFAULT_CLUSTER;
    const clusterType = typeof options.gpu === 'string' ? options.gpu : cluster.servers[0]!.gpuType;
    const gpuKey = catalogGpuFor(clusterType) ?? getGpu(clusterType, { field: '--gpu' }).name;
    const group = cluster.servers.find((s) => catalogGpuFor(s.gpuType) === gpuKey);
    if (group === undefined) throw badInput('GPU type not in the cluster', { field: '--gpu', value: clusterType, expected: `one of: ${cluster.servers.map((s) => s.gpuType).join(', ')}` });
    const oversubscription = options.oversubscription === undefined ? 1 : Number(options.oversubscription);
    if (!(oversubscription >= 1)) throw badInput('bad oversubscription', { field: '--oversubscription', value: String(options.oversubscription), expected: 'a ratio >= 1' });
    const fidelity = options.fidelity;
    if (fidelity !== undefined && fidelity !== 'packet' && fidelity !== 'flow' && fidelity !== 'analytic') {
      throw badInput('unknown fidelity', { field: '--fidelity', value: String(fidelity), expected: 'packet, flow or analytic' });
    }
    const planInput: FineTunePlanInput = {
      model: modelName,
      method,
      tokens,
      minGpus,
      maxGpus,
      deadlineNs,
      gpu: gpuKey,
      gpusPerServer: group.gpusPerServer,
      seqLen: options['seq-len'] === undefined ? undefined : parseIntegerOption('--seq-len', options['seq-len'], { min: 1, max: 1_048_576 }),
      globalBatchSeqs: options['global-batch'] === undefined ? undefined : parseIntegerOption('--global-batch', options['global-batch'], { min: 1, max: 1_000_000 }),
      oversubscription,
    };
    const plan = planFineTune(planInput);
    let placement: ReturnType<typeof placeGang> | undefined;
    let reason: string;
    const c = plan.chosen;
    if (c === undefined) {
      const fastest = plan.candidates.find((x) => !x.meetsDeadline);
      reason = plan.candidates.length === 0 ? 'no layout fits GPU memory in this range' : `no layout meets the deadline; fastest ${fastest?.gpus ?? '?'} GPUs would take ${fastest === undefined ? '?' : hours(fastest.completionNs)}`;
    } else {
      const perWorker = Math.min(c.gpus, group.gpusPerServer);
      placement = placeGang(nodesFromClusterSpec(cluster), { name: `${modelName}-${method}`, workers: c.gpus / perWorker, gpusPerWorker: perWorker, gpuType: group.gpuType });
      reason = placement.unplaced.length === 0 ? `cheapest layout meeting the deadline (${hours(c.completionNs)} of ${hours(deadlineNs)})` : `does not fit the cluster: ${placement.unplaced[0]!.reason}`;
    }
    const placed = placement !== undefined && placement.unplaced.length === 0;
    let fabric: FabricStepCheck | undefined;
    if (fidelity !== undefined && placed && c !== undefined) {
      const progress = new ProgressReporter(io.stderr, `data-parallel collectives at ${fidelity} level`, { unit: 'events' });
      const gpuIds = placement!.placed.flatMap((p) => p.gpus.map((g) => `${p.node}/gpu${g}`));
      fabric = checkStepOnFabric(cluster, planInput, c, gpuIds, fidelity, { seed: parseSeed(options.seed), onProgress: (_ns, events) => { progress.update(events); } });
      progress.done();
      if (!fabric.meetsDeadline) reason = `the fabric check at ${fidelity} level misses the deadline: ${hours(fabric.simulatedCompletionNs)} of ${hours(deadlineNs)}`;
    }
    if (json) {
      io.stdout.write(`${JSON.stringify({ model: modelName, method, tokens, deadlineNs, gpu: gpuKey, evaluated: plan.evaluated, rejectedForMemory: plan.rejectedForMemory, candidates: plan.candidates, chosen: c ?? null, placement: placement ?? null, fabric: fabric ?? null, reason }, null, 2)}\n`);
    } else {
      io.stdout.write(`${modelName} ${method}: ${tokens.toLocaleString('en-US')} tokens by ${hours(deadlineNs)} on ${gpuKey}; ${plan.evaluated} layouts timed, ${plan.rejectedForMemory} over memory\n\n`);
      io.stdout.write(formatTable(['GPUs', 'parallelism', 'memory plan', 'GiB/GPU', 'step s', 'comm', 'MFU', 'completion', '$', 'deadline'], plan.candidates.map(row)));
      if (placed) io.stdout.write(`\n${formatTable(['worker', 'node', 'leaf', 'GPUs'], placement!.placed.map((p) => [p.replica, p.node, String(p.leaf), p.gpus.join(',')]))}`);
      if (fabric !== undefined) {
        io.stdout.write(`\ndata-parallel collectives on the placed GPUs, ${fabric.fidelity} level (all groups at once):\n\n`);
        io.stdout.write(
          formatTable(
            ['collective', 'MB', 'per step', 'groups x ranks', 'model ms', `${fabric.fidelity} ms`],
            fabric.collectives.map((x) => [x.why, (x.bytes / 1e6).toFixed(1), String(x.count), `${x.groups} x ${x.ranks}`, (x.modelNs / 1e6).toFixed(2), (x.simulatedNs / 1e6).toFixed(2)]),
          ),
        );
        io.stdout.write(`step ${(fabric.modelStepNs / 1e9).toFixed(3)} s by the model, ${(fabric.simulatedStepNs / 1e9).toFixed(3)} s with the fabric; completion ${hours(fabric.simulatedCompletionNs)}\n`);
      }
      io.stdout.write(`\n${c === undefined || !placed ? 'no plan' : `run on ${c.gpus} GPUs (dp${c.dp} tp${c.tp} pp${c.pp}, ZeRO-${c.zeroStage})`}: ${reason}\n`);
    }
    return c !== undefined && placed && (fabric === undefined || fabric.meetsDeadline) ? 0 : 3;
  },
};
