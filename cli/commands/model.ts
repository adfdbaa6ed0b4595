import { badInput, WeftError } from '../../core/errors.js';
import { estimate, modelRows, type Estimate } from '../../gpu-model/index.js';
import type { Command, CommandContext } from '../command.js';
import { parseIntegerOption, parseNumberOption } from '../options.js';
import { formatTable } from '../table.js';
import { deploymentFlags, requiredFlag } from './deployment-flags.js';
import { runModelServe, SERVE_OPTIONS } from './model-serve.js';

const SUBCOMMANDS = ['estimate', 'list', 'serve'] as const;

const GIB = 2 ** 30;

/** `weft model list|estimate|serve`: the model catalog, the cost model, and the serving simulation. */
export const modelCommand: Command = {
  name: 'model',
  summary: 'model catalog, per-deployment cost estimates and request-level serving simulation',
  usage: '<list|estimate|serve> [options]',
  description:
    'list      the model catalog (shapes, derived parameter counts, sources)\n' +
    'estimate  prefill time of a batch, decode time per token, KV-cache capacity in tokens and\n' +
    '          requests, memory per GPU and whether it fits, for a model on a GPU type with\n' +
    '          tensor/pipeline/expert parallelism (gpu-model roofline, calibrated; see its README)\n' +
    'serve     replays a request trace (Azure LLM CSV or Mooncake JSONL) or a Poisson/gamma stream\n' +
    '          through replicas that batch like vLLM (chunked prefill, paged KV, prefix caching),\n' +
    '          optionally disaggregated, and reports TTFT, TPOT, ITL, e2e latency, throughput;\n' +
    '          exits 3 when --slo targets are missed.\n' +
    'A configuration that does not fit in memory exits 2 with the reason (with --json, the\n' +
    'estimate is still printed on stdout).',
  examples: [
    { command: 'weft model list', comment: 'the model catalog with parameter counts' },
    { command: 'weft model estimate --model llama-2-70b --gpu h100-sxm --tp 4 --prompt 2048 --batch 8', comment: 'prefill, decode and KV capacity of a 4-GPU replica' },
    { command: 'weft model estimate --model llama-3-70b --gpu h100-sxm --tp 2 --prompt 5000 --batch 25 --output 500 --precision fp8 --json', comment: 'an fp8 deployment as JSON' },
    { command: 'weft model serve --model qwen2.5-7b --gpu h100-sxm --replicas 2 --trace AzureLLMInferenceTrace_conv.csv --speedup 4', comment: 'replay the Azure conversation trace 4x faster on two replicas' },
    { command: 'weft model serve --model llama-3-8b --gpu h100-sxm --rate 20 --requests 2000 --prompt 1000 --output 200 --slo ttft-p99=500ms,tpot-p99=50ms', comment: 'Poisson load against latency targets (exit 3 when missed)' },
    { command: 'weft model serve --model llama-3-8b --gpu h100-sxm --disaggregate 2:2 --kv-fabric network --cluster cluster.yaml', comment: 'prefill/decode disaggregation with the KV transfers as flows on the cluster network' },
  ],
  options: {
    model: { type: 'string', placeholder: '<name>', description: 'model catalog key (weft model list)' },
    gpu: { type: 'string', placeholder: '<type>', description: 'GPU catalog key (weft gpu list)' },
    tp: { type: 'string', placeholder: '<n>', description: 'tensor-parallel degree', defaultText: '1' },
    pp: { type: 'string', placeholder: '<n>', description: 'pipeline stages', defaultText: '1' },
    ep: { type: 'string', placeholder: '<n>', description: 'expert-parallel degree (MoE; 1 or equal to --tp)', defaultText: '1' },
    prompt: { type: 'string', placeholder: '<tokens>', description: 'estimate: prompt tokens per request; serve: fixed prompt length of the synthetic stream' },
    batch: { type: 'string', placeholder: '<n>', description: 'estimate: requests prefilled and decoded together', defaultText: '1' },
    output: { type: 'string', placeholder: '<tokens>', description: 'output tokens per request', defaultText: '128' },
    precision: { type: 'string', placeholder: '<p>', description: 'weight precision: bf16, fp8 or int4 (fp8 also stores the KV cache in fp8)', defaultText: 'bf16' },
    price: { type: 'string', placeholder: '<usd>', description: 'price per GPU-hour for the cost column', defaultText: 'the catalog price' },
    ...SERVE_OPTIONS,
  },
  async run(context) {
    const [sub, ...extra] = context.positionals;
    if (sub === undefined || !(SUBCOMMANDS as readonly string[]).includes(sub)) {
      throw badInput('unknown model subcommand', { field: 'subcommand', value: sub ?? '', expected: `one of: ${SUBCOMMANDS.join(', ')}` });
    }
    if (extra.length > 0) throw badInput('unexpected argument', { field: 'arguments', value: extra[0], expected: `weft model ${sub} [options]` });
    if (sub === 'list') return listModels(context);
    if (sub === 'serve') return runModelServe(context);
    return runEstimate(context);
  },
};

function listModels({ io, json }: CommandContext): number {
  const rows = modelRows();
  if (json) {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(
    formatTable(
      ['model', 'layers', 'hidden', 'heads', 'kv heads', 'ffn', 'experts (top-k+shared)', 'params B', 'active B'],
      rows.map((m) => [
        m.name,
        String(m.layers),
        String(m.hidden),
        String(m.heads),
        m.kvHeads === null ? 'MLA' : String(m.kvHeads),
        String(m.ffn),
        m.experts === null ? '-' : `${m.experts} (${m.topK}+${m.sharedExperts})`,
        m.totalParamsB.toFixed(2),
        m.activeParamsB.toFixed(2),
      ]),
    ),
  );
  io.stdout.write('\nSources:\n');
  for (const m of rows) io.stdout.write(`  ${m.name}: ${m.source}\n`);
  return 0;
}

function runEstimate({ options, io, json }: CommandContext): number {
  const d = deploymentFlags(options);
  const e = estimate({
    ...d,
    kvCachePrecision: d.precision === 'fp8' ? 'fp8' : 'bf16',
    promptTokens: parseIntegerOption('--prompt', requiredFlag(options, 'prompt', 'prompt tokens per request'), { min: 1, max: 10_000_000 }),
    batch: options.batch === undefined ? 1 : parseIntegerOption('--batch', options.batch, { min: 1, max: 1_000_000 }),
    outputTokens: options.output === undefined ? 128 : parseIntegerOption('--output', options.output, { min: 1, max: 10_000_000 }),
    pricePerGpuHourUsd: options.price === undefined ? undefined : parseNumberOption('--price', options.price, { min: 0 }),
  });
  if (json) io.stdout.write(`${JSON.stringify(e, null, 2)}\n`);
  else io.stdout.write(renderEstimate(e));
  if (!e.fits) {
    throw new WeftError('BAD_INPUT', `does not fit: ${e.reason ?? 'not enough memory'}`, {
      field: '--gpu',
      value: `${e.gpus} x ${e.gpu}`,
      expected: 'more GPUs (--tp/--pp), a larger GPU, a lower --precision, or a smaller --batch/--prompt',
    });
  }
  return 0;
}

function renderEstimate(e: Estimate): string {
  const ms = (ns: number): string => (ns / 1e6).toFixed(2);
  const rows: [string, string][] = [
    ['GPUs per replica', String(e.gpus)],
    ['prefill of the batch (ms)', `${ms(e.prefillTimeNs)} in ${e.prefillSteps} step${e.prefillSteps === 1 ? '' : 's'}`],
    ['decode per token (ms)', ms(e.decodeTimePerTokenNs)],
    ['decode throughput (tokens/s)', e.decodeTokensPerSec.toFixed(0)],
    ['KV-cache capacity (tokens)', String(e.kvCacheTokens)],
    ['KV-cache capacity (requests)', String(e.kvCacheRequests)],
    ['weights per GPU (GiB)', (e.weightBytesPerGpu / GIB).toFixed(2)],
    ['activation workspace per GPU (GiB)', (e.workspaceBytesPerGpu / GIB).toFixed(2)],
    ['KV cache per GPU (GiB)', (e.kvCacheBytesPerGpu / GIB).toFixed(2)],
    ['usable memory per GPU (GiB)', (e.usableBytesPerGpu / GIB).toFixed(2)],
    ['fits', e.fits ? 'yes' : 'no'],
    ['USD per million output tokens', e.usdPerMillionOutputTokens.toFixed(3)],
  ];
  return `${e.model} on ${e.gpus} x ${e.gpu}\n\n${formatTable(['metric', 'value'], rows)}`;
}
