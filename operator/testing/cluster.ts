/**
 * Test helpers: a KubeApiServer with Weft's CRDs, Nodes with GPU capacity and topology labels,
 * and direct store access for fault injection. Used only by the operator's tests (the file is
 * outside the build: tsconfig.build.json excludes `operator/testing`).
 */
import { KubeConfig } from '@kubernetes/client-node';
import { readManifests } from '../../deploy/manifests.js';
import { BUILTIN_RESOURCES, CRD_RESOURCE, storageKey, type ResourceType } from '../../test/kube-apiserver/resources.js';
import { EVERYTHING } from '../../test/kube-apiserver/selectors.js';
import { KubeApiServer } from '../../test/kube-apiserver/server.js';
import type { KubeObject } from '../../test/kube-apiserver/types.js';

export const NODES = BUILTIN_RESOURCES.find((r) => r.plural === 'nodes')!;
export const PODS = BUILTIN_RESOURCES.find((r) => r.plural === 'pods')!;
export const EVENTS = BUILTIN_RESOURCES.find((r) => r.plural === 'events')!;
export const LEASES = BUILTIN_RESOURCES.find((r) => r.plural === 'leases')!;

/** A running test server with the CRDs of `deploy/crds` stored. */
export async function startCluster(options: { historyWindow?: number } = {}): Promise<{ api: KubeApiServer; kubeConfig: KubeConfig }> {
  const api = await KubeApiServer.start(options);
  for (const file of ['crds/weft.dev_modeldeployments.yaml', 'crds/weft.dev_finetunejobs.yaml']) {
    for (const crd of readManifests(file)) api.store.create(CRD_RESOURCE, undefined, crd);
  }
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(api.kubeconfig());
  return { api, kubeConfig };
}

/** The ModelDeployment resource type (served once the CRD is stored). */
export function modelDeployments(api: KubeApiServer): ResourceType {
  return api.registry.find('weft.dev', 'v1alpha1', 'modeldeployments')!;
}

export interface TestNode {
  name: string;
  gpus: number;
  gpuType?: string;
  leaf?: string;
  nvlinkDomain?: string;
  rail?: string;
  unschedulable?: boolean;
}

/** Stores a Node with `nvidia.com/gpu` capacity and Weft's topology labels. */
export function addNode(api: KubeApiServer, node: TestNode): KubeObject {
  const labels: Record<string, string> = { 'kubernetes.io/hostname': node.name };
  if (node.gpuType !== undefined) labels['weft.dev/gpu-type'] = node.gpuType;
  if (node.leaf !== undefined) labels['weft.dev/leaf'] = node.leaf;
  if (node.nvlinkDomain !== undefined) labels['weft.dev/nvlink-domain'] = node.nvlinkDomain;
  if (node.rail !== undefined) labels['weft.dev/rail'] = node.rail;
  const resources = { cpu: '96', memory: '1Ti', 'nvidia.com/gpu': String(node.gpus), pods: '110' };
  return api.store.create(NODES, undefined, {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: node.name, labels },
    spec: node.unschedulable === true ? { unschedulable: true } : {},
    status: { capacity: resources, allocatable: resources, conditions: [{ type: 'Ready', status: 'True' }] },
  });
}

/** A ModelDeployment body with explicit size (replicas x gpusPerReplica). */
export function modelDeployment(name: string, spec: Record<string, unknown> = {}, namespace = 'default'): KubeObject {
  return {
    apiVersion: 'weft.dev/v1alpha1',
    kind: 'ModelDeployment',
    metadata: { name, namespace },
    spec: {
      model: 'llama-3-8b',
      slo: { ttftP99: '300ms', tpotP99: '50ms' },
      replicas: 2,
      gpusPerReplica: 1,
      template: { image: 'vllm/vllm-openai:v0.6.3', args: ['--port=8000'], resources: { requests: { cpu: '4', memory: '32Gi' } }, metricsPort: 8000 },
      ...spec,
    },
  };
}

/** Every stored pod. */
export function storedPods(api: KubeApiServer): KubeObject[] {
  return api.store.all().filter((e) => e.key === storageKey(PODS)).map((e) => e.object);
}

/** Binding requests answered 201, per `namespace/pod`. */
export function successfulBindings(api: KubeApiServer): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of api.requests) {
    if (r.resource !== 'pods' || r.subresource !== 'binding' || r.code !== 201) continue;
    const key = `${r.namespace ?? ''}/${r.name ?? ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Replicas a deployment should have: the status target (planner, elastic controller), else spec.replicas. */
function targetOf(md: KubeObject): number {
  return (md.status as { targetReplicas?: number } | undefined)?.targetReplicas ?? (md.spec as { replicas?: number }).replicas ?? 0;
}

/**
 * The operator's safety invariants over the stored state and the request log:
 * no pod incarnation bound twice (bindings of a name <= its deletions + 1), no node with more GPUs promised than it has, no replica pod whose
 * ModelDeployment is gone (leaked), no replica index at or above spec.replicas once settled,
 * and every replica below spec.replicas present (none lost). Returns the violations.
 */
export function invariantViolations(api: KubeApiServer, options: { settled: boolean }): string[] {
  const out: string[] = [];
  // Elastic scaling and reclaims delete pods that are later created again under the same name
  // (a replica index, a worker index): each incarnation may be bound once, so a name's
  // successful bindings may not exceed its successful deletions + 1.
  const deletes = new Map<string, number>();
  for (const r of api.requests) if (r.resource === 'pods' && r.verb === 'delete' && r.code === 200) deletes.set(`${r.namespace ?? ''}/${r.name ?? ''}`, (deletes.get(`${r.namespace ?? ''}/${r.name ?? ''}`) ?? 0) + 1);
  for (const [pod, n] of successfulBindings(api)) {
    const allowed = (deletes.get(pod) ?? 0) + 1;
    if (n > allowed) out.push(`pod ${pod} bound ${n} times`);
  }
  const capacity = new Map(api.store.list(NODES, undefined, EVERYTHING).map((n) => [n.metadata.name ?? '', Number((n.status as { allocatable: Record<string, string> }).allocatable['nvidia.com/gpu'])]));
  const used = new Map<string, number>();
  const pods = storedPods(api);
  for (const pod of pods) {
    const spec = pod.spec as { nodeName?: string; containers: { resources?: { limits?: Record<string, string> } }[] };
    if (spec.nodeName === undefined) continue;
    const gpus = spec.containers.reduce((s, c) => s + Number(c.resources?.limits?.['nvidia.com/gpu'] ?? 0), 0);
    used.set(spec.nodeName, (used.get(spec.nodeName) ?? 0) + gpus);
  }
  for (const [node, gpus] of used) if (gpus > (capacity.get(node) ?? 0)) out.push(`node ${node}: ${gpus} GPUs bound, capacity ${capacity.get(node) ?? 0}`);
  const mds = api.store.list(modelDeployments(api), undefined, EVERYTHING);
  const byKey = new Map(mds.map((m) => [`${m.metadata.namespace ?? ''}/${m.metadata.name ?? ''}`, m]));
  for (const pod of pods) {
    const owner = pod.metadata.labels?.['weft.dev/model-deployment'];
    if (owner === undefined) continue;
    const md = byKey.get(`${pod.metadata.namespace ?? ''}/${owner}`);
    if (md === undefined) out.push(`pod ${pod.metadata.name ?? ''} leaked: ModelDeployment ${owner} is gone`);
    else if (options.settled && Number(pod.metadata.labels?.['weft.dev/replica']) >= targetOf(md)) {
      out.push(`pod ${pod.metadata.name ?? ''} beyond the target replicas`);
    }
  }
  if (options.settled) {
    for (const md of mds) {
      const status = md.status as { conditions?: { type: string; status: string }[] } | undefined;
      if (status?.conditions?.find((c) => c.type === 'Scheduled')?.status !== 'True') continue;
      const replicas = targetOf(md);
      for (let i = 0; i < replicas; i++) {
        const name = `${md.metadata.name ?? ''}-${i}`;
        const pod = pods.find((p) => p.metadata.name === name && p.metadata.namespace === md.metadata.namespace);
        if (pod === undefined) out.push(`pod ${name} lost`);
        else if ((pod.spec as { nodeName?: string }).nodeName === undefined) out.push(`pod ${name} not bound`);
      }
    }
  }
  return out;
}
