/**
 * FineTuneJobs end to end on the test server: planned by planFineTune, started as one gang on
 * GPUs inference does not need, grown by lending, shrunk and suspended by reclaims when a
 * ModelDeployment needs the GPUs, restarted when it goes; no node over-committed and no pod
 * bound twice throughout.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EVERYTHING } from '../test/kube-apiserver/selectors.js';
import type { KubeApiServer } from '../test/kube-apiserver/server.js';
import type { KubeObject } from '../test/kube-apiserver/types.js';
import { waitUntil } from '../test/kube-apiserver/wait.js';
import { planFineTune } from '../scheduler/index.js';
import { Operator } from './operator.js';
import { addNode, EVENTS, invariantViolations, modelDeployment, modelDeployments, startCluster, storedPods } from './testing/cluster.js';

interface JobStatus {
  workers?: number;
  gpus?: number;
  targetWorkers?: number;
  plan?: { gpu: string; gpus: number; workers: number; gpusPerWorker: number; dp: number; tp: number; pp: number; zeroStage: number };
  predictedCompletion?: string;
  conditions?: { type: string; status: string; reason: string; message: string }[];
}

describe('FineTuneJobs: planned, gang-placed, lent idle GPUs and reclaimed', () => {
  let api: KubeApiServer | undefined;
  let operator: Operator | undefined;

  afterEach(async () => {
    await operator?.stop();
    await api?.stop();
  });

  it('plans with planFineTune, grows to maxGpus on idle GPUs, gives GPUs back to a deployment (shrink, then suspend), and restarts', async () => {
    const cluster = await startCluster();
    api = cluster.api;
    const a = cluster.api;
    for (let i = 0; i < 4; i++) addNode(a, { name: `h${i}`, gpus: 8, gpuType: 'h100-sxm', leaf: `leaf-${i % 2}`, nvlinkDomain: `nvl-${i}` });
    const log: string[] = [];
    operator = new Operator({ kubeConfig: cluster.kubeConfig, leaderElection: false, log: (l) => log.push(l), liveIntervalMs: 200, reclaimGraceSec: 5 });
    await operator.start();
    const ftjRt = a.registry.find('weft.dev', 'v1alpha1', 'finetunejobs')!;
    const deadline = new Date(Date.now() + 30 * 24 * 3600e3).toISOString().replace(/\.\d+Z$/, 'Z');
    a.store.create(ftjRt, 'default', {
      apiVersion: 'weft.dev/v1alpha1',
      kind: 'FineTuneJob',
      metadata: { name: 'lora', namespace: 'default' },
      spec: {
        baseModel: 'llama-3-8b', method: 'lora', datasetTokens: 200_000_000, minGpus: 8, maxGpus: 24, gpusPerWorker: 8, gpuType: 'h100-sxm', deadline,
        checkpoint: { uri: 's3://ckpt/lora', intervalSeconds: 600 },
        template: { image: 'trainer:1', resources: { requests: { cpu: '8', memory: '64Gi' } } },
      },
    });
    const job = (): JobStatus => (a.store.get(ftjRt, 'default', 'lora').status ?? {});
    const workers = (): KubeObject[] => storedPods(a).filter((p) => p.metadata.labels?.['weft.dev/finetune-job'] === 'lora');
    const cond = (type: string) => job().conditions?.find((c) => c.type === type);
    // Workers are re-created under the same names after a reclaim: invariantViolations lets each incarnation be bound once.
    const check = (): void => {
      const v = invariantViolations(a, { settled: false });
      if (v.length > 0) throw new Error(`${v.join('; ')}\n${log.join('\n')}\n${a.requests.filter((r) => r.resource === 'pods' && r.verb !== 'watch' && r.verb !== 'list').map((r) => `${r.verb}/${r.subresource ?? ''} ${r.name ?? ''} ${String(r.code)}`).join('\n')}`);
    };

    // Planned: the plan is planFineTune's for the same input, on the 8-GPU H100 servers.
    await waitUntil('planned', () => cond('Planned')?.status === 'True', 10_000);
    const reference = planFineTune({ model: 'llama-3-8b', method: 'lora', tokens: 200_000_000, minGpus: 8, maxGpus: 24, deadlineNs: (Date.parse(deadline) - Date.parse(a.store.get(ftjRt, 'default', 'lora').metadata.creationTimestamp!)) * 1e6, gpu: 'h100-sxm', gpusPerServer: 8 });
    expect(job().plan).toMatchObject({ gpu: 'h100-sxm', gpus: reference.chosen!.gpus, dp: reference.chosen!.dp, tp: reference.chosen!.tp, pp: reference.chosen!.pp, gpusPerWorker: 8 });
    // Nothing else runs: every idle GPU is lent, up to maxGpus = 3 workers of 8, one gang.
    await waitUntil('3 workers', () => job().workers === 3 && cond('Scheduled')?.status === 'True', 10_000);
    expect(job()).toMatchObject({ gpus: 24, targetWorkers: 3 });
    expect(new Set(workers().map((p) => (p.spec as { nodeName: string }).nodeName)).size).toBe(3);
    expect(cond('DeadlineMet')).toMatchObject({ status: 'True', reason: 'PredictedOnTime' });
    expect(Date.parse(job().predictedCompletion!)).toBeLessThan(Date.parse(deadline));
    const env = (workers()[0]!.spec as { containers: { env: { name: string; value: string }[] }[] }).containers[0]!.env;
    expect(env).toContainEqual({ name: 'WEFT_CHECKPOINT_URI', value: 's3://ckpt/lora' });
    check();

    // A deployment needs 2 x 8 GPUs: one worker is reclaimed (3 -> 2) and both replicas bind.
    const mdRt = modelDeployments(a);
    a.store.create(mdRt, 'default', modelDeployment('chat', { replicas: 2, gpusPerReplica: 8, gpuType: 'h100-sxm' }));
    const md = () => (a.store.get(mdRt, 'default', 'chat').status ?? {}) as { scheduledReplicas?: number };
    await waitUntil('chat bound, job at 2', () => md().scheduledReplicas === 2 && job().workers === 2, 10_000);
    check();
    const reasons = (): { reason: string; message: string; type: string }[] =>
      a.store.list(EVENTS, 'default', EVERYTHING).filter((e) => (e.involvedObject as { name: string }).name === 'lora') as never;
    expect(reasons().find((e) => e.reason === 'Reclaimed')?.message).toMatch(/^inference needs 8 GPU\(s\) back: workers 3 -> 2; each gets 5s to checkpoint/);
    expect(a.requests.some((r) => r.verb === 'delete' && r.resource === 'pods' && r.name === 'lora-worker-2')).toBe(true);

    // It needs every GPU: the job is suspended (its planned gang no longer fits), then restarts when the deployment goes.
    const cur = a.store.get(mdRt, 'default', 'chat');
    a.store.update(mdRt, 'default', 'chat', { ...cur, spec: { ...(cur.spec as object), replicas: 4 } });
    await waitUntil('chat at 4, job suspended', () => md().scheduledReplicas === 4 && workers().length === 0 && cond('Scheduled')?.reason === 'WaitingForGpus', 10_000);
    expect(reasons().some((e) => e.reason === 'Reclaimed' && e.message.includes('(suspended)'))).toBe(true);
    check();
    a.store.delete(mdRt, 'default', 'chat');
    await waitUntil('job back at 3', () => job().workers === 3, 10_000);
    check();
    const lends = reasons().filter((e) => e.reason === 'Lent');
    expect(lends.length).toBeGreaterThanOrEqual(2);
    // Deleting the job deletes its workers before the finalizer goes.
    a.store.delete(ftjRt, 'default', 'lora');
    await waitUntil('job gone', () => workers().length === 0 && a.store.list(ftjRt, 'default', EVERYTHING).length === 0, 10_000);
    const text = await operator.metrics.registry.metrics();
    expect(text).toMatch(/weft_operator_decisions_total\{decision="lend"\} [2-9]/);
    expect(text).toMatch(/weft_operator_decisions_total\{decision="reclaim"\} [2-9]/);
  }, 40_000);
});
