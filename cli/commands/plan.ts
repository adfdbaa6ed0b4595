import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseConfigText } from '../../core/config.js';
import { badInput } from '../../core/errors.js';
import { loadSchedulerConfig, type ProfileConfig } from '../../scheduler/framework/profile.js';
import { loadShippedProfiles } from '../../scheduler/profiles/shipped.js';
import { loadModelClassMapper } from '../../traces/mapping/load-mapping.js';
import { designCostPerHourUsd } from '../../traces/plan/evaluate-point.js';
import { planInferenceOptions } from '../../traces/plan/inference-options.js';
import { judge, recommend, type JudgedPoint } from '../../traces/plan/recommend.js';
import type { PointResult } from '../../traces/plan/evaluate-point.js';
import type { KubePlanInput } from '../../traces/plan/kube-manifests.js';
import { runSweep } from '../../traces/plan/run-sweep.js';
import { designPoints, loadSweepSpec, parseInlineSweep, SweepSpecSchema, type SweepSpec } from '../../traces/plan/sweep-spec.js';
import { renderPlanHtml } from '../../traces/report/plan-html.js';
import { loadJobTrace, REPLAY_JOB_FORMATS, type ReplayJobFormat } from '../../traces/replay/job-source.js';
import type { Command } from '../command.js';
import { checkKubeFlags, KUBE_PLAN_OPTIONS, planOnKubernetes, planWorker } from './plan-kube.js';
import { parseIntegerOption, parseNumberOption, parseSeed } from '../options.js';
import { ProgressReporter } from '../progress.js';
import { formatTable } from '../table.js';

/** What `weft plan --json` prints. */
export interface PlanDocument {
  readonly trace: string;
  readonly format: string;
  readonly seed: number;
  readonly targets: SweepSpec['targets'];
  readonly recommended: string | null;
  readonly points: readonly JudgedPoint[];
}

const CSV_COLUMNS = [
  'design', 'gpus', 'gpuType', 'oversubscription', 'policy', 'costPerHourUsd', 'jctMeanS', 'jctP50S', 'jctP99S', 'multiServerJctMeanS',
  'queueMeanS', 'queueP99S', 'utilisationMean', 'fragmentationMean', 'preemptions', 'finished', 'unfinished', 'makespanS', 'inferenceAttainment', 'meetsTargets', 'onFront',
] as const;

/** `weft plan --trace <t> --format <f> --sweep <spec>`: replays a trace on every cluster design of a sweep. */
export const planCommand: Command = {
  name: 'plan',
  summary: 'capacity planning: replay a job trace on a sweep of cluster designs, recommend the cheapest that meets the targets',
  usage: '--trace <trace> --format <format> --sweep <sweep.yaml | key=values> [options]',
  description:
    'Replays a job trace (any `weft replay` job format) on every cluster design of a sweep: GPU\n' +
    'count x GPU type x leaf oversubscription x scheduling policy, on a leaf-spine base. Designs run\n' +
    'in parallel on worker threads; results come back in the sweep\'s order, so the output does not\n' +
    'depend on the thread count. Each design is costed (GPU-hours at catalog or given prices plus\n' +
    'leaf-spine uplinks) and judged against the targets; the cheapest design that meets them is\n' +
    'recommended and the Pareto front of cost against p99 JCT is marked.\n\n' +
    'The sweep is a YAML file (base, sweep, targets, pricing; see traces/plan/sweep-spec.ts) or inline:\n' +
    '  gpus=64..256:64,gpuType=[h100,a100],oversub=[1,2,4],policy=[best-fit,fgd]\n' +
    'Exit 3 when no design meets the targets.\n\n' +
    '--on-kubernetes runs the sweep as a Kubernetes Indexed Job instead: one design point per\n' +
    'completion index, each pod running `weft plan --worker` (the same evaluation as the local\n' +
    'sweep), which writes its result to the ConfigMap <job>-<index>, owned by the Job. The sweep\n' +
    'goes in the ConfigMap <job>-spec; the trace is referenced by path (--pod-trace), so it must be\n' +
    'in the image or on a volume. The command waits (--timeout), gathers the results in index order\n' +
    'and prints the same report as a local sweep. --dry-run prints the manifests. An unreachable\n' +
    'server or missing RBAC is exit 2; a failed Job is exit 1 with the failing index\'s reason.',
  examples: [
    { command: 'weft plan --trace cluster_log.csv --format helios --sweep sweep.yaml --html plan.html', comment: 'the sweep of a YAML file, with an HTML report' },
    { command: "weft plan --trace workload-6.csv --format pollux --sweep 'gpus=64..128:32,oversub=[1,4]' --target-jct-p99 3600", comment: 'an inline sweep with a p99 JCT target' },
    { command: 'weft plan --trace jobs.weft --format weft --sweep sweep.yaml --csv plan.csv --threads 4', comment: 'every design as CSV, four worker threads' },
    { command: 'weft plan --trace /data/jobs.weft --format weft --sweep sweep.yaml --on-kubernetes --namespace plans --parallelism 8', comment: 'one pod per design point, eight at a time, on the current cluster' },
    { command: 'weft plan --trace jobs.weft --format weft --sweep sweep.yaml --on-kubernetes --dry-run', comment: 'print the Job and its ConfigMap as YAML' },
  ],
  options: {
    trace: { type: 'string', placeholder: '<file>', description: 'the job trace (a directory for alibaba-v2020)' },
    format: { type: 'string', placeholder: '<format>', description: `trace format (${REPLAY_JOB_FORMATS.join(', ')})` },
    sweep: { type: 'string', placeholder: '<spec>', description: 'the sweep: a YAML file, or key=value pairs (gpus, gpuType, oversub, policy)' },
    'target-jct-mean': { type: 'string', placeholder: '<s>', description: 'target mean JCT, s (overrides the sweep file)' },
    'target-jct-p99': { type: 'string', placeholder: '<s>', description: 'target p99 JCT, s (overrides the sweep file)' },
    'target-queue-p99': { type: 'string', placeholder: '<s>', description: 'target p99 queueing delay, s (overrides the sweep file)' },
    threads: { type: 'string', placeholder: '<n>', description: 'worker threads (0: run in the main thread)', defaultText: 'the machine\'s cores' },
    profiles: { type: 'string', placeholder: '<file>', description: 'YAML scheduler profiles the policies name', defaultText: 'the shipped profiles' },
    mapping: { type: 'string', placeholder: '<file>', description: 'YAML model-class mapping over the built-in one' },
    'reference-gpu': { type: 'string', placeholder: '<gpu>', description: 'GPU the recorded run times are taken to be on', defaultText: 'a100-80g-sxm' },
    csv: { type: 'string', placeholder: '<file>', description: 'write every design as CSV to this file (- for stdout, instead of the table)' },
    html: { type: 'string', placeholder: '<file>', description: 'write a self-contained HTML report (cost against p99 JCT, Pareto front)' },
    ...KUBE_PLAN_OPTIONS,
  },
  async run(ctx) {
    const { options, positionals, io, json } = ctx;
    checkKubeFlags(options);
    if (options.worker === true) return planWorker(ctx);
    if (positionals.length > 0) throw badInput('unexpected argument', { field: 'arguments', value: positionals[0], expected: 'options only (--trace, --format, --sweep)' });
    if (typeof options.trace !== 'string') throw badInput('missing trace', { field: '--trace', expected: 'a job trace file' });
    const format = options.format;
    if (typeof format !== 'string' || !(REPLAY_JOB_FORMATS as readonly string[]).includes(format)) {
      throw badInput(format === undefined ? 'missing --format' : 'unknown format', { field: '--format', value: format, expected: `one of: ${REPLAY_JOB_FORMATS.join(', ')}` });
    }
    if (typeof options.sweep !== 'string') throw badInput('missing sweep', { field: '--sweep', expected: 'a sweep YAML file or key=value pairs' });
    const spec = withTargets(parseSweep(options.sweep), options);
    const points = designPoints(spec);
    const config = typeof options.profiles === 'string' ? loadSchedulerConfig(options.profiles) : loadShippedProfiles();
    const profiles: Record<string, ProfileConfig> = {};
    for (const name of spec.sweep.policy) {
      const profile = config.profiles.find((p) => p.name === name);
      if (profile === undefined) throw badInput('unknown policy', { field: 'sweep.policy', value: name, expected: `one of: ${config.profiles.map((p) => p.name).join(', ')}` });
      profiles[name] = profile;
    }
    for (const point of points) designCostPerHourUsd(spec, point); // unknown GPU types fail here, before any thread starts
    const mappingFile = typeof options.mapping === 'string' ? options.mapping : undefined;
    const mapper = mappingFile === undefined ? undefined : loadModelClassMapper(mappingFile);
    const seed = parseSeed(options.seed);
    const referenceGpu = typeof options['reference-gpu'] === 'string' ? options['reference-gpu'] : undefined;
    let results: PointResult[];
    if (options['on-kubernetes'] === true) {
      if (options.threads !== undefined) throw badInput('conflicting flags', { field: '--threads', value: options.threads, expected: 'no --threads with --on-kubernetes (use --parallelism)' });
      const podTrace = options['pod-trace'];
      const input: KubePlanInput = {
        format, trace: typeof podTrace === 'string' ? podTrace : options.trace, spec, profiles, seed,
        ...(mappingFile === undefined ? {} : { mappingFile }),
        ...(referenceGpu === undefined ? {} : { referenceGpu }),
      };
      const gathered = await planOnKubernetes(ctx, input, points.length);
      if (gathered === undefined) return 0;
      results = gathered;
    } else {
      const threads = options.threads === undefined ? Math.min(availableParallelism(), points.length) : parseIntegerOption('--threads', options.threads, { min: 0, max: 256 });
      const trace = await loadJobTrace(format as ReplayJobFormat, options.trace, mapper === undefined ? {} : { mapper });
      const inference = await planInferenceOptions(spec, trace);
      io.stderr.write(`${trace.readSummary}\n${points.length} designs on ${threads} thread(s)\n`);
      const progress = new ProgressReporter(io.stderr, 'planning', { unit: 'designs' });
      results = await runSweep(
        { spec, points, trace, profiles, seed, ...(mappingFile === undefined ? {} : { mappingFile }), ...(referenceGpu === undefined ? {} : { referenceGpu }), ...(inference === undefined ? {} : { inference }) },
        threads,
        (done, total, design) => {
          progress.update(done, total, design);
        },
      );
      progress.done();
    }
    const judged = judge(spec, results);
    const best = recommend(judged);
    const document: PlanDocument = { trace: options.trace, format, seed, targets: spec.targets, recommended: best?.design ?? null, points: judged };
    const csvText = `${[CSV_COLUMNS.join(','), ...judged.map((p) => CSV_COLUMNS.map((c) => String(p[c])).join(','))].join('\n')}\n`;
    const csv = typeof options.csv === 'string' ? options.csv : undefined;
    if (csv !== undefined && csv !== '-') writeWhole(csv, csvText);
    if (typeof options.html === 'string') writeWhole(options.html, renderPlanHtml({ trace: options.trace, targets: spec.targets, recommended: best?.design, points: judged }));
    if (json) io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    else if (csv === '-') io.stdout.write(csvText);
    else io.stdout.write(planTable(document));
    return best === undefined ? 3 : 0;
  },
};

function parseSweep(value: string): SweepSpec {
  if (existsSync(value)) return loadSweepSpec(value);
  if (!value.includes('=')) throw badInput('sweep file not found', { field: '--sweep', value, expected: 'a sweep YAML file or key=value pairs' });
  return parseConfigText(JSON.stringify(parseInlineSweep(value)), SweepSpecSchema, { file: '--sweep' });
}

function withTargets(spec: SweepSpec, options: Record<string, string | boolean | undefined>): SweepSpec {
  const targets = { ...spec.targets };
  const flags = [['target-jct-mean', 'jctMeanS'], ['target-jct-p99', 'jctP99S'], ['target-queue-p99', 'queueP99S']] as const;
  for (const [flag, key] of flags) {
    const value = options[flag];
    if (value !== undefined) targets[key] = parseNumberOption(`--${flag}`, value, { min: 0, exclusiveMin: true, max: 1e9 });
  }
  return { ...spec, targets };
}

function writeWhole(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

function planTable(document: PlanDocument): string {
  const inference = document.points.some((p) => p.inferenceAttainment !== null);
  const rows = document.points.map((p) => [
    `${p.design}${p.design === document.recommended ? ' *' : ''}`, p.costPerHourUsd.toFixed(2), p.jctMeanS.toFixed(0), p.jctP99S.toFixed(0), p.multiServerJctMeanS.toFixed(0),
    p.queueP99S.toFixed(0), (100 * p.utilisationMean).toFixed(1), String(p.unfinished),
    ...(inference ? [p.inferenceAttainment === null ? '-' : (100 * p.inferenceAttainment).toFixed(1)] : []),
    p.meetsTargets ? 'yes' : 'no', p.onFront ? 'yes' : '',
  ]);
  const targets = Object.entries(document.targets).map(([k, v]) => `${k} ${String(v)}`);
  return (
    `capacity plan for ${document.trace} (${document.format}), targets: ${targets.length > 0 ? targets.join(', ') : 'every job finishes'}\n\n` +
    formatTable(['design', 'USD/h', 'JCT mean s', 'JCT p99 s', 'multi-srv JCT s', 'queue p99 s', 'util%', 'unfinished', ...(inference ? ['SLO attain%'] : []), 'meets', 'Pareto'], rows) +
    (document.recommended === null ? '\nno design meets the targets\n' : `\nrecommended (*): ${document.recommended}, the cheapest design that meets the targets\n`)
  );
}
