import { hostname } from 'node:os';
import type { KubeConfig } from '@kubernetes/client-node';
import { badInput } from '../../core/errors.js';
import { planDryRun } from '../../operator/dry-run.js';
import { startHealthServer } from '../../operator/health.js';
import { KubeClient } from '../../operator/kube/client.js';
import { Operator } from '../../operator/operator.js';
import { DEFAULT_TOPOLOGY_KEYS, type TopologyKeys } from '../../operator/topology.js';
import type { Command, CommandContext } from '../command.js';
import { loadKubeConfigFor } from '../kube-config.js';
import { parseIntegerOption } from '../options.js';
import { formatTable } from '../table.js';

/** `weft operator`: the Kubernetes operator, or with --dry-run the plan it would carry out. */
export const operatorCommand: Command = {
  name: 'operator',
  summary: 'run the Kubernetes operator: plan, place, scale, lend and reclaim GPUs for ModelDeployments and FineTuneJobs',
  usage: '[options]',
  description:
    'Watches ModelDeployments, FineTuneJobs, Nodes and Pods on the cluster of the current kubeconfig\n' +
    '(or, with --in-cluster, of the service account). Sizes deployments with the one-click planner,\n' +
    'places replica pods through the scheduler framework, creates them with schedulerName weft and\n' +
    'binds each to its node; reads the replicas\' vLLM /metrics for the SLOMet condition and the\n' +
    'elastic policy (falling back to the model\'s prediction); plans FineTuneJobs, gang-places their\n' +
    'workers on GPUs inference does not need, and reclaims them when it does. Only the leader of\n' +
    'the Lease <lease-namespace>/weft-operator reconciles. Serves /healthz, /readyz and /metrics on\n' +
    '--health-port; SIGTERM or SIGINT stops it gracefully (the Lease is released).\n' +
    '--dry-run prints what it would do now and writes nothing.',
  examples: [
    { command: 'weft operator --dry-run', comment: 'plan against the current kubeconfig without writing' },
    { command: 'weft operator --kubeconfig ~/.kube/lab --lease-namespace weft-system', comment: 'run against another cluster' },
    { command: 'weft operator --in-cluster --health-port 8081', comment: 'as deployed by deploy/operator.yaml' },
  ],
  options: {
    kubeconfig: { type: 'string', placeholder: '<file>', description: 'kubeconfig file (default: $KUBECONFIG or ~/.kube/config)' },
    'in-cluster': { type: 'boolean', description: "use the pod's service account instead of a kubeconfig" },
    'dry-run': { type: 'boolean', description: 'print the plan (bind, keep, delete, unschedulable) and write nothing' },
    'lease-namespace': { type: 'string', placeholder: '<ns>', description: 'namespace of the leader-election Lease', defaultText: 'weft-system' },
    'lease-duration': { type: 'string', placeholder: '<s>', description: 'seconds without renewal before a standby takes over', defaultText: '15' },
    identity: { type: 'string', placeholder: '<id>', description: 'leader-election identity', defaultText: '$POD_NAME or the host name' },
    'no-leader-election': { type: 'boolean', description: 'reconcile at once without a Lease (a single instance only)' },
    'health-port': { type: 'string', placeholder: '<port>', description: 'port of /healthz, /readyz and /metrics (0: any free port)', defaultText: '8081' },
    'live-interval': { type: 'string', placeholder: '<s>', description: "seconds between looks at each deployment's live latency (vLLM /metrics) and elastic target, and between lending rounds", defaultText: '15' },
    'lending-reserve-gpus': { type: 'string', placeholder: '<n>', description: 'GPUs per GPU type never lent to FineTuneJobs (kept for inference bursts)', defaultText: '0' },
    'reclaim-grace': { type: 'string', placeholder: '<s>', description: 'termination grace of a reclaimed fine-tuning worker (it checkpoints, then exits)', defaultText: '30' },
    'request-timeout': { type: 'string', placeholder: '<s>', description: 'seconds before an unanswered API request (not a watch) is abandoned and its object retried', defaultText: '30' },
    'gpu-type-label': { type: 'string', placeholder: '<key>', description: 'node label naming the GPU model', defaultText: DEFAULT_TOPOLOGY_KEYS.gpuType[0]! },
  },
  run: runOperator,
};

async function runOperator({ options, positionals, io, json }: CommandContext): Promise<number> {
  if (positionals.length > 0) throw badInput('unexpected argument', { field: 'arguments', value: positionals[0], expected: 'no positional arguments' });
  const kubeConfig = loadKubeConfig(options);
  const gpuTypeLabel = stringOption(options, 'gpu-type-label');
  const topologyKeys: TopologyKeys = { ...DEFAULT_TOPOLOGY_KEYS, ...(gpuTypeLabel === undefined ? {} : { gpuType: [gpuTypeLabel] }) };

  if (options['dry-run'] === true) {
    const actions = await planDryRun(new KubeClient(kubeConfig, { readOnly: true }), topologyKeys);
    if (json) io.stdout.write(`${JSON.stringify({ dryRun: true, actions }, null, 2)}\n`);
    else if (actions.length === 0) io.stdout.write('no ModelDeployments: nothing to do\n');
    else io.stdout.write(formatTable(['deployment', 'action', 'pod', 'node', 'reason'], actions.map((a) => [a.deployment, a.action, a.pod ?? '', a.node ?? '', a.reason ?? ''])));
    return 0;
  }

  const healthPort = options['health-port'] === undefined ? 8081 : parseIntegerOption('--health-port', options['health-port'], { min: 0, max: 65_535 });
  const leaseSeconds = options['lease-duration'] === undefined ? 15 : parseIntegerOption('--lease-duration', options['lease-duration'], { min: 1, max: 3600 });
  const identity = stringOption(options, 'identity') ?? process.env.POD_NAME ?? hostname();
  const liveSeconds = options['live-interval'] === undefined ? 15 : parseIntegerOption('--live-interval', options['live-interval'], { min: 1, max: 3600 });
  const reserveGpus = options['lending-reserve-gpus'] === undefined ? 0 : parseIntegerOption('--lending-reserve-gpus', options['lending-reserve-gpus'], { min: 0, max: 1_000_000 });
  const reclaimGrace = options['reclaim-grace'] === undefined ? 30 : parseIntegerOption('--reclaim-grace', options['reclaim-grace'], { min: 0, max: 3600 });
  const requestTimeout = options['request-timeout'] === undefined ? 30 : parseIntegerOption('--request-timeout', options['request-timeout'], { min: 1, max: 3600 });
  const log = (line: string): void => {
    io.stderr.write(`${new Date().toISOString()} ${line}\n`);
  };
  const operator = new Operator({
    kubeConfig,
    leaderElection:
      options['no-leader-election'] === true
        ? false
        : { namespace: stringOption(options, 'lease-namespace') ?? 'weft-system', identity, leaseDurationMs: leaseSeconds * 1000 },
    topologyKeys,
    log,
    liveIntervalMs: liveSeconds * 1000,
    lendingReserveGpus: reserveGpus,
    reclaimGraceSec: reclaimGrace,
    requestTimeoutMs: requestTimeout * 1000,
  });
  const health = await startHealthServer({ port: healthPort, probes: { healthy: () => operator.healthy, ready: () => operator.ready }, metrics: operator.metrics.registry });
  log(`weft operator ${identity}: /healthz, /readyz and /metrics on port ${health.port}`);
  const signal = new Promise<string>((resolve) => {
    const onTerm = (): void => {
      stopListening();
      resolve('SIGTERM');
    };
    const onInt = (): void => {
      stopListening();
      resolve('SIGINT');
    };
    const stopListening = (): void => {
      process.off('SIGTERM', onTerm);
      process.off('SIGINT', onInt);
    };
    process.on('SIGTERM', onTerm);
    process.on('SIGINT', onInt);
  });
  try {
    await Promise.race([operator.start(), signal]);
    log(`${await signal}: stopping`);
  } finally {
    await operator.stop();
    await health.close();
  }
  log('stopped');
  return 0;
}

function stringOption(options: CommandContext['options'], name: string): string | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw badInput('empty value', { field: `--${name}`, value, expected: 'a non-empty string' });
  return value;
}

/** The kubeconfig the flags ask for (`--in-cluster` or `--kubeconfig`); every failure is a one-line BAD_INPUT naming the flag. */
function loadKubeConfig(options: CommandContext['options']): KubeConfig {
  const file = stringOption(options, 'kubeconfig');
  return loadKubeConfigFor({ ...(file === undefined ? {} : { file }), inCluster: options['in-cluster'] === true }).kubeConfig;
}
