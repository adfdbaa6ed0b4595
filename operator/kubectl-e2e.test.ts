/**
 * Issue 10's end-to-end test: the real kubectl applies deploy/'s CRDs and the vLLM sample to
 * the test server while the operator runs; the replica pods get bound to nodes whose labels
 * satisfy the CR (GPU type), and `kubectl get` shows the status columns, the pods and Events.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { DEPLOY_DIR } from '../deploy/manifests.js';
import { kubectl, type KubectlEnv } from '../test/kube-apiserver/kubectl.js';
import { KubeApiServer } from '../test/kube-apiserver/server.js';
import { waitUntil } from '../test/kube-apiserver/wait.js';
import { Operator } from './operator.js';
import { addNode, invariantViolations } from './testing/cluster.js';

describe('kubectl apply of deploy/ with the operator running', () => {
  let api: KubeApiServer | undefined;
  let operator: Operator | undefined;
  let env: KubectlEnv | undefined;

  afterEach(async () => {
    await operator?.stop();
    await api?.stop();
    if (env !== undefined) await rm(env.dir, { recursive: true, force: true });
  });

  it('binds the vLLM sample to H100 nodes and kubectl get shows status, pods and Events', async () => {
    api = await KubeApiServer.start();
    const dir = await mkdtemp(join(tmpdir(), 'weft-e2e-'));
    env = { dir, kubeconfig: await api.writeKubeconfig(dir) };
    addNode(api, { name: 'a100-0', gpus: 8, gpuType: 'a100-80g-sxm', leaf: 'leaf-0' });
    addNode(api, { name: 'h100-0', gpus: 8, gpuType: 'h100-sxm', leaf: 'leaf-1' });
    addNode(api, { name: 'h100-1', gpus: 8, gpuType: 'h100-sxm', leaf: 'leaf-2' });
    const crds = await kubectl(env, ['apply', '-f', join(DEPLOY_DIR, 'crds')]);
    expect(crds.stderr).toBe('');
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(api.kubeconfig());
    operator = new Operator({ kubeConfig, leaderElection: false, log: () => undefined });
    await operator.start();
    const samples = await kubectl(env, ['apply', '-f', join(DEPLOY_DIR, 'samples')]);
    expect(samples.stderr).toBe('');

    const a = api;
    type Status = { scheduledReplicas?: number; targetReplicas?: number; plan?: { source: string; gpu: string; tensorParallel: number; precision: string; replicas: number } };
    const status = (): Status => {
      const found: unknown = a.store.all().find((e) => e.object.kind === 'ModelDeployment')?.object.status;
      return (found ?? {});
    };
    // The sample has no replicas or gpusPerReplica: the planner sizes it, then every target replica is bound.
    await waitUntil('the planned replicas scheduled', () => status().targetReplicas !== undefined && status().scheduledReplicas === status().targetReplicas, 10_000);
    const plan = status().plan!;
    expect(plan).toMatchObject({ source: 'planner', gpu: 'h100-sxm' });
    expect(plan.replicas).toBeGreaterThanOrEqual(1);
    const target = status().targetReplicas!;
    const table = (await kubectl(env, ['get', 'md'])).stdout;
    expect(table).toMatch(/^NAME\s+MODEL\s+REPLICAS\s+TARGET\s+SCHEDULED\s+PLANNED\s+SLO\s+AGE\n/);
    expect(table).toMatch(new RegExp(`llama-3-8b-chat\\s+llama-3-8b\\s+${target}\\s+${target}\\s+True\\s+(True|False|Unknown)`));

    const pods = JSON.parse((await kubectl(env, ['get', 'pods', '-l', 'weft.dev/model-deployment=llama-3-8b-chat', '-o', 'json'])).stdout) as {
      items: { metadata: { name: string }; spec: { nodeName: string; schedulerName: string } }[];
    };
    expect(pods.items.map((p) => p.metadata.name).sort()).toEqual(Array.from({ length: target }, (_, i) => `llama-3-8b-chat-${i}`));
    for (const pod of pods.items as unknown as { spec: { nodeName: string; schedulerName: string; containers: { env: { name: string; value: string }[] }[] } }[]) {
      // The plan's tensor-parallel degree reaches the engine's args through $(WEFT_TENSOR_PARALLEL_SIZE).
      expect(pod.spec.containers[0]!.env).toContainEqual({ name: 'WEFT_TENSOR_PARALLEL_SIZE', value: String(plan.tensorParallel) });
      expect(pod.spec.schedulerName).toBe('weft');
      expect(pod.spec.nodeName).toMatch(/^h100-/); // spec.gpuType h100-sxm: never the A100 node
    }
    const events = await kubectl(env, ['get', 'events', '-o', 'json']);
    const reasons = (JSON.parse(events.stdout) as { items: { reason: string; involvedObject: { name: string } }[] }).items.map((e) => `${e.involvedObject.name} ${e.reason}`);
    expect(reasons.filter((r) => r === 'llama-3-8b-chat Scheduled')).toHaveLength(target);
    expect(reasons).toContain('llama-3-8b-chat Planned');
    // The LoRA sample: planned by planFineTune; it runs on the H100 GPUs the deployment leaves idle.
    const ftj = await kubectl(env, ['get', 'ftj', 'llama-3-8b-support-lora', '-o', 'jsonpath={.status.conditions[?(@.type=="Planned")].reason}']);
    expect(ftj.stdout).toBe('Planned');
    expect(invariantViolations(api, { settled: true })).toEqual([]);

    // kubectl delete waits for the finalizer: the operator deletes the pods first.
    const del = await kubectl(env, ['delete', 'md', 'llama-3-8b-chat', '--timeout=10s']);
    expect(del.stdout).toContain('deleted');
    const left = await kubectl(env, ['get', 'pods', '-l', 'weft.dev/model-deployment=llama-3-8b-chat', '-o', 'name']);
    expect(left.stdout.trim()).toBe('');
  });
});
