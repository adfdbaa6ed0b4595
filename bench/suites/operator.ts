import { mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { KubeConfig } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import { histogramQuantile, type CumulativeHistogram } from '../../operator/live/histogram.js';
import { Operator } from '../../operator/operator.js';
import { Placer } from '../../operator/placement.js';
import { nodeView } from '../../operator/topology.js';
import type { NodeObject } from '../../operator/kube/objects.js';
import type { Figure, Suite } from '../figures.js';

/**
 * The Kubernetes operator at scale (issue 10): 1,000 GPU nodes (8 GPUs each, 25 leaves), 500
 * ModelDeployments of 10 one-GPU replicas (5,000 pods), applied at once to the API-compatible
 * test server in this process; the operator (one instance, no leader election, 4 reconciles at
 * once) creates and binds every pod. Figures: wall time until every deployment is Scheduled,
 * pods bound per second, reconciles per second, p99 reconcile latency (from the operator's own
 * Prometheus histogram, interpolated within its buckets). Baseline in the same run: the same
 * 5,000 placements through the scheduler framework alone (one `Placer`, no API server), which
 * is the floor the operator's own work (informers, placement state, API round trips) sits on.
 *
 * The test server lives in test/kube-apiserver and is not built into dist: the suite bundles it
 * from source with esbuild (a dev dependency) on each run.
 */
/** `WEFT_BENCH_OPERATOR_SCALE` (a fraction, default 1) shrinks nodes and deployments together, for a quick look. */
const SCALE = Number(process.env.WEFT_BENCH_OPERATOR_SCALE ?? '1');
const NODES = Math.max(1, Math.round(1000 * SCALE));
const DEPLOYMENTS = Math.max(1, Math.round(500 * SCALE));
const REPLICAS = 10;

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

interface TestServerModule {
  KubeApiServer: { start(options?: { historyWindow?: number }): Promise<TestServer> };
  CRD_RESOURCE: unknown;
  BUILTIN_RESOURCES: { plural: string }[];
  EVERYTHING: unknown;
}
interface TestServer {
  store: {
    create(rt: unknown, ns: string | undefined, obj: unknown): unknown;
    list(rt: unknown, ns: string | undefined, sel: unknown): { status?: unknown; spec?: unknown; metadata: { name?: string } }[];
    subscribe(fn: (change: { key: string; type: string; object: { status?: unknown; metadata: { name?: string } } }) => void): () => void;
  };
  registry: { find(group: string, version: string, plural: string): unknown };
  kubeconfig(): string;
  stop(): Promise<void>;
}

const TEST_SERVER_DIR = './test/kube-apiserver/';
const TEST_SERVER_EXPORTS: readonly (readonly [string, string])[] = [
  ['KubeApiServer', 'server.js'],
  ['CRD_RESOURCE, BUILTIN_RESOURCES', 'resources.js'],
  ['EVERYTHING', 'selectors.js'],
];

async function loadTestServer(): Promise<TestServerModule> {
  const { build } = await import('esbuild');
  const outDir = join(repoRoot, 'dist', 'bench', '.cache');
  await mkdir(outDir, { recursive: true });
  const outfile = join(outDir, 'kube-apiserver.mjs');
  await build({
    stdin: {
      // Written as data, not as import statements: these sources are bundled here, never built into dist.
      contents: TEST_SERVER_EXPORTS.map(([names, module]) => `export { ${names} } from '${TEST_SERVER_DIR}${module}';\n`).join(''),
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'error',
  });
  return (await import(pathToFileURL(outfile).href)) as TestServerModule;
}

function node(i: number): NodeObject & { apiVersion: string; kind: string } {
  const resources = { cpu: '96', memory: '1Ti', 'nvidia.com/gpu': '8', pods: '110' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: `gpu-${String(i).padStart(4, '0')}`, labels: { 'weft.dev/gpu-type': 'h100-sxm', 'weft.dev/leaf': `leaf-${i % 25}`, 'weft.dev/nvlink-domain': `nvl-${i}` } },
    spec: {},
    status: { capacity: resources, allocatable: resources, conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

function deployment(i: number): unknown {
  return {
    apiVersion: 'weft.dev/v1alpha1',
    kind: 'ModelDeployment',
    metadata: { name: `svc-${i}`, namespace: 'default' },
    spec: { model: 'llama-3-8b', replicas: REPLICAS, gpusPerReplica: 1, gpuType: 'h100-sxm', template: { image: 'vllm/vllm-openai:v0.6.3', resources: { requests: { cpu: '4', memory: '32Gi' } } } },
  };
}

export const operatorSuite: Suite = {
  name: 'operator',
  description: `${DEPLOYMENTS} ModelDeployments x ${REPLICAS} replicas over ${NODES} nodes on the test API server; baseline: the same placements through the framework alone`,
  async run(log) {
    // Baseline: the framework alone, one placer, the same placements.
    const nodes = Array.from({ length: NODES }, (_, i) => node(i));
    const started = performance.now();
    const placer = new Placer(nodeView(nodes).nodes);
    let placed = 0;
    for (let d = 0; d < DEPLOYMENTS; d++) {
      for (let r = 0; r < REPLICAS; r++) if (placer.place(`default/svc-${d}-${r}`, { gpus: 1, cpuMilli: 4000, memoryMiB: 32_768, gpuType: 'h100-sxm' }).kind === 'placed') placed++;
    }
    const frameworkMs = performance.now() - started;
    log(`framework alone: ${placed} placements in ${frameworkMs.toFixed(0)} ms`);

    const t = await loadTestServer();
    const api = await t.KubeApiServer.start();
    try {
      for (const file of ['weft.dev_modeldeployments.yaml', 'weft.dev_finetunejobs.yaml']) {
        for (const doc of parseAllDocuments(readFileSync(join(repoRoot, 'deploy', 'crds', file), 'utf8'))) api.store.create(t.CRD_RESOURCE, undefined, doc.toJS());
      }
      const nodesRt = t.BUILTIN_RESOURCES.find((r) => r.plural === 'nodes');
      for (const n of nodes) api.store.create(nodesRt, undefined, n);
      const kubeConfig = new KubeConfig();
      kubeConfig.loadFromString(api.kubeconfig());
      const operator = new Operator({ kubeConfig, leaderElection: false, log: () => undefined, liveIntervalMs: 600_000 });
      await operator.start();
      const mdRt = api.registry.find('weft.dev', 'v1alpha1', 'modeldeployments');
      // Deployments whose stored status says every replica is scheduled, followed from the
      // store's change feed: listing (and so copying) every CR on each poll would add the
      // bench's own work to the CPU measured below.
      const scheduled = new Set<string>();
      const unsubscribe = api.store.subscribe((change) => {
        if (change.key !== 'weft.dev/modeldeployments') return;
        const name = change.object.metadata.name ?? '';
        if (change.type !== 'DELETED' && (change.object.status as { scheduledReplicas?: number } | undefined)?.scheduledReplicas === REPLICAS) scheduled.add(name);
        else scheduled.delete(name);
      });
      const begin = performance.now();
      const cpu = process.cpuUsage();
      for (let d = 0; d < DEPLOYMENTS; d++) api.store.create(mdRt, 'default', deployment(d));
      const done = (): number => scheduled.size;
      let last = 0;
      for (;;) {
        const n = done();
        if (n === DEPLOYMENTS) break;
        if (n !== last && n % 50 === 0) log(`${n}/${DEPLOYMENTS} deployments scheduled after ${((performance.now() - begin) / 1000).toFixed(1)} s`);
        last = n;
        await new Promise((r) => setTimeout(r, 100));
      }
      const wallMs = performance.now() - begin;
      const used = process.cpuUsage(cpu);
      unsubscribe();
      // Cross-check the change feed against the store once.
      const listed = api.store.list(mdRt, 'default', t.EVERYTHING).filter((m) => (m.status as { scheduledReplicas?: number } | undefined)?.scheduledReplicas === REPLICAS).length;
      if (listed !== DEPLOYMENTS) throw new Error(`the change feed counted ${DEPLOYMENTS} scheduled deployments, the store lists ${listed}`);
      await operator.idle();
      const reconciles = operator.stats.reconciles;
      const metric = await operator.metrics.reconcileSeconds.get();
      const byBound = new Map<number, number>();
      for (const v of metric.values) {
        if (v.metricName !== 'weft_operator_reconcile_duration_seconds_bucket' || v.labels.kind !== 'ModelDeployment') continue;
        const labels = v.labels as Record<string, string | number | undefined>;
        const le = labels.le === '+Inf' ? Infinity : Number(labels.le);
        byBound.set(le, v.value);
      }
      const bounds = [...byBound.keys()].sort((a, b) => a - b);
      const h: CumulativeHistogram = { bounds, counts: bounds.map((b) => byBound.get(b)!), sum: 0 };
      const p99Ms = (histogramQuantile(0.99, h) ?? NaN) * 1000;
      await operator.stop();
      const pods = DEPLOYMENTS * REPLICAS;
      const figures: Figure[] = [
        { name: `framework alone: ${DEPLOYMENTS * REPLICAS} placements, wall`, value: frameworkMs, unit: 'ms' },
        { name: 'operator: every deployment scheduled, wall', value: wallMs, unit: 'ms' },
        { name: 'operator: process CPU in that time (operator + test server)', value: (used.user + used.system) / 1000, unit: 'ms' },
        { name: 'operator: pods created and bound per second', value: pods / (wallMs / 1000), unit: 'pods/s' },
        { name: 'operator: reconciles per second', value: reconciles / (wallMs / 1000), unit: 'reconciles/s' },
        { name: 'operator: reconciles run', value: reconciles, unit: '' },
        { name: 'operator: p99 ModelDeployment reconcile latency (histogram-interpolated)', value: p99Ms, unit: 'ms' },
      ];
      return {
        suite: 'operator',
        description: operatorSuite.description,
        figures,
        ratios: [{ name: 'operator wall / framework-alone wall (same placements)', value: wallMs / frameworkMs, unit: 'x' }],
        quoted: [],
      };
    } finally {
      await api.stop();
    }
  },
};
