import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { Operator } from '../../../../operator/operator.js';
import { addNode, EVENTS, modelDeployment, modelDeployments, PODS, startCluster } from '../../../../operator/testing/cluster.js';
import { EVERYTHING } from '../../../../test/kube-apiserver/selectors.js';
import type { KubeApiServer } from '../../../../test/kube-apiserver/server.js';
import { waitUntil } from '../../../../test/kube-apiserver/wait.js';
import { Dashboard } from '../../app/dashboard.js';
import type { DashboardSnapshot } from '../../model/snapshot.js';
import { KubeClusterSource } from './kube-source.js';

let api: KubeApiServer | undefined;
let source: KubeClusterSource | undefined;
afterEach(async () => {
  await source?.close();
  await api?.stop();
  source = undefined;
  api = undefined;
});

/** A GPU pod as a controller would create it, optionally bound and with a phase. */
function gpuPod(name: string, gpus: number, labels: Record<string, string>, nodeName?: string, phase = 'Running', owner?: string) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels, ...(owner === undefined ? {} : { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: `uid-${owner}`, controller: true }] }) },
    spec: { schedulerName: 'weft', ...(nodeName === undefined ? {} : { nodeName }), containers: [{ name: 'c', image: 'x', resources: { limits: { 'nvidia.com/gpu': String(gpus) }, requests: { cpu: '1' } } }] },
    status: { phase },
  };
}

/** Advances the source (applying queued watch events) until `check` holds on its snapshot. */
async function until(what: string, check: (s: DashboardSnapshot) => boolean): Promise<DashboardSnapshot> {
  let snap = source!.snapshot();
  await waitUntil(what, () => {
    source!.advance();
    snap = source!.snapshot();
    return check(snap);
  }, 5000);
  return snap;
}

const cells = (s: DashboardSnapshot, node: string) => s.nodes.find((n) => n.name === node)!.gpus.map((g) => (g.workload === undefined ? '.' : `${g.workload}${g.lent ? '*' : ''}`));

describe('KubeClusterSource (weft ui --kube)', () => {
  it('follows nodes, GPU pods, a ModelDeployment, its status and Events through watches, and a 410 relist', { timeout: 15_000 }, async () => {
    const cluster = await startCluster({ historyWindow: 4 });
    api = cluster.api;
    addNode(api, { name: 'gpu-b', gpus: 4, gpuType: 'a100', leaf: 'leaf-1', rail: '0' });
    addNode(api, { name: 'gpu-a', gpus: 8, gpuType: 'h100', leaf: 'leaf-0', nvlinkDomain: 'nvl-0' });
    addNode(api, { name: 'cpu-only', gpus: 0 });
    api.store.create(modelDeployments(api), 'default', modelDeployment('chat', { priority: 5 }));
    let clock = 1_000_000;
    source = await KubeClusterSource.connect({ kubeConfig: cluster.kubeConfig, label: 'test', nowMs: () => clock, sampleMs: 1000, backoff: { initialMs: 20, maxMs: 100 } });

    // The first lists: nodes ordered by leaf label (unlabelled last), topology from labels.
    let s = source.snapshot();
    expect(s.nodes.map((n) => [n.name, n.gpuType, n.location, n.gpus.length])).toEqual([
      ['gpu-a', 'h100', 'leaf leaf-0, nvl nvl-0', 8],
      ['gpu-b', 'a100', 'leaf leaf-1, rail 0', 4],
      ['cpu-only', '-', '-', 0],
    ]);
    expect(s.totals).toEqual({ gpus: 12, used: 0, lent: 0, free: 12 });
    expect(s.workloads).toEqual([{ name: 'default/chat', kind: 'deployment', replicas: 0, gpus: 0, state: 'Pending', ttftTargetMs: 300, tpotTargetMs: 50 }]);
    expect(s.events.at(-1)?.message).toBe('watching test: 3 nodes, 12 GPUs (0 held)');
    // Nothing changed: the same snapshot object (snapshots are not rebuilt per redraw).
    expect(source.snapshot()).toBe(s);

    // Replica pods, a fine-tuning worker (lent GPUs) and someone else's GPU pod.
    clock += 1000;
    api.store.create(PODS, 'default', gpuPod('chat-0', 2, { 'weft.dev/model-deployment': 'chat', 'weft.dev/replica': '0' }, 'gpu-a'));
    api.store.create(PODS, 'default', gpuPod('chat-1', 2, { 'weft.dev/model-deployment': 'chat', 'weft.dev/replica': '1' }, undefined, 'Pending'));
    api.store.create(PODS, 'default', gpuPod('lora-worker-0', 3, { 'weft.dev/finetune-job': 'lora', 'weft.dev/worker': '0' }, 'gpu-a'));
    api.store.create(PODS, 'default', gpuPod('notebook-x1', 1, {}, 'gpu-b', 'Running', 'notebook'));
    s = await until('the pods', (x) => x.totals.used === 6);
    expect(cells(s, 'gpu-a')).toEqual(['default/chat', 'default/chat', 'default/lora*', 'default/lora*', 'default/lora*', '.', '.', '.']);
    expect(cells(s, 'gpu-b')).toEqual(['default/notebook', '.', '.', '.']);
    expect(s.nodes[0]!.gpus[0]!.priority).toBe(5);
    expect(s.totals).toEqual({ gpus: 12, used: 6, lent: 3, free: 6 });
    expect(s.title).toContain('1 GPU pods unbound');
    expect(s.workloads.find((w) => w.name === 'default/notebook')).toEqual({ name: 'default/notebook', kind: 'pod', replicas: 1, gpus: 1, state: 'Running' });
    expect(s.events.slice(-4).map((e) => `${e.timeNs / 1e6} ${e.kind} ${e.message}`)).toEqual([
      '1000 placement pod default/chat-0 created (2 GPUs) on gpu-a',
      '1000 pending pod default/chat-1 created (2 GPUs), not bound yet',
      '1000 placement pod default/lora-worker-0 created (3 GPUs) on gpu-a',
      '1000 placement pod default/notebook-x1 created (1 GPU) on gpu-b',
    ]);
    const gpuB = s.nodes[1];

    // Binding, a phase change, the operator's status and an Event about the deployment.
    clock += 1000;
    api.store.bind(PODS, 'default', 'chat-1', 'gpu-a');
    const bound = api.store.get(PODS, 'default', 'chat-1');
    api.store.update(PODS, 'default', 'chat-1', { ...bound, status: { ...(bound.status as object), phase: 'Running' } }, { subresource: 'status' });
    const md = api.store.get(modelDeployments(api), 'default', 'chat');
    const cond = (type: string, status: string, reason: string) => ({ type, status, reason, message: '', lastTransitionTime: '2026-01-01T00:00:00Z' });
    api.store.update(modelDeployments(api), 'default', 'chat', {
      ...md,
      status: { replicas: 2, scheduledReplicas: 2, latency: { source: 'metrics', ttftP99: '120ms', tpotP99: '62.5ms' }, conditions: [cond('Planned', 'True', 'ExplicitSize'), cond('Scheduled', 'True', 'AllReplicasBound'), cond('SLOMet', 'False', 'MetricsMissSLO')] },
    }, { subresource: 'status' });
    api.store.create(EVENTS, 'default', {
      apiVersion: 'v1', kind: 'Event', metadata: { name: 'chat.1', namespace: 'default' },
      involvedObject: { apiVersion: 'weft.dev/v1alpha1', kind: 'ModelDeployment', name: 'chat', namespace: 'default' },
      type: 'Normal', reason: 'Autoscaled', message: 'target replicas 2 -> 3: queue', count: 1, lastTimestamp: new Date(clock).toISOString(),
    });
    api.store.create(EVENTS, 'default', {
      apiVersion: 'v1', kind: 'Event', metadata: { name: 'pod.1', namespace: 'default' },
      involvedObject: { apiVersion: 'v1', kind: 'Pod', name: 'chat-0', namespace: 'default' }, type: 'Normal', reason: 'Pulled', message: 'not ours', count: 1,
    });
    s = await until('the status and the Event', (x) => x.events.some((e) => e.kind === 'scale-up') && x.workloads[0]!.ttftP99Ms !== undefined && x.totals.used === 8);
    expect(s.workloads[0]).toEqual({ name: 'default/chat', kind: 'deployment', replicas: 2, gpus: 4, state: 'MetricsMissSLO', ttftP99Ms: 120, ttftTargetMs: 300, tpotP99Ms: 62.5, tpotTargetMs: 50 });
    expect(s.sloAttainment).toBe(0);
    expect(cells(s, 'gpu-a').slice(5)).toEqual(['default/chat', 'default/chat', '.']);
    // Only gpu-a changed: gpu-b's view is the same object as before.
    expect(s.nodes[1]).toBe(gpuB);
    const news = s.events.filter((e) => e.timeNs === 2000e6).map((e) => `${e.kind} ${e.message}`);
    expect(news).toEqual(['placement pod default/chat-1 bound to gpu-a (2 GPUs)', 'start pod default/chat-1 Pending -> Running on gpu-a', 'scale-up default/chat Autoscaled: target replicas 2 -> 3: queue']);
    expect(s.events.some((e) => e.message.includes('not ours'))).toBe(false);
    // Sparklines sample the status every sampleMs of wall time (not per watch event).
    const samples = s.sloSeries.find((x) => x.name === 'default/chat TTFT p99')?.values.length ?? 0;
    source.advance();
    expect(source.snapshot().sloSeries.find((x) => x.name === 'default/chat TTFT p99')?.values.length ?? 0).toBe(samples);
    clock += 1000;
    source.advance();
    s = source.snapshot();
    expect(s.sloSeries.map((x) => [x.name, x.target, x.values.at(-1)])).toEqual([['default/chat TTFT p99', 300, 120], ['default/chat TPOT p99', 50, 62.5]]);
    expect(s.sloSeries[0]!.values).toHaveLength(samples + 1);

    // A dropped watch with the history compacted past it: 410 Gone, relist. A pod vanished and a
    // node appeared meanwhile; the relist reports both.
    await waitUntil('every watch open', () => api!.openWatches === 5);
    const podLists = () => api!.requests.filter((r) => r.resource === 'pods' && r.verb === 'list').length;
    const listsBefore = podLists();
    clock += 1000;
    api.dropWatches();
    api.store.delete(PODS, 'default', 'lora-worker-0');
    addNode(api, { name: 'gpu-c', gpus: 8, leaf: 'leaf-0' });
    for (let i = 0; i < 5; i++) addNode(api, { name: `filler-${i}`, gpus: 0 });
    api.store.compact();
    s = await until('the relist', (x) => x.nodes.some((n) => n.name === 'gpu-c') && x.totals.lent === 0);
    expect(podLists()).toBeGreaterThan(listsBefore);
    expect(s.totals).toEqual({ gpus: 20, used: 5, lent: 0, free: 15 });
    expect(cells(s, 'gpu-a')).toEqual(['default/chat', 'default/chat', '.', '.', '.', 'default/chat', 'default/chat', '.']);
    expect(s.nodes.slice(0, 3).map((n) => n.name)).toEqual(['gpu-a', 'gpu-c', 'gpu-b']);
    expect(s.events.some((e) => e.kind === 'departure' && e.message === 'pod default/lora-worker-0 deleted from gpu-a (3 GPUs)')).toBe(true);
    // The Event was not logged twice by the relist.
    expect(s.events.filter((e) => e.kind === 'scale-up')).toHaveLength(1);
  });

  it("shows what the operator does: its replica pods on the grid, its status and its Events", { timeout: 15_000 }, async () => {
    const cluster = await startCluster();
    api = cluster.api;
    addNode(api, { name: 'gpu-a', gpus: 8, gpuType: 'h100-sxm', leaf: 'leaf-0' });
    addNode(api, { name: 'gpu-b', gpus: 8, gpuType: 'h100-sxm', leaf: 'leaf-1' });
    source = await KubeClusterSource.connect({ kubeConfig: cluster.kubeConfig, label: 'test' });
    const operator = new Operator({ kubeConfig: cluster.kubeConfig, leaderElection: false, log: () => undefined });
    await operator.start();
    try {
      api.store.create(modelDeployments(api), 'default', modelDeployment('chat', { replicas: 3, gpusPerReplica: 4 }));
      const s = await until('three replicas placed', (x) => x.totals.used === 12 && x.workloads[0]?.replicas === 3 && x.events.filter((e) => e.kind === 'placement' && e.message.includes(' Scheduled: ')).length === 3);
      // Every GPU the dashboard shows held is one a bound replica pod of the operator holds.
      const bound = api.store.list(PODS, 'default', EVERYTHING).filter((p) => (p.spec as { nodeName?: string }).nodeName !== undefined);
      expect(bound).toHaveLength(3);
      for (const node of ['gpu-a', 'gpu-b']) {
        const onNode = bound.filter((p) => (p.spec as { nodeName?: string }).nodeName === node).length * 4;
        expect(cells(s, node).filter((c) => c === 'default/chat')).toHaveLength(onNode);
      }
      expect(s.workloads[0]).toMatchObject({ name: 'default/chat', kind: 'deployment', replicas: 3, gpus: 12 });
      expect(s.workloads[0]!.state).not.toBe('Pending');
    } finally {
      await operator.stop();
    }
  });

  it('renders the live cluster on the dashboard', { timeout: 15_000 }, async () => {
    const cluster = await startCluster();
    api = cluster.api;
    addNode(api, { name: 'gpu-a', gpus: 8, gpuType: 'h100', leaf: 'leaf-0' });
    api.store.create(modelDeployments(api), 'default', modelDeployment('chat'));
    api.store.create(PODS, 'default', gpuPod('chat-0', 4, { 'weft.dev/model-deployment': 'chat' }, 'gpu-a'));
    source = await KubeClusterSource.connect({ kubeConfig: cluster.kubeConfig, label: 'kind-lab' });
    const app = render(<Dashboard source={source} fps={20} initialSpeed={1} />);
    try {
      await waitUntil('a frame', () => (app.lastFrame() ?? '').includes('default/chat'), 5000);
      const frame = app.lastFrame()!;
      expect(frame).toContain('live kind-lab');
      expect(frame).toContain('GPUs 4/8 used, 0 lent, 4 free');
      expect(frame).toMatch(/gpu-a\s+████····/);
      // A watched change reaches the screen.
      api.store.delete(PODS, 'default', 'chat-0');
      await waitUntil('the pod gone on screen', () => (app.lastFrame() ?? '').includes('GPUs 0/8 used'), 5000);
      expect(app.lastFrame()).toContain('departure');
    } finally {
      app.unmount();
    }
  });

  it('fails with one clear error when the API server does not answer', async () => {
    const cluster = await startCluster();
    await cluster.api.stop();
    await expect(KubeClusterSource.connect({ kubeConfig: cluster.kubeConfig, label: 'gone', connectTimeoutMs: 2000 })).rejects.toThrow(/^cannot read Nodes from the API server: .*ECONNREFUSED/);
  });
});
