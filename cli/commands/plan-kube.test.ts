import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { finishJob } from '../../test/kube-apiserver/job-controller.js';
import { kubectl, type KubectlEnv } from '../../test/kube-apiserver/kubectl.js';
import { BUILTIN_RESOURCES } from '../../test/kube-apiserver/resources.js';
import { EVERYTHING } from '../../test/kube-apiserver/selectors.js';
import { KubeApiServer } from '../../test/kube-apiserver/server.js';
import type { KubeObject } from '../../test/kube-apiserver/types.js';
import { COMPLETION_INDEX_ENV, PLAN_JOB_ENV, PLAN_NAMESPACE_ENV } from '../../traces/plan/kube-manifests.js';
import type { WorkloadArrival } from '../../traces/weft/records.js';
import { TraceWriter } from '../../traces/weft/trace-writer.js';
import { cli, startCli, type CliResult } from '../testing/cli-harness.js';

const JOBS = BUILTIN_RESOURCES.find((r) => r.plural === 'jobs')!;
const CONFIGMAPS = BUILTIN_RESOURCES.find((r) => r.plural === 'configmaps')!;
const dir = mkdtempSync(join(tmpdir(), 'weft-plan-kube-'));
let trace = '';
let sweep = '';
let api: KubeApiServer;
let env: KubectlEnv;

/** A small communication-heavy trace (8-, 16- and 32-GPU bert-large jobs) and a three-point sweep. */
beforeAll(async () => {
  trace = join(dir, 'jobs.weft');
  const writer = await TraceWriter.open(trace, { name: 'heavy', source: 'synthetic', attribution: 'test' });
  for (let i = 0; i < 12; i++) {
    const workload: WorkloadArrival = {
      id: `j${i}`, arrivalNs: i * 300e9, user: 'u', queue: 'q', priority: 0,
      spec: { kind: 'training', gpus: [8, 16, 32][i % 3]!, nodes: 0, cpus: 0, gpuType: '', modelClass: 'bert-large', application: '', batchSize: 0 },
      recorded: { status: 'COMPLETED', sourceStatus: 'COMPLETED', runNs: (1200 + 100 * (i % 4)) * 1e9 },
    };
    await writer.write({ kind: 'workload', workload });
  }
  await writer.close();
  sweep = join(dir, 'sweep.yaml');
  writeFileSync(sweep, 'base: { gpusPerServer: 8, hostsPerLeaf: 2 }\nsweep: { gpus: [32], gpuType: [a100], oversubscription: [1, 2, 4], policy: [best-fit] }\ntargets: { jctP99S: 12000 }\n');
  api = await KubeApiServer.start();
  env = { dir, kubeconfig: await api.writeKubeconfig(dir, 'plans') };
});

afterAll(async () => {
  await api.stop();
});

const base = (): string[] => ['plan', '--trace', trace, '--format', 'weft', '--sweep', sweep];

/** Waits until the server holds the Job `name` (the command has submitted it). */
async function jobAppears(namespace: string, predicate: (job: KubeObject) => boolean = () => true, timeoutMs = 10_000): Promise<KubeObject> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = api.store.list(JOBS, namespace, EVERYTHING).find(predicate);
    if (job !== undefined) return job;
    if (Date.now() > deadline) throw new Error('the command did not submit a Job');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs `weft plan --worker` in-process as the pod of completion index `index` would. */
async function runWorker(job: string, namespace: string, index: number): Promise<CliResult> {
  const saved = { ...process.env };
  process.env[COMPLETION_INDEX_ENV] = String(index);
  process.env[PLAN_JOB_ENV] = job;
  process.env[PLAN_NAMESPACE_ENV] = namespace;
  try {
    return await cli(['plan', '--worker', '--kubeconfig', env.kubeconfig]);
  } finally {
    // None of these is set outside a Job's pod.
    delete process.env.JOB_COMPLETION_INDEX;
    delete process.env.WEFT_PLAN_JOB;
    delete process.env.WEFT_PLAN_NAMESPACE;
    expect([COMPLETION_INDEX_ENV, PLAN_JOB_ENV, PLAN_NAMESPACE_ENV].map((k) => saved[k])).toEqual([undefined, undefined, undefined]);
  }
}

describe('weft plan --on-kubernetes', () => {
  it('prints an Indexed Job that kubectl accepts; each index run locally writes its ConfigMap; the gathered report equals the local sweep byte for byte', { timeout: 60_000 }, async () => {
    const dry = await cli([...base(), '--on-kubernetes', '--dry-run', '--namespace', 'plans', '--parallelism', '2']);
    expect(dry.code).toBe(0);
    expect(dry.out).not.toMatch(/[&*]a\d/); // plain YAML, no anchors for the shared labels
    const [configMap, job] = parseAllDocuments(dry.out).map((d) => d.toJS() as KubeObject);
    expect(configMap!.kind).toBe('ConfigMap');
    expect(job!.spec).toMatchObject({ completionMode: 'Indexed', completions: 3, parallelism: 2, backoffLimit: 0 });
    const accepted = await kubectl(env, ['apply', '--dry-run=server', '-f', '-'], dry.out);
    expect(accepted.stderr).toBe('');
    expect(accepted.stdout).toMatch(/^configmap\/weft-plan-[0-9a-f]{10}-spec created \(server dry run\)\njob\.batch\/weft-plan-[0-9a-f]{10} created \(server dry run\)\n$/);

    const local = await cli([...base(), '--threads', '0', '--json']);
    expect(local.code, local.out).toBe(0);
    expect((JSON.parse(local.out) as { recommended: string | null }).recommended).toBe('32xa100-2to1-best-fit');
    const run = startCli([...base(), '--on-kubernetes', '--kubeconfig', env.kubeconfig, '--json']);
    const submitted = await jobAppears('plans');
    const name = submitted.metadata.name!;
    expect(name).toBe(job!.metadata.name);
    // The test plays the Job controller: each index's worker, in reverse order (results are gathered by index, not arrival).
    for (const index of [2, 1, 0]) {
      const worker = await runWorker(name, 'plans', index);
      expect(worker.err).toContain(`written to ConfigMap plans/${name}-${index}`);
      expect(worker.code).toBe(0);
    }
    const results = api.store.list(CONFIGMAPS, 'plans', EVERYTHING).filter((cm) => cm.metadata.labels?.['weft.dev/plan-index'] !== undefined);
    expect(results.map((cm) => cm.metadata.name).sort()).toEqual([0, 1, 2].map((i) => `${name}-${i}`));
    for (const cm of results) expect(cm.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'Job', name, uid: submitted.metadata.uid }]);
    // The command waits on a watch of its Job (not by polling).
    expect(api.requests.some((r) => r.verb === 'watch' && r.resource === 'jobs' && r.namespace === 'plans')).toBe(true);
    expect((await finishJob(api.url, 'plans', name, { succeeded: [0, 1, 2] })).code).toBe(200);
    expect(await run.done).toBe(0);
    expect(run.out()).toBe(local.out);
    expect(run.err()).toContain(`submitted Job plans/${name} (3 design points, parallelism 3)`);
    // The input ConfigMap is owned by the Job too: deleting the Job collects everything.
    api.store.delete(JOBS, 'plans', name);
    expect(api.store.list(CONFIGMAPS, 'plans', EVERYTHING)).toEqual([]);
  });

  it('a failed index is exit 1 with its reason; RBAC denial and an unreachable server are one line, exit 2', { timeout: 60_000 }, async () => {
    const run = startCli([...base(), '--on-kubernetes', '--kubeconfig', env.kubeconfig, '--name', 'failing', '--pod-trace', join(dir, 'missing.weft')]);
    await jobAppears('plans', (j) => j.metadata.name === 'failing');
    // Run twice (a pod run again for its index): the second write replaces the first.
    for (let run = 0; run < 2; run++) {
      const worker = await runWorker('failing', 'plans', 1);
      expect(worker.code).toBe(2);
    }
    expect(api.store.get(CONFIGMAPS, 'plans', 'failing-1').data).toHaveProperty('error');
    // A watch the server ends is re-established: the command still sees the Failed status.
    await waitUntil(() => api.openWatches > 0);
    api.dropWatches({ abrupt: true });
    await finishJob(api.url, 'plans', 'failing', { succeeded: [], failed: [1] });
    expect(await run.done).toBe(1);
    expect(run.err()).toMatch(/^error: Job plans\/failing failed: index 1: .*missing\.weft/m);

    api.faults.forbid((r) => r.resource === 'jobs' && r.verb === 'create');
    const denied = await cli([...base(), '--on-kubernetes', '--kubeconfig', env.kubeconfig, '--name', 'denied']);
    api.faults.clear();
    expect(denied.code).toBe(2);
    expect(denied.err).toMatch(/^error: RBAC: not allowed to create jobs\.batch in namespace plans \(HTTP 403: jobs\.batch is forbidden: User "test-user" cannot create resource "jobs"/);
    expect(denied.err.trim().split('\n')).toHaveLength(1);

    const gone = await KubeApiServer.start();
    const goneDir = mkdtempSync(join(tmpdir(), 'weft-plan-kube-gone-'));
    const goneConfig = await gone.writeKubeconfig(goneDir);
    await gone.stop();
    const unreachable = await cli([...base(), '--on-kubernetes', '--kubeconfig', goneConfig]);
    expect(unreachable.code).toBe(2);
    expect(unreachable.err).toMatch(/^error: kubeconfig: cannot reach the API server .*: got "http:\/\/127\.0\.0\.1:\d+" \(expected a reachable Kubernetes API server\)\n$/);

    const slow = await cli([...base(), '--on-kubernetes', '--kubeconfig', env.kubeconfig, '--name', 'slow', '--timeout', '0.3']);
    expect(slow.code).toBe(1);
    expect(slow.err).toMatch(/^error: timed out after 0\.3 s waiting for Job plans\/slow \(0 of 3 points done\); it is left running\n$/m);

    const stray = await cli([...base(), '--parallelism', '2']);
    expect(stray.code).toBe(2);
    expect(stray.err).toContain('--parallelism: flag needs --on-kubernetes');
  });
});
