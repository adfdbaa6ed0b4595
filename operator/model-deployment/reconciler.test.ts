/**
 * The reconciler alone, with caches the test controls: a stale cache makes the status write
 * hit 409 Conflict; the retry with a fresh cache succeeds, and no pod is created or bound twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EVERYTHING } from '../../test/kube-apiserver/selectors.js';
import type { KubeApiServer } from '../../test/kube-apiserver/server.js';
import { EventRecorder } from '../events.js';
import { KubeClient } from '../kube/client.js';
import type { ModelDeployment, NodeObject, PodObject } from '../kube/objects.js';
import { addNode, invariantViolations, modelDeployment, modelDeployments, NODES, startCluster, storedPods, successfulBindings } from '../testing/cluster.js';
import { DEFAULT_TOPOLOGY_KEYS } from '../topology.js';
import { ModelDeploymentReconciler } from './reconciler.js';

describe('ModelDeploymentReconciler', () => {
  let api: KubeApiServer | undefined;

  afterEach(async () => {
    await api?.stop();
  });

  it('a 409 on the status write rejects; the retry with a fresh read settles without a second pod or binding', async () => {
    const cluster = await startCluster();
    api = cluster.api;
    const a = cluster.api;
    addNode(a, { name: 'n0', gpus: 8, gpuType: 'h100-sxm' });
    const rt = modelDeployments(a);
    a.store.create(rt, 'default', modelDeployment('chat', { replicas: 2, gpusPerReplica: 2 }));
    const read = (): ModelDeployment => a.store.get(rt, 'default', 'chat') as unknown as ModelDeployment;
    // The cache: fresh pods and nodes, but the deployment as first seen until `fresh` is set.
    const stale = read();
    let fresh = false;
    const client = new KubeClient(cluster.kubeConfig);
    const reconciler = new ModelDeploymentReconciler({
      client,
      caches: {
        deployment: () => (fresh ? read() : { ...stale, metadata: { ...stale.metadata, finalizers: ['weft.dev/replica-pods'] } }),
        nodes: () => a.store.list(NODES, undefined, EVERYTHING) as unknown as NodeObject[],
        pods: () => storedPods(a) as unknown as PodObject[],
      },
      events: new EventRecorder(client, () => undefined),
      topologyKeys: DEFAULT_TOPOLOGY_KEYS,
      log: () => undefined,
    });
    // Someone else writes the object: the cached resourceVersion is now stale.
    a.store.update(rt, 'default', 'chat', { ...read(), metadata: { ...read().metadata, finalizers: ['weft.dev/replica-pods'], labels: { team: 'a' } } });
    await expect(reconciler.reconcile('default/chat')).rejects.toMatchObject({ code: 409 });
    // The pods were created and bound before the status write failed.
    expect(storedPods(a).map((p) => p.metadata.name).sort()).toEqual(['chat-0', 'chat-1']);
    fresh = true;
    await reconciler.reconcile('default/chat');
    expect((read().status as { scheduledReplicas?: number }).scheduledReplicas).toBe(2);
    expect([...successfulBindings(a).values()]).toEqual([1, 1]);
    expect(a.requests.filter((r) => r.resource === 'pods' && r.verb === 'create' && r.subresource === undefined)).toHaveLength(2);
    expect(invariantViolations(a, { settled: true })).toEqual([]);
  });
});
