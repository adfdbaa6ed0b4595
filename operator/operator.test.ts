/**
 * The operator end to end against the API-compatible test server: ModelDeployments become
 * bound replica pods, status and Events; bad CRs end in conditions; deletion is clean; and
 * under faults (dropped watches, 410 relists, an API server restart) no pod is lost, bound
 * twice or leaked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EVERYTHING } from '../test/kube-apiserver/selectors.js';
import type { KubeApiServer } from '../test/kube-apiserver/server.js';
import type { KubeObject } from '../test/kube-apiserver/types.js';
import { waitUntil } from '../test/kube-apiserver/wait.js';
import { Operator } from './operator.js';
import { addNode, EVENTS, invariantViolations, modelDeployment, modelDeployments, startCluster, storedPods } from './testing/cluster.js';

interface Status {
  observedGeneration?: number;
  scheduledReplicas?: number;
  replicas?: number;
  placements?: { pod: string; node: string }[];
  conditions?: { type: string; status: string; reason: string; message: string; observedGeneration?: number }[];
}

describe('Operator reconciling ModelDeployments', () => {
  let api: KubeApiServer | undefined;
  let operator: Operator | undefined;
  const log: string[] = [];

  afterEach(async () => {
    await operator?.stop();
    operator = undefined;
    await api?.stop();
    api = undefined;
    log.length = 0;
  });

  async function run(nodes: Parameters<typeof addNode>[1][], historyWindow?: number): Promise<KubeApiServer> {
    const cluster = await startCluster(historyWindow === undefined ? {} : { historyWindow });
    api = cluster.api;
    for (const n of nodes) addNode(api, n);
    operator = new Operator({ kubeConfig: cluster.kubeConfig, leaderElection: false, log: (line) => log.push(line) });
    await operator.start();
    return api;
  }

  const md = (a: KubeApiServer, name: string): KubeObject | undefined => {
    try {
      return a.store.get(modelDeployments(a), 'default', name);
    } catch {
      return undefined;
    }
  };
  const status = (a: KubeApiServer, name: string): Status => (md(a, name)?.status ?? {});
  const condition = (a: KubeApiServer, name: string, type: string) => status(a, name).conditions?.find((c) => c.type === type);
  const podsOf = (a: KubeApiServer, name: string): KubeObject[] => storedPods(a).filter((p) => p.metadata.labels?.['weft.dev/model-deployment'] === name);
  const events = (a: KubeApiServer, name: string): { reason: string; type: string; message: string }[] =>
    a.store.list(EVENTS, 'default', EVERYTHING).filter((e) => (e.involvedObject as { name: string }).name === name) as never;

  const H100 = [
    { name: 'h100-a', gpus: 8, gpuType: 'h100-sxm', leaf: 'leaf-1', nvlinkDomain: 'nvl-1', rail: 'r0' },
    { name: 'h100-b', gpus: 8, gpuType: 'h100-sxm', leaf: 'leaf-2', nvlinkDomain: 'nvl-2', rail: 'r0' },
    { name: 'a100-a', gpus: 8, gpuType: 'a100-80g-sxm', leaf: 'leaf-1', nvlinkDomain: 'nvl-3', rail: 'r0' },
  ];

  it('creates replica pods with schedulerName weft and owner references, binds each once to a node of the right GPU type, and reports status and Events', async () => {
    const a = await run(H100);
    a.store.create(modelDeployments(a), 'default', modelDeployment('chat', { replicas: 3, gpusPerReplica: 4, gpuType: 'h100-sxm' }));
    await waitUntil('3 replicas scheduled', () => condition(a, 'chat', 'Scheduled')?.status === 'True', 10_000);
    const s = status(a, 'chat');
    expect(s).toMatchObject({ observedGeneration: 1, replicas: 3, scheduledReplicas: 3 });
    expect(condition(a, 'chat', 'Planned')).toMatchObject({ status: 'True', reason: 'ExplicitSize', observedGeneration: 1 });
    const pods = podsOf(a, 'chat');
    expect(pods.map((p) => p.metadata.name).sort()).toEqual(['chat-0', 'chat-1', 'chat-2']);
    const owner = md(a, 'chat')!;
    for (const pod of pods) {
      const spec = pod.spec as { schedulerName: string; nodeName: string; containers: { image: string; resources: { limits: Record<string, string> } }[] };
      expect(spec.schedulerName).toBe('weft');
      expect(['h100-a', 'h100-b']).toContain(spec.nodeName);
      expect(spec.containers[0]!.resources.limits['nvidia.com/gpu']).toBe('4');
      expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: 'weft.dev/v1alpha1', kind: 'ModelDeployment', name: 'chat', uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    }
    // 3 x 4 GPUs on two 8-GPU H100 nodes: 2 on one, 1 on the other, never on the A100.
    expect(owner.metadata.finalizers).toEqual(['weft.dev/replica-pods']);
    expect(events(a, 'chat').filter((e) => e.reason === 'Scheduled')).toHaveLength(3);
    expect(invariantViolations(a, { settled: true })).toEqual([]);
  });

  it('reports Unschedulable with the scheduler diagnosis and a Warning Event, then binds when a node arrives', async () => {
    const a = await run(H100);
    a.store.create(modelDeployments(a), 'default', modelDeployment('big', { replicas: 3, gpusPerReplica: 8, gpuType: 'h100-sxm' }));
    await waitUntil('Unschedulable', () => condition(a, 'big', 'Scheduled')?.reason === 'Unschedulable', 10_000);
    expect(condition(a, 'big', 'Scheduled')?.message).toMatch(/^2\/3 replicas bound; 0\/3 nodes are available/);
    expect(events(a, 'big').some((e) => e.reason === 'FailedScheduling' && e.type === 'Warning')).toBe(true);
    addNode(a, { name: 'h100-c', gpus: 8, gpuType: 'h100-sxm', leaf: 'leaf-2' });
    await waitUntil('all bound', () => condition(a, 'big', 'Scheduled')?.status === 'True', 10_000);
    expect(status(a, 'big').placements?.map((p) => p.node).sort()).toEqual(['h100-a', 'h100-b', 'h100-c']);
    expect(invariantViolations(a, { settled: true })).toEqual([]);
  });

  it('scales down highest index first, and deletion removes every pod before the finalizer goes', async () => {
    const a = await run(H100);
    const rt = modelDeployments(a);
    a.store.create(rt, 'default', modelDeployment('svc', { replicas: 3, gpusPerReplica: 2 }));
    await waitUntil('3 bound', () => status(a, 'svc').scheduledReplicas === 3, 10_000);
    const cur = md(a, 'svc')!;
    a.store.update(rt, 'default', 'svc', { ...cur, spec: { ...(cur.spec as object), replicas: 1 } });
    await waitUntil('1 replica left', () => podsOf(a, 'svc').length === 1 && status(a, 'svc').observedGeneration === 2, 10_000);
    expect(podsOf(a, 'svc')[0]!.metadata.name).toBe('svc-0');
    expect(events(a, 'svc').filter((e) => e.reason === 'ScaledDown')).toHaveLength(2);
    expect(operator!.placementDrift()).toEqual([]);
    a.store.delete(rt, 'default', 'svc');
    await waitUntil('CR gone', () => md(a, 'svc') === undefined, 10_000);
    expect(podsOf(a, 'svc')).toEqual([]);
    expect(invariantViolations(a, { settled: true })).toEqual([]);
  });

  it('bad CRs end in a condition and one Warning Event each, without a retry loop', async () => {
    const a = await run(H100);
    const rt = modelDeployments(a);
    a.store.create(rt, 'default', modelDeployment('unknown-model', { model: 'gpt-17' }));
    a.store.create(rt, 'default', modelDeployment('bad-slo', { slo: { ttftP99: 'fast' } }));
    const noSize = modelDeployment('no-size');
    const { replicas: _r, gpusPerReplica: _g, ...sizeless } = noSize.spec as Record<string, unknown>;
    a.store.create(rt, 'default', { ...noSize, spec: sizeless });
    a.store.create(rt, 'default', modelDeployment('bad-cpu', { template: { image: 'x', resources: { requests: { cpu: 'lots' } } } }));
    await waitUntil('4 conditions', () => ['unknown-model', 'bad-slo', 'no-size', 'bad-cpu'].every((n) => condition(a, n, 'Planned')?.status === 'False'), 10_000);
    expect(condition(a, 'unknown-model', 'Planned')).toMatchObject({ reason: 'UnknownModel' });
    expect(condition(a, 'unknown-model', 'Planned')?.message).toContain('spec.model: unknown model "gpt-17" (expected one of: llama-3-8b');
    expect(condition(a, 'bad-slo', 'Planned')).toMatchObject({ reason: 'InvalidSLO' });
    expect(condition(a, 'bad-slo', 'Planned')?.message).toContain('spec.slo.ttftP99: "fast" is not a positive duration');
    expect(condition(a, 'no-size', 'Planned')).toMatchObject({ reason: 'NoLoad' });
    expect(condition(a, 'bad-cpu', 'Planned')?.message).toContain('spec.template.resources.requests.cpu');
    // The last status writes come back as watch events and reconcile once more (no-ops); after
    // that nothing may run again: a failing CR is not retried in a loop.
    await new Promise((r) => setTimeout(r, 300));
    await operator!.idle();
    const before = operator!.stats.reconciles;
    await new Promise((r) => setTimeout(r, 500));
    expect(operator!.stats.reconciles).toBe(before);
    for (const name of ['unknown-model', 'bad-slo', 'no-size', 'bad-cpu']) {
      expect(events(a, name).filter((e) => e.type === 'Warning')).toHaveLength(1);
      expect(podsOf(a, name)).toEqual([]);
    }
    expect(operator!.healthy).toBe(true);
  });

  it('under dropped watches, a 410 relist and an API server restart: nothing lost, bound twice or leaked', async () => {
    const nodes = Array.from({ length: 6 }, (_, i) => ({ name: `n${i}`, gpus: 8, gpuType: 'h100-sxm', leaf: `leaf-${i % 2}` }));
    const a = await run(nodes, 20);
    const rt = modelDeployments(a);
    for (let i = 0; i < 4; i++) a.store.create(rt, 'default', modelDeployment(`m${i}`, { replicas: 3, gpusPerReplica: 2 }));
    // Mid-way: watches dropped abruptly, history compacted (the re-watch gets 410), more CRs.
    await waitUntil('some pods', () => storedPods(a).length >= 2, 10_000);
    a.dropWatches({ abrupt: true });
    a.store.compact();
    for (let i = 4; i < 6; i++) a.store.create(rt, 'default', modelDeployment(`m${i}`, { replicas: 2, gpusPerReplica: 4 }));
    await new Promise((r) => setTimeout(r, 50));
    await a.restart();
    a.store.delete(rt, 'default', 'm0');
    const settled = (): boolean =>
      md(a, 'm0') === undefined && [1, 2, 3, 4, 5].every((i) => condition(a, `m${i}`, 'Scheduled')?.status === 'True' && podsOf(a, `m${i}`).length === (i < 4 ? 3 : 2));
    await waitUntil('every deployment settled', settled, 20_000).catch((error: unknown) => {
      // Which deployment is unsettled and how (a rare stall seen once in a loaded CI run at 9807f2b).
      const state = [0, 1, 2, 3, 4, 5].map((i) => {
        const scheduled = condition(a, `m${i}`, 'Scheduled');
        return `m${i}: ${md(a, `m${i}`) === undefined ? 'gone' : 'present'}, Scheduled=${scheduled?.status ?? '-'} ${scheduled?.reason ?? ''} "${scheduled?.message ?? ''}", pods ${podsOf(a, `m${i}`).length}`;
      });
      throw new Error(`${String(error)}\n${state.join('\n')}\nqueue depth ${operator!.stats.queueDepth}\n${log.join('\n')}\n${JSON.stringify(invariantViolations(a, { settled: false }))}`);
    });
    const v = invariantViolations(a, { settled: true });
    if (v.length > 0) {
      const binds = a.requests.filter((r) => r.subresource === 'binding').map((r) => `${r.name ?? ''}:${String(r.code)}`);
      const where = storedPods(a).map((p) => `${p.metadata.name ?? ''}@${(p.spec as { nodeName?: string }).nodeName ?? '-'}`);
      throw new Error(`${v.join('; ')}\nBINDS ${binds.join(' ')}\nPODS ${where.join(' ')}\n${log.join('\n')}`);
    }
    expect(podsOf(a, 'm0')).toEqual([]);
    // The placement state followed every event, relist and restart included.
    expect(operator!.placementDrift()).toEqual([]);
    // 3 x 3 x 2 + 2 x 2 x 4 = 34 GPUs of 48.
    expect(storedPods(a).length).toBe(13);
  });
});
