/**
 * Test helpers: a KubeApiServer with Weft's CRDs, Nodes with GPU capacity and topology labels,
 * and direct store access for fault injection. Used only by the operator's tests (the file is
 * outside the build: tsconfig.build.json excludes `operator/testing`).
 */
import { KubeConfig } from '@kubernetes/client-node';
import { readManifests } from '../../deploy/manifests.js';
import { BUILTIN_RESOURCES, CRD_RESOURCE, storageKey, type ResourceType } from '../../test/kube-apiserver/resources.js';
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
