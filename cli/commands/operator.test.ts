import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePromText } from '../../operator/live/prom-text.js';
import { addNode, LEASES, modelDeployment, modelDeployments, startCluster } from '../../operator/testing/cluster.js';
import type { KubeApiServer } from '../../test/kube-apiserver/server.js';
import { waitUntil } from '../../test/kube-apiserver/wait.js';
import { startCli as cli } from '../testing/cli-harness.js';

describe('weft operator', () => {
  let api: KubeApiServer | undefined;
  let dir: string | undefined;

  afterEach(async () => {
    await api?.stop();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    api = undefined;
    dir = undefined;
  });

  async function cluster(): Promise<string> {
    const c = await startCluster();
    api = c.api;
    dir = await mkdtemp(join(tmpdir(), 'weft-operator-cli-'));
    addNode(api, { name: 'gpu-0', gpus: 8, gpuType: 'h100-sxm', leaf: 'l0' });
    api.store.create(modelDeployments(api), 'default', modelDeployment('chat', { replicas: 2, gpusPerReplica: 4 }));
    api.store.create(modelDeployments(api), 'default', modelDeployment('huge', { replicas: 1, gpusPerReplica: 16 }));
    api.store.create(modelDeployments(api), 'default', modelDeployment('typo', { model: 'lama-3-8b' }));
    return api.writeKubeconfig(dir);
  }

  it('--dry-run --json prints the plan and writes nothing', async () => {
    const kubeconfig = await cluster();
    api!.clearRequests();
    const run = cli(['operator', '--kubeconfig', kubeconfig, '--dry-run', '--json']);
    expect(await run.done).toBe(0);
    const plan = JSON.parse(run.out()) as { actions: { deployment: string; action: string; pod?: string; node?: string; reason?: string }[] };
    expect(plan.actions.filter((a) => a.deployment === 'default/chat')).toEqual([
      { deployment: 'default/chat', action: 'plan', reason: '2 replica(s) x 4 GPU(s) as given in the spec' },
      { deployment: 'default/chat', action: 'bind', pod: 'chat-0', node: 'gpu-0' },
      { deployment: 'default/chat', action: 'bind', pod: 'chat-1', node: 'gpu-0' },
    ]);
    expect(plan.actions.find((a) => a.deployment === 'default/huge' && a.action !== 'plan')).toMatchObject({ action: 'unschedulable' });
    expect(plan.actions.find((a) => a.deployment === 'default/typo')?.reason).toContain('UnknownModel');
    expect(api!.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('runs until SIGTERM: healthz and readyz answer, the chat pods get bound, the Lease is released on the way out', async () => {
    const kubeconfig = await cluster();
    const run = cli(['operator', '--kubeconfig', kubeconfig, '--health-port', '0', '--lease-namespace', 'weft-system', '--identity', 'op-1', '--lease-duration', '2']);
    await waitUntil('the health port', () => /on port \d+/.test(run.err()), 10_000);
    const port = /on port (\d+)/.exec(run.err())![1]!;
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const ready = async (): Promise<number> => (await fetch(`http://127.0.0.1:${port}/readyz`)).status;
    const deadline = Date.now() + 10_000;
    while ((await ready()) !== 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await ready()).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/metricz`)).status).toBe(404);
    await waitUntil('chat scheduled', () => {
      const status = api!.store.get(modelDeployments(api!), 'default', 'chat').status as { scheduledReplicas?: number } | undefined;
      return status?.scheduledReplicas === 2;
    }, 10_000);
    // /metrics: Prometheus text (parsed by the operator's own exposition parser), counting what happened.
    const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    const samples = parsePromText(await metrics.text());
    const value = (name: string, labels: Record<string, string> = {}): number | undefined =>
      samples.find((x) => x.name === name && Object.entries(labels).every(([k, v]) => x.labels[k] === v))?.value;
    expect(value('weft_operator_leader')).toBe(1);
    expect(value('weft_operator_decisions_total', { decision: 'bind' })).toBe(2);
    expect(value('weft_operator_reconciles_total', { kind: 'ModelDeployment', result: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(value('weft_operator_reconcile_duration_seconds_count', { kind: 'ModelDeployment' })).toBeGreaterThanOrEqual(1);
    expect(value('weft_operator_queue_depth')).toBeGreaterThanOrEqual(0);
    process.emit('SIGTERM');
    expect(await run.done).toBe(0);
    expect(run.err()).toContain('SIGTERM: stopping');
    expect((api!.store.get(LEASES, 'weft-system', 'weft-operator').spec as { holderIdentity: string }).holderIdentity).toBe('');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it('exits 2 with one line naming the flag for a missing kubeconfig, --in-cluster outside a cluster, or a bad port', async () => {
    dir = await mkdtemp(join(tmpdir(), 'weft-operator-cli-'));
    const missing = cli(['operator', '--kubeconfig', join(dir, 'nope'), '--dry-run']);
    expect(await missing.done).toBe(2);
    expect(missing.err()).toMatch(/^error: --kubeconfig: kubeconfig not found: got ".*nope" \(expected a readable kubeconfig file\)\n$/);
    const inCluster = cli(['operator', '--in-cluster', '--dry-run']);
    const saved = process.env.KUBERNETES_SERVICE_HOST;
    delete process.env.KUBERNETES_SERVICE_HOST;
    expect(await inCluster.done).toBe(2);
    if (saved !== undefined) process.env.KUBERNETES_SERVICE_HOST = saved;
    expect(inCluster.err()).toContain('--in-cluster: not running inside a cluster');
    const file = join(dir, 'kubeconfig');
    await writeFile(file, 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\n');
    const noCluster = cli(['operator', '--kubeconfig', file, '--dry-run']);
    expect(await noCluster.done).toBe(2);
    expect(noCluster.err()).toContain('kubeconfig has no current cluster');
    const port = cli(['operator', '--kubeconfig', file, '--health-port', '99999']);
    expect(await port.done).toBe(2);
    const reachable = join(dir, 'kubeconfig-with-cluster');
    await writeFile(reachable, 'apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "http://127.0.0.1:1"}}]\ncontexts: [{name: x, context: {cluster: c, user: u}}]\nusers: [{name: u, user: {}}]\ncurrent-context: x\n');
    const timeout = cli(['operator', '--kubeconfig', reachable, '--request-timeout', '0']);
    expect(await timeout.done).toBe(2);
    expect(timeout.err()).toContain('--request-timeout');
  });
});
