import { z } from 'zod';
import { loadConfigFile } from '../../core/config.js';
import { badInput } from '../../core/errors.js';
import { ClusterSpecSchema, loadClusterSpecFile, type ClusterSpec } from '../../fabric-sim/cluster/spec.js';
import { DEFAULT_DAY_POLICIES, prepareClusterDay, runClusterDay } from '../../scheduler/day/cluster-day.js';
import { DAY_POLICY_NAMES, type DayPolicy } from '../../scheduler/day/deployment-day.js';
import { summarizeDay } from '../../scheduler/day/day-report.js';
import { DEFAULT_FINE_TUNE, defaultDeployments, RAIL_CLUSTER } from '../../scheduler/day/default-day.js';
import { loadSampleLengths } from '../../scheduler/day/sample-lengths.js';
import type { Command } from '../command.js';
import { parseNumberOption, parseSeed } from '../options.js';
import { ProgressReporter } from '../progress.js';
import { renderDayReport } from './demo-report.js';
import { runDayDashboard } from './demo-ui.js';

/** `--policies static-peak,elastic` or `all`. */
function parsePolicies(value: string | boolean): readonly DayPolicy[] {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === 'all') return DAY_POLICY_NAMES;
  const names = text.split(',').map((p) => p.trim());
  const known = new Set<string>(DAY_POLICY_NAMES);
  const bad = names.find((p) => !known.has(p));
  if (text === '' || bad !== undefined) {
    throw badInput('unknown policy', { field: '--policies', value: bad ?? value, expected: `a comma-separated list of ${DAY_POLICY_NAMES.join(', ')}, or all` });
  }
  return [...new Set(names)] as DayPolicy[];
}

/** Demo parameters as a config file gives them (the flags' names; flags override the file). */
const DemoConfig = z
  .object({
    minutes: z.number().gt(0).max(1440).optional(),
    scale: z.number().gt(0).max(100).optional(),
    seed: z.number().int().min(0).optional(),
    /** A cluster spec file path, or the spec inline. */
    cluster: z.union([z.string().min(1), ClusterSpecSchema]).optional(),
  })
  .strict();

/**
 * `weft demo`: one day on the built-in cluster, end to end. Two models are sized by the one-click
 * planner and placed by the scheduler; a day of requests (a day-shaped rate over request lengths
 * resampled from the Azure LLM traces) runs through the serving simulation under static peak,
 * static average and elastic provisioning with lending; an elastic LoRA job runs on the free and
 * lent GPUs; the job's gradient all-reduce runs through the packet-level fabric.
 */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'one day on the built-in 16 x 8 H100 cluster: plan, place, serve, lend, fine-tune, fabric',
  usage: '[options]',
  description:
    'The end-to-end showcase on the built-in cluster (16 servers x 8 H100, rail-optimized fabric of\n' +
    'weft-ai switches). A chat assistant (Llama-3-70B) and a code assistant (Llama-3-8B) are sized by\n' +
    'the one-click planner for their daily peak and placed by the scheduler. A day of requests, a\n' +
    'day-shaped rate over lengths resampled from the Azure LLM traces, runs through the serving\n' +
    'simulation three ways: static peak, static average, and elastic (SLO-driven autoscaling that\n' +
    'lends idle GPUs to a LoRA fine-tuning job and reclaims them when load returns). The report shows\n' +
    'SLO attainment per deployment and policy, GPU use, the job\'s progress, and the fabric hot spots\n' +
    'of its gradient all-reduce at packet level. The day is compressed (--minutes); model loads,\n' +
    'cooldowns and the reclaim grace keep their real lengths.',
  examples: [
    { command: 'weft demo', comment: 'the day on the built-in cluster (about half a minute)' },
    { command: 'weft demo --minutes 5 --scale 0.5', comment: 'a shorter day at half the load' },
    { command: 'weft demo --json --seed 7', comment: 'the figures as JSON, another seed' },
    { command: 'weft demo --cluster my-cluster.yaml', comment: 'the same day on your cluster spec' },
    { command: 'weft demo --policies all', comment: 'also elastic without lending and the Knative-style autoscaler' },
    { command: 'weft demo --ui', comment: 'watch the elastic day live in the terminal dashboard' },
    { command: 'weft demo --config demo.yaml', comment: 'parameters from a file (minutes, scale, seed, cluster)' },
  ],
  options: {
    minutes: { type: 'string', placeholder: '<m>', description: 'simulated minutes the day is compressed into', defaultText: '10' },
    scale: { type: 'string', placeholder: '<x>', description: 'multiplies both deployments\' request rates', defaultText: '1' },
    cluster: { type: 'string', placeholder: '<file>', description: 'cluster spec (YAML or JSON) instead of the built-in cluster' },
    policies: { type: 'string', placeholder: '<list>', description: `policies to compare, comma-separated, or all (${DAY_POLICY_NAMES.join(', ')})`, defaultText: DEFAULT_DAY_POLICIES.join(',') },
    config: { type: 'string', placeholder: '<file>', description: 'YAML or JSON file with minutes, scale, seed, cluster; flags override it' },
    ui: { type: 'boolean', description: 'watch the elastic day live on the dashboard (GPU grid with lent GPUs, SLO sparklines, lends and reclaims) instead of the report' },
    speed: { type: 'string', placeholder: '<x>', description: '--ui: simulated seconds per wall second', defaultText: '10' },
  },
  async run({ options, io, json }) {
    const config = typeof options.config === 'string' ? loadConfigFile(options.config, DemoConfig) : {};
    const minutes = options.minutes === undefined ? (config.minutes ?? 10) : parseNumberOption('--minutes', options.minutes, { min: 0, exclusiveMin: true, max: 1440 });
    const scale = options.scale === undefined ? (config.scale ?? 1) : parseNumberOption('--scale', options.scale, { min: 0, exclusiveMin: true, max: 100 });
    const seed = options.seed === undefined ? (config.seed ?? 1) : parseSeed(options.seed);
    let cluster: ClusterSpec = RAIL_CLUSTER;
    if (typeof options.cluster === 'string') cluster = loadClusterSpecFile(options.cluster);
    else if (typeof config.cluster === 'string') cluster = loadClusterSpecFile(config.cluster);
    else if (config.cluster !== undefined) cluster = config.cluster;
    const policies = options.policies === undefined ? DEFAULT_DAY_POLICIES : parsePolicies(options.policies);
    if (options.cluster === true) throw badInput('missing cluster file', { field: '--cluster', expected: 'a path to a cluster spec' });

    const chat = await loadSampleLengths('azure2023/AzureLLMInferenceTrace_conv.csv.gz', 'Azure LLM conversation 2023');
    const code = await loadSampleLengths('azure2023/AzureLLMInferenceTrace_code.csv.gz', 'Azure LLM code 2023');
    if (options.speed !== undefined && options.ui !== true) throw badInput('--speed paces the live view', { field: '--speed', value: String(options.speed), expected: '--speed together with --ui' });
    if (options.ui === true) {
      if (json) throw badInput('--ui is interactive and has no JSON output', { field: '--json', expected: 'either --ui or --json' });
      if (io.stdout.isTTY !== true) throw badInput('--ui needs a terminal', { field: 'stdout', expected: 'a TTY (run it in a terminal, not through a pipe)' });
      const speed = options.speed === undefined ? 10 : parseNumberOption('--speed', options.speed, { min: 0, exclusiveMin: true, max: 1e6 });
      const prepared = prepareClusterDay({ cluster, deployments: defaultDeployments(chat, code, scale), fineTune: DEFAULT_FINE_TUNE, dayNs: minutes * 60e9, policies, seed });
      await runDayDashboard(prepared, { fps: 10, speed });
      return 0;
    }
    let reporter: ProgressReporter | undefined;
    let stage = '';
    const day = await runClusterDay(
      { cluster, deployments: defaultDeployments(chat, code, scale), fineTune: DEFAULT_FINE_TUNE, dayNs: minutes * 60e9, policies, seed },
      (next, done, total) => {
        if (next !== stage) {
          reporter?.done();
          stage = next;
          reporter = new ProgressReporter(io.stderr, next, { unit: total === undefined ? 'packet events' : 'requests', plainIntervalMs: 2000 });
        }
        reporter!.update(done, total);
      },
    );
    reporter?.done();
    const summary = summarizeDay(day);
    io.stdout.write(json ? `${JSON.stringify(summary, null, 2)}\n` : renderDayReport(summary));
    return 0;
  },
};
