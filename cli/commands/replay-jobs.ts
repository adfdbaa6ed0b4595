import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { badInput } from '../../core/errors.js';
import { loadClusterSpecFile } from '../../fabric-sim/cluster/spec.js';
import type { ProfileConfig } from '../../scheduler/framework/profile.js';
import { formatSlo, parseSlo } from '../../scheduler/planner/slo.js';
import { loadModelClassMapper } from '../../traces/mapping/load-mapping.js';
import { ModelClassMapper } from '../../traces/mapping/model-class-rules.js';
import { renderReplayHtml } from '../../traces/report/replay-html.js';
import type { JobReplayReport } from '../../traces/replay/job-report.js';
import { deploymentsCsv, samplesCsv } from '../../traces/replay/job-report.js';
import { loadJobTrace, type ReplayJobFormat } from '../../traces/replay/job-source.js';
import { replayJobTrace } from '../../traces/replay/job-trace-replay.js';
import { fingerprintOf } from '../../traces/replay/run-job-replay.js';
import { defaultRequestLengths } from '../../traces/replay/serving-load.js';
import { DEFAULT_SLO, DEFAULT_WINDOW_REQUESTS, type InferenceReplayOptions } from '../../traces/replay/serving-slo.js';
import type { CommandContext } from '../command.js';
import { parseLoad } from './deploy-load.js';
import { parseIntegerOption, parseNumberOption } from '../options.js';
import { ProgressReporter } from '../progress.js';
import { formatTable } from '../table.js';

/** What `weft replay --format <job format>` prints with --json. */
export interface JobReplayDocument {
  readonly trace: string;
  readonly format: string;
  readonly readSummary: string;
  readonly reports: readonly JobReplayReport[];
}

/** Options of `weft replay` that only the job formats read. */
export const JOB_REPLAY_OPTIONS = {
  checkpoint: { type: 'string', placeholder: '<file>', description: 'jobs: save progress to this file and resume from it when it exists (one policy)' },
  'checkpoint-every': { type: 'string', placeholder: '<s>', description: 'jobs: wall-clock seconds between checkpoint saves', defaultText: '60' },
  'stop-after-events': { type: 'string', placeholder: '<n>', description: 'jobs: save a checkpoint and stop after about this many events (resume by running again)' },
  mapping: { type: 'string', placeholder: '<file>', description: 'jobs: YAML model-class mapping over the built-in one (traces/mapping/README.md)' },
  'reference-gpu': { type: 'string', placeholder: '<gpu>', description: 'jobs: GPU the recorded run times are taken to be on', defaultText: 'a100-80g-sxm' },
  'skip-malformed': { type: 'boolean', description: 'jobs: count malformed rows and go on instead of stopping at the first' },
  html: { type: 'string', placeholder: '<file>', description: 'jobs: write a self-contained HTML report (charts) to this file' },
  'inference-load': {
    type: 'string', placeholder: '<qps=N|trace>',
    description: 'jobs: requests per second per replica of the inference workloads, or an Azure LLM .csv / Mooncake .jsonl whose rate (per replica) and lengths are used',
    defaultText: 'half a replica\'s SLO capacity on the reference GPU, Azure conversation lengths',
  },
  slo: { type: 'string', placeholder: '<targets>', description: 'jobs: p99 targets of inference workloads whose trace row gives none (as weft deploy --slo)', defaultText: formatSlo(DEFAULT_SLO) },
  'inference-window': { type: 'string', placeholder: '<n>', description: 'jobs: requests simulated per serving configuration (traces/README.md)', defaultText: String(DEFAULT_WINDOW_REQUESTS) },
  'deployments-csv': { type: 'string', placeholder: '<file>', description: 'jobs: write per-deployment SLO attainment as CSV to this file (- for stdout)' },
} as const;

/**
 * The request load and targets of the serving deployments, when the trace has inference
 * workloads (undefined otherwise: nothing is read).
 */
async function inferenceOptions(options: CommandContext['options'], hasInference: boolean): Promise<InferenceReplayOptions | undefined> {
  const slo = typeof options.slo === 'string' ? parseSlo(options.slo) : DEFAULT_SLO;
  const window = options['inference-window'] === undefined ? DEFAULT_WINDOW_REQUESTS : parseIntegerOption('--inference-window', options['inference-window'], { min: 10, max: 1_000_000 });
  const text = typeof options['inference-load'] === 'string' ? options['inference-load'] : undefined;
  if (!hasInference) return undefined;
  const common = { slo, windowRequests: window };
  if (text === undefined) return { ...common, lengths: await defaultRequestLengths(), loadDescription: `default: ${0.5 * 100}% of a replica's SLO capacity on the reference GPU, Azure LLM conversation lengths` };
  const qps = /^qps=(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (qps !== null) {
    const rate = Number(qps[1]);
    if (!(rate > 0)) throw badInput('request rate must be positive', { field: '--inference-load', value: text, expected: 'qps=<requests per second per replica> with a rate > 0' });
    return { ...common, lengths: await defaultRequestLengths(), ratePerReplica: rate, loadDescription: `${rate} req/s per replica, Azure LLM conversation lengths` };
  }
  const { load, source } = await parseLoad(text, '--inference-load');
  return { ...common, lengths: load, ratePerReplica: load.requestsPerSec, loadDescription: `per replica: ${source}` };
}

/** `weft replay <trace> --format <job format> --cluster <spec.yaml>`: the job replay, once per policy. */
export async function runJobReplayCommand(ctx: CommandContext, format: ReplayJobFormat, tracePath: string, profiles: readonly ProfileConfig[], seed: number): Promise<number> {
  const { options, io, json } = ctx;
  if (typeof options.cluster !== 'string') throw badInput('missing cluster', { field: '--cluster', expected: 'a cluster spec (YAML, as weft fabric reads)' });
  const clusterPath = options.cluster;
  const cluster = loadClusterSpecFile(clusterPath);
  const mapperFile = typeof options.mapping === 'string' ? options.mapping : undefined;
  const mapper = mapperFile === undefined ? new ModelClassMapper() : loadModelClassMapper(mapperFile);
  const sampleEveryNs = (options['sample-every'] === undefined ? 600 : parseNumberOption('--sample-every', options['sample-every'], { min: 1, max: 1e9 })) * 1e9;
  const referenceGpu = typeof options['reference-gpu'] === 'string' ? options['reference-gpu'] : undefined;
  const checkpointPath = typeof options.checkpoint === 'string' ? options.checkpoint : undefined;
  if (checkpointPath !== undefined && profiles.length !== 1) {
    throw badInput('a checkpoint holds one replay', { field: '--policy', value: profiles.map((p) => p.name).join(','), expected: 'one policy with --checkpoint' });
  }
  const stopAfter = options['stop-after-events'] === undefined ? undefined : parseIntegerOption('--stop-after-events', options['stop-after-events'], { min: 1 });
  if (stopAfter !== undefined && checkpointPath === undefined) throw badInput('--stop-after-events needs --checkpoint', { field: '--stop-after-events', value: stopAfter, expected: 'a --checkpoint file to save to' });
  const everyMs = (options['checkpoint-every'] === undefined ? 60 : parseNumberOption('--checkpoint-every', options['checkpoint-every'], { min: 0, max: 1e7 })) * 1000;
  const trace = await loadJobTrace(format, tracePath, { policy: options['skip-malformed'] === true ? 'skip' : 'error', mapper });
  io.stderr.write(`${trace.readSummary}\n`);
  const inference = await inferenceOptions(options, trace.arrivals.some((a) => a.spec.kind === 'inference'));

  const reports: JobReplayReport[] = [];
  for (const profile of profiles) {
    const progress = new ProgressReporter(io.stderr, `replaying (${profile.name})`, { unit: 'jobs' });
    const fingerprint = fingerprintOf({
      format, trace: tracePath, size: statSync(tracePath).size, mtimeMs: statSync(tracePath).mtimeMs, cluster, profile, seed, sampleEveryNs, referenceGpu: referenceGpu ?? null,
      mapping: mapperFile === undefined ? null : readFileSync(mapperFile, 'utf8'),
      inference: inference === undefined ? null : { load: options['inference-load'] ?? null, slo: formatSlo(inference.slo ?? DEFAULT_SLO), window: inference.windowRequests ?? null },
    });
    const result = replayJobTrace({
      trace, cluster, profile, seed, sampleEveryNs, mapper,
      ...(referenceGpu === undefined ? {} : { referenceGpu }),
      ...(inference === undefined ? {} : { inference }),
      ...(checkpointPath === undefined ? {} : { checkpoint: { path: checkpointPath, everyMs, fingerprint, ...(stopAfter === undefined ? {} : { stopAfterEvents: stopAfter }) } }),
      onProgress: (done, total) => {
        progress.update(done, total);
      },
    });
    progress.done();
    if (result.resumedAt > 0) io.stderr.write(`resumed from ${checkpointPath} at job ${result.resumedAt}\n`);
    if (result.report === undefined) {
      io.stderr.write(`stopped after --stop-after-events; progress saved in ${checkpointPath}: run the same command again to resume\n`);
      return 0;
    }
    reports.push(result.report);
  }
  const document: JobReplayDocument = { trace: tracePath, format, readSummary: trace.readSummary, reports };
  const csv = typeof options.csv === 'string' ? options.csv : undefined;
  const csvText = reports.map((r, i) => (i === 0 ? samplesCsv(r) : samplesCsv(r).split('\n').slice(1).join('\n'))).join('');
  if (csv !== undefined && csv !== '-') writeWhole(csv, csvText);
  const deploymentsFile = typeof options['deployments-csv'] === 'string' ? options['deployments-csv'] : undefined;
  const deploymentsText = reports.map((r, i) => (i === 0 ? deploymentsCsv(r) : deploymentsCsv(r).split('\n').slice(1).join('\n'))).join('');
  if (deploymentsFile !== undefined && deploymentsFile !== '-') writeWhole(deploymentsFile, deploymentsText);
  if (typeof options.html === 'string') writeWhole(options.html, renderReplayHtml(document));
  if (json) io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  else if (csv === '-') io.stdout.write(csvText);
  else if (deploymentsFile === '-') io.stdout.write(deploymentsText);
  else io.stdout.write(jobTable(document));
  return 0;
}

/** Written whole or not at all: a temporary file renamed over the target. */
function writeWhole(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

function jobTable(document: JobReplayDocument): string {
  const first = document.reports[0]!;
  const c = first.cluster;
  const rows = document.reports.map((r) => [
    r.policy, String(r.jobs.finished), String(r.jobs.stillWaiting),
    r.jctS.mean.toFixed(0), r.jctS.p50.toFixed(0), r.jctS.p99.toFixed(0), r.jctMultiServerS.mean.toFixed(0),
    r.queueingS.mean.toFixed(0), r.queueingS.p99.toFixed(0),
    (100 * r.utilisation.mean).toFixed(1), (100 * r.fragmentation.mean).toFixed(1), String(r.preemptions),
  ]);
  const skipped = Object.entries(first.jobs.skipped).map(([why, n]) => `${n} ${why}`);
  const unplaceable = Object.entries(first.jobs.unplaceable).map(([why, n]) => `${n} ${why}`);
  const inference = document.reports.filter((r) => r.inference !== undefined).map((r) => {
    const i = r.inference!;
    const ms = (v: number | null): string => (v === null ? '-' : v.toFixed(0));
    return [r.policy, `${i.deployments}`, `${i.ran}`, `${i.meetingSlo}`, (100 * i.servedFraction).toFixed(1), (100 * i.requestAttainment).toFixed(1), ms(i.ttftP99Ms), ms(i.tpotP99Ms)];
  });
  const inferenceTable = inference.length === 0 ? '' :
    `\ninference workloads (serving deployments), load ${first.inference!.load}:\n` +
    formatTable(['policy', 'deployments', 'ran', 'met SLO', 'served%', 'attain%', 'TTFT p99 ms', 'TPOT p99 ms'], inference);
  return (
    `${document.format} replay of ${first.jobs.rows} jobs (${first.jobs.replayed} replayed) on ${c.name}: ${c.servers} servers, ${c.gpus} ${c.gpuType} GPUs, ` +
    `${c.nicGbps} Gb/s NICs, ${c.oversubscription}:1 leaf uplinks; run times scaled from ${first.referenceGpu}\n` +
    (skipped.length > 0 ? `not replayed: ${skipped.join('; ')}\n` : '') +
    (unplaceable.length > 0 ? `unplaceable: ${unplaceable.join('; ')}\n` : '') +
    '\n' +
    formatTable(['policy', 'finished', 'waiting', 'JCT mean s', 'JCT p50 s', 'JCT p99 s', 'multi-srv JCT s', 'queue mean s', 'queue p99 s', 'util%', 'frag%', 'preempt'], rows) +
    inferenceTable
  );
}
