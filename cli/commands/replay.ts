import { renameSync, writeFileSync } from 'node:fs';
import { badInput } from '../../core/errors.js';
import { loadSchedulerConfig, type ProfileConfig, type SchedulerConfig } from '../../scheduler/framework/profile.js';
import { loadShippedProfiles } from '../../scheduler/profiles/shipped.js';
import { readOpenbNodes, readOpenbPods } from '../../traces/openb/openb.js';
import {
  inflateByPolicy, inflateCsv, inflateRecords, pointAt, timelineByPolicy, timelineCsv, type InflateReport, type TimelineReport,
} from '../../traces/replay/openb-replay.js';
import { REPLAY_JOB_FORMATS } from '../../traces/replay/job-source.js';
import type { Command, CommandIo } from '../command.js';
import { parseIntegerOption, parseNumberOption, parseSeed } from '../options.js';
import { ProgressReporter } from '../progress.js';
import { formatTable } from '../table.js';
import { JOB_REPLAY_OPTIONS, runJobReplayCommand } from './replay-jobs.js';

const FORMATS = ['openb', ...REPLAY_JOB_FORMATS] as const;
const MODES = ['inflate', 'timeline'] as const;
const MAX_SEEDS = 1000;

/** `weft replay <pods.csv> --format openb --cluster <nodes.csv>`: the scheduler over a job trace. */
export const replayCommand: Command = {
  name: 'replay',
  summary: 'replay a job trace through the scheduler and the fabric, per policy',
  usage: '<trace> --format <format> --cluster <nodes.csv | spec.yaml> [options]',
  description:
    'Job traces (philly, helios, acme, pollux, alibaba-v2020 [a directory of the PAI tables],\n' +
    'alibaba-v2026-spot, weft): each job is mapped to a model class (traces/mapping) and gang-placed\n' +
    'on the cluster spec by each policy; it runs for its recorded work, with every step\'s gradient\n' +
    'all-reduce priced by the fabric where it was placed (NVLink, NICs, oversubscribed uplinks), so\n' +
    'the same trace takes longer on an oversubscribed fabric. Reports job completion time, queueing,\n' +
    'utilisation and fragmentation over time, preemptions; --checkpoint saves and resumes, --html\n' +
    'writes a self-contained report with charts. Inference workloads (Weft traces, or jobs a mapping\n' +
    'rule marks serve: true) become serving deployments placed beside the training jobs; their\n' +
    'requests (--inference-load) are simulated on the GPUs they got and checked against --slo: SLO\n' +
    'attainment per deployment and overall (--deployments-csv for the per-deployment table).\n\n' +
    'openb: replays the Alibaba openb pod list on the cluster of its node list, once per policy (a\n' +
    'scheduler profile). --mode inflate follows the FGD paper (Weng et al., ATC\'23): pods are drawn\n' +
    'with replacement and never finish until arrived GPU demand reaches --max-share of capacity;\n' +
    'GPU allocation ratio and fragmentation per arrived-workload step, medians over --seeds.\n' +
    '--mode timeline uses the trace\'s creation and deletion times: queueing delay and utilisation\n' +
    'over time. Prints a summary table; --csv writes the curves; --json prints every record.',
  examples: [
    {
      command: 'weft replay openb_pod_list_default.csv --format openb --cluster openb_node_list_all_node.csv',
      comment: 'FGD, best-fit and random to 130% arrived workload',
    },
    {
      command: 'weft replay pods.csv --format openb --cluster nodes.csv --policy fgd,packing --seeds 1..5 --csv curves.csv',
      comment: 'two policies, medians over five seeds, curves to a CSV file',
    },
    {
      command: 'weft replay pods.csv --format openb --cluster nodes.csv --mode timeline --json',
      comment: 'time-driven replay; queueing delay and utilisation as JSON',
    },
    {
      command: 'weft replay cluster_log.csv --format helios --cluster cluster.yaml --policy best-fit,fgd --html replay.html',
      comment: 'a Helios job trace on a cluster spec, two policies, HTML report with charts',
    },
    {
      command: 'weft replay mixed.weft --format weft --cluster cluster.yaml --inference-load qps=4 --slo ttft-p99=500ms,tpot-p99=50ms',
      comment: 'training jobs and inference services: SLO attainment at 4 req/s per replica',
    },
    {
      command: 'weft replay jobs.weft.gz --format weft --cluster cluster.yaml --checkpoint replay.ckpt',
      comment: 'a long replay that saves progress and resumes when run again',
    },
  ],
  options: {
    format: { type: 'string', placeholder: '<format>', description: `trace format (${FORMATS.join(', ')})` },
    cluster: { type: 'string', placeholder: '<file>', description: 'the cluster: an openb node list (plain or .gz), or a cluster spec YAML for job formats' },
    policy: { type: 'string', placeholder: '<names>', description: 'comma-separated profile names', defaultText: 'openb: fgd,best-fit,random; jobs: best-fit' },
    profiles: { type: 'string', placeholder: '<file>', description: 'YAML scheduler profiles to take the policies from', defaultText: 'the shipped profiles' },
    mode: { type: 'string', placeholder: '<mode>', description: MODES.join(' or '), defaultText: 'inflate' },
    seeds: { type: 'string', placeholder: '<list>', description: 'inflate: seeds, as 1,2,3 or 1..5 (medians reported)', defaultText: 'the --seed' },
    'max-share': { type: 'string', placeholder: '<x>', description: 'inflate: stop at this arrived GPU demand / capacity', defaultText: '1.3' },
    step: { type: 'string', placeholder: '<x>', description: 'inflate: record a point every this much arrived share', defaultText: '0.05' },
    'sample-every': { type: 'string', placeholder: '<s>', description: 'timeline and jobs: seconds between utilisation samples', defaultText: 'timeline 3600, jobs 600' },
    csv: { type: 'string', placeholder: '<file>', description: 'write the curves as CSV to this file (- for stdout, instead of the table)' },
    ...JOB_REPLAY_OPTIONS,
  },
  async run(context) {
    const { options, positionals, io, json } = context;
    const [podsPath, ...extra] = positionals;
    if (podsPath === undefined) throw badInput('missing trace file', { field: 'trace', expected: `weft replay ${replayCommand.usage}` });
    if (extra.length > 0) throw badInput('unexpected argument', { field: 'arguments', value: extra[0], expected: 'one trace file' });
    const format = oneOf('--format', options.format, FORMATS, undefined);
    if (format !== 'openb') {
      const profiles = selectProfiles(options.profiles, typeof options.policy === 'string' ? options.policy : 'best-fit');
      return runJobReplayCommand(context, format, podsPath, profiles, parseSeed(options.seed));
    }
    const mode = oneOf('--mode', options.mode, MODES, 'inflate');
    if (typeof options.cluster !== 'string') throw badInput('missing cluster', { field: '--cluster', expected: `an ${format} node list (.csv or .csv.gz)` });
    const profiles = selectProfiles(options.profiles, options.policy);
    const seed = parseSeed(options.seed);
    const csv = typeof options.csv === 'string' ? options.csv : undefined;
    const inflateArgs = mode === 'inflate' ? {
      seeds: options.seeds === undefined ? [seed] : parseSeeds(options.seeds),
      maxArrivedShare: options['max-share'] === undefined ? 1.3 : parseNumberOption('--max-share', options['max-share'], { min: 0, max: 10, exclusiveMin: true }),
      step: options.step === undefined ? 0.05 : parseNumberOption('--step', options.step, { min: 0.001, max: 10 }),
    } : undefined;
    const sampleEveryNs = (options['sample-every'] === undefined ? 3600 : parseNumberOption('--sample-every', options['sample-every'], { min: 1, max: 1e9 })) * 1e9;
    if (inflateArgs !== undefined && inflateArgs.step > inflateArgs.maxArrivedShare) {
      throw badInput('step larger than the target share', { field: '--step', value: inflateArgs.step, expected: `at most --max-share ${inflateArgs.maxArrivedShare}` });
    }

    const nodes = await readOpenbNodes(options.cluster);
    const pods = await readOpenbPods(podsPath);
    if (!pods.some((p) => p.spec.gpuCount > 0)) throw badInput('the trace has no GPU pods', { file: podsPath, expected: 'at least one pod with num_gpu > 0' });
    const progress = new ProgressReporter(io.stderr, 'replaying', { unit: 'runs' });
    if (inflateArgs !== undefined) {
      const report = inflateByPolicy({
        nodes, pods: pods.map((p) => p.spec), profiles, ...inflateArgs,
        onRun: (done, total, policy, runSeed) => {
          progress.update(done, total, `${policy} seed ${runSeed}`);
        },
      });
      progress.done();
      return emit(io, json, csv, { ...reportHead(report), records: inflateRecords(report) }, inflateCsv(report), () => inflateTable(report));
    }
    const report = timelineByPolicy({
      nodes, pods, profiles, seed, sampleEveryNs,
      onRun: (done, total, policy) => {
        progress.update(done, total, policy);
      },
    });
    progress.done();
    return emit(io, json, csv, report, timelineCsv(report), () => timelineTable(report));
  },
};

function reportHead(report: InflateReport): Omit<InflateReport, 'policies'> {
  const { policies: _policies, ...head } = report;
  return head;
}

/** Writes JSON, the CSV (file or stdout) and the table, as the flags ask. */
function emit(io: CommandIo, json: boolean, csv: string | undefined, document: unknown, csvText: string, table: () => string): number {
  if (csv !== undefined && csv !== '-') {
    // Written whole or not at all: a temporary file renamed over the target.
    const temporary = `${csv}.${process.pid}.tmp`;
    writeFileSync(temporary, csvText);
    renameSync(temporary, csv);
  }
  if (json) io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  else if (csv === '-') io.stdout.write(csvText);
  else io.stdout.write(table());
  return 0;
}

function inflateTable(report: InflateReport): string {
  const percent = (x: number | undefined): string => (x === undefined ? '-' : (100 * x).toFixed(1));
  const rows = report.policies.map((c) => {
    const full = pointAt(c.points, 1);
    const last = c.points.at(-1);
    return [c.policy, percent(full?.allocationRatio), percent(full?.fragmentationRatio), String(full?.failedPods ?? '-'),
      percent(last?.allocationRatio), percent(last?.fragmentationRatio), String(last?.failedPods ?? '-')];
  });
  const top = `${Math.round(100 * report.maxArrivedShare)}%`;
  return (
    `openb inflation: ${report.nodes} nodes, ${report.gpus} GPUs, ${report.population} pods drawn with replacement, ` +
    `seeds ${report.seeds.join(',')} (medians)\n\n` +
    formatTable(['policy', 'alloc% @100%', 'frag% @100%', 'failed @100%', `alloc% @${top}`, `frag% @${top}`, `failed @${top}`], rows)
  );
}

function timelineTable(report: TimelineReport): string {
  const rows = report.policies.map((p) => [
    p.policy, String(p.started), String(p.neverScheduled),
    p.queueingDelaySec.mean.toFixed(1), p.queueingDelaySec.p50.toFixed(1), p.queueingDelaySec.p99.toFixed(1), p.queueingDelaySec.max.toFixed(1),
    (100 * p.allocation.mean).toFixed(1), (100 * p.allocation.peak).toFixed(1),
  ]);
  return (
    `openb timeline: ${report.nodes} nodes, ${report.gpus} GPUs, utilisation sampled every ${report.sampleEveryNs / 1e9} s\n\n` +
    formatTable(['policy', 'started', 'never', 'wait mean s', 'wait p50 s', 'wait p99 s', 'wait max s', 'alloc% mean', 'alloc% peak'], rows)
  );
}

function oneOf<T extends string>(flag: string, value: string | boolean | undefined, allowed: readonly T[], fallback: T | undefined): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw badInput(value === undefined ? `missing ${flag}` : `unknown ${flag.slice(2)}`, { field: flag, value, expected: `one of: ${allowed.join(', ')}` });
}

/** The named profiles, in the order named, from `--profiles` or the shipped file. */
function selectProfiles(file: string | boolean | undefined, names: string | boolean | undefined): ProfileConfig[] {
  const config: SchedulerConfig = typeof file === 'string' ? loadSchedulerConfig(file) : loadShippedProfiles();
  const wanted = typeof names === 'string' ? names.split(',').map((n) => n.trim()) : ['fgd', 'best-fit', 'random'];
  return wanted.map((name) => {
    const profile = config.profiles.find((p) => p.name === name);
    if (profile === undefined) throw badInput('unknown policy', { field: '--policy', value: name, expected: `one of: ${config.profiles.map((p) => p.name).join(', ')}` });
    return profile;
  });
}

/** `1,2,3` or `1..5`: distinct non-negative integers. */
function parseSeeds(value: string | boolean): number[] {
  const text = typeof value === 'string' ? value.trim() : '';
  const range = /^(\d+)\.\.(\d+)$/.exec(text);
  const first = Number(range?.[1]);
  const count = Number(range?.[2]) - first + 1;
  const seeds = range === null
    ? text.split(',').map((s) => parseIntegerOption('--seeds', s, { min: 0 }))
    : count >= 1 && count <= MAX_SEEDS ? Array.from({ length: count }, (_, i) => first + i) : [];
  if (seeds.length === 0 || seeds.length > MAX_SEEDS || new Set(seeds).size !== seeds.length) {
    throw badInput('invalid seeds', { field: '--seeds', value, expected: `1 to ${MAX_SEEDS} distinct seeds, as 1,2,3 or 1..5` });
  }
  return seeds;
}
