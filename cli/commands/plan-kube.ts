import { stringify } from 'yaml';
import { badInput } from '../../core/errors.js';
import type { PointResult } from '../../traces/plan/evaluate-point.js';
import { PlanKubeApi } from '../../traces/plan/kube-api.js';
import { COMPLETION_INDEX_ENV, defaultJobName, encodeResult, inputConfigMap, PLAN_JOB_ENV, PLAN_NAMESPACE_ENV, planJob, type KubePlanInput, type PlanJobOptions } from '../../traces/plan/kube-manifests.js';
import { gatherPlanResults, submitPlanJob, waitForPlanJob } from '../../traces/plan/kube-submit.js';
import { runPlanWorker } from '../../traces/plan/kube-worker.js';
import type { CommandContext, OptionSpec } from '../command.js';
import { parseIntegerOption, parseNumberOption } from '../options.js';
import { ProgressReporter } from '../progress.js';
import { loadKubeConfigFor } from '../kube-config.js';
import { packageVersion } from '../version.js';

type Options = CommandContext['options'];

/** The flags of `weft plan --on-kubernetes` and of its workers (`--worker`). */
export const KUBE_PLAN_OPTIONS: Record<string, OptionSpec> = {
  'on-kubernetes': { type: 'boolean', description: 'run the sweep as a Kubernetes Indexed Job (one design point per completion index) and gather the results' },
  namespace: { type: 'string', placeholder: '<ns>', description: 'kube: namespace of the Job and its ConfigMaps', defaultText: "the context's namespace, else default" },
  kubeconfig: { type: 'string', placeholder: '<file>', description: 'kube: kubeconfig file (default: $KUBECONFIG or ~/.kube/config; in a pod, its service account)' },
  context: { type: 'string', placeholder: '<name>', description: "kube: kubeconfig context (default: the file's current-context)" },
  image: { type: 'string', placeholder: '<image>', description: 'kube: the workers\' image (runs `weft plan --worker`)', defaultText: `ghcr.io/weft-dev/weft:${packageVersion()}` },
  parallelism: { type: 'string', placeholder: '<n>', description: 'kube: pods running at once', defaultText: 'every design point' },
  name: { type: 'string', placeholder: '<job>', description: 'kube: the Job name', defaultText: 'weft-plan-<hash of the plan input>' },
  'service-account': { type: 'string', placeholder: '<sa>', description: "kube: the workers' service account (needs get jobs, get/create/update configmaps)" },
  'pod-trace': { type: 'string', placeholder: '<path>', description: 'kube: the trace as the workers see it (in the image or a mounted volume)', defaultText: 'the --trace path' },
  timeout: { type: 'string', placeholder: '<s>', description: 'kube: how long to wait for the Job', defaultText: '3600' },
  'dry-run': { type: 'boolean', description: 'kube: print the ConfigMap and Job as YAML instead of submitting them' },
  worker: { type: 'boolean', description: `internal: run one index of a --on-kubernetes Job (${COMPLETION_INDEX_ENV}, ${PLAN_JOB_ENV}, ${PLAN_NAMESPACE_ENV} from the pod)` },
};

/** The kube flags that make no sense without --on-kubernetes or --worker. */
const KUBE_ONLY = ['namespace', 'kubeconfig', 'context', 'image', 'parallelism', 'name', 'service-account', 'pod-trace', 'timeout', 'dry-run'] as const;

export function checkKubeFlags(options: Options): void {
  if (options['on-kubernetes'] === true && options.worker === true) {
    throw badInput('conflicting flags', { field: '--worker', expected: 'either --on-kubernetes (submit) or --worker (run inside the Job), not both' });
  }
  if (options['on-kubernetes'] === true || options.worker === true) return;
  const stray = KUBE_ONLY.find((flag) => options[flag] !== undefined);
  if (stray !== undefined) throw badInput('flag needs --on-kubernetes', { field: `--${stray}`, value: options[stray], expected: 'weft plan --on-kubernetes ...' });
}

function text(options: Options, name: string): string | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw badInput('empty value', { field: `--${name}`, value, expected: 'a non-empty string' });
  return value;
}

function connect(options: Options): PlanKubeApi {
  const file = text(options, 'kubeconfig');
  const context = text(options, 'context');
  const { kubeConfig } = loadKubeConfigFor({ ...(file === undefined ? {} : { file }), ...(context === undefined ? {} : { context }) });
  const namespace = text(options, 'namespace') ?? (kubeConfig.getContextObject(kubeConfig.getCurrentContext())?.namespace || 'default');
  return new PlanKubeApi(kubeConfig, namespace);
}

/** The kubeconfig and namespace without any connection: what --dry-run needs (no kubeconfig may exist). */
function namespaceOffline(options: Options): string {
  return text(options, 'namespace') ?? 'default';
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * `weft plan --on-kubernetes`: submits the plan as an Indexed Job, waits for it with progress,
 * and returns the results in index (= sweep) order; with `--dry-run`, prints the manifests and
 * returns undefined.
 */
export async function planOnKubernetes(ctx: CommandContext, input: KubePlanInput, points: number): Promise<PointResult[] | undefined> {
  const { options, io } = ctx;
  const name = text(options, 'name') ?? defaultJobName(input);
  // The Job name is a label value on its pods (at most 63 characters); index suffixes must fit ConfigMap names.
  if (name.length > 52 || !DNS_LABEL.test(name)) throw badInput('invalid Job name', { field: '--name', value: name, expected: 'a DNS label of at most 52 characters (lower-case letters, digits, -)' });
  const parallelism = options.parallelism === undefined ? points : parseIntegerOption('--parallelism', options.parallelism, { min: 1, max: 100_000 });
  const timeoutS = options.timeout === undefined ? 3600 : parseNumberOption('--timeout', options.timeout, { min: 0, exclusiveMin: true, max: 7 * 86_400 });
  const serviceAccount = text(options, 'service-account');
  const jobOptions = (namespace: string): PlanJobOptions => ({
    name, namespace, image: text(options, 'image') ?? `ghcr.io/weft-dev/weft:${packageVersion()}`, command: ['weft'],
    completions: points, parallelism: Math.min(parallelism, points),
    ...(serviceAccount === undefined ? {} : { serviceAccount }),
  });
  if (options['dry-run'] === true) {
    const o = jobOptions(namespaceOffline(options));
    io.stdout.write([inputConfigMap(o, input), planJob(o)].map((m) => stringify(m, { lineWidth: 0, aliasDuplicateObjects: false })).join('---\n'));
    return undefined;
  }
  const api = connect(options);
  const o = jobOptions(api.namespace);
  await submitPlanJob(api, o, input);
  io.stderr.write(`submitted Job ${api.namespace}/${name} (${points} design points, parallelism ${o.parallelism}) to ${api.server}\n`);
  const progress = new ProgressReporter(io.stderr, 'planning on kubernetes', { unit: 'designs' });
  const job = await waitForPlanJob(api, name, timeoutS * 1000, (status) => {
    progress.update(status.succeeded ?? 0, points, `${status.active ?? 0} running${(status.failed ?? 0) > 0 ? `, ${status.failed} failed` : ''}`);
  });
  progress.done();
  return gatherPlanResults(api, job);
}

/** `weft plan --worker`, inside a pod of the Job: evaluates the pod's completion index. */
export async function planWorker(ctx: CommandContext): Promise<number> {
  const { options, io, json } = ctx;
  const env = process.env;
  const rawIndex = env[COMPLETION_INDEX_ENV];
  const index = rawIndex === undefined || !/^\d+$/.test(rawIndex) ? undefined : Number(rawIndex);
  if (index === undefined) throw badInput('not in an Indexed Job pod', { field: COMPLETION_INDEX_ENV, value: rawIndex, expected: 'the completion index the Job controller sets' });
  const job = env[PLAN_JOB_ENV];
  if (job === undefined || job === '') throw badInput('not in a plan Job pod', { field: PLAN_JOB_ENV, value: job, expected: 'the Job name (set by the Job template)' });
  const api = connect({ ...options, namespace: text(options, 'namespace') ?? env[PLAN_NAMESPACE_ENV] });
  const result = await runPlanWorker(api, job, index);
  if (json) io.stdout.write(encodeResult(result));
  else io.stderr.write(`design point ${index} (${result.design}) written to ConfigMap ${api.namespace}/${job}-${index}\n`);
  return 0;
}
