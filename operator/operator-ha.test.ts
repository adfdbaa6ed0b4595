/**
 * Two operator instances on one Lease (2 s): only the leader writes; when it dies without
 * releasing the Lease, the standby takes over within the lease duration and carries on; no
 * pod is lost, bound twice or leaked. The same run checks least privilege: the requests the
 * operators made are exactly those deploy/rbac.yaml grants, nothing missing, nothing unused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readManifests } from '../deploy/manifests.js';
import type { RequestRecord } from '../test/kube-apiserver/requests.js';
import type { KubeApiServer } from '../test/kube-apiserver/server.js';
import { waitUntil } from '../test/kube-apiserver/wait.js';
import { Operator } from './operator.js';
import { addNode, invariantViolations, LEASES, modelDeployment, modelDeployments, startCluster, storedPods } from './testing/cluster.js';

interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

/** `group|resource[/sub]|verb|namespace-or-*` for each grant of the ClusterRole (any namespace) and Roles (their own). */
function grants(): Set<string> {
  const out = new Set<string>();
  for (const m of readManifests('rbac.yaml')) {
    if (m.kind !== 'ClusterRole' && m.kind !== 'Role') continue;
    const scope = m.kind === 'Role' ? (m.metadata.namespace ?? '') : '*';
    for (const rule of m.rules as Rule[]) for (const g of rule.apiGroups) for (const r of rule.resources) for (const v of rule.verbs) out.add(`${g}|${r}|${v}|${scope}`);
  }
  return out;
}

function used(requests: readonly RequestRecord[]): Set<string> {
  const out = new Set<string>();
  for (const r of requests) {
    if (r.resource === undefined) continue;
    const resource = r.subresource === undefined ? r.resource : `${r.resource}/${r.subresource}`;
    out.add(`${r.group ?? ''}|${resource}|${r.verb}|${r.namespace ?? ''}`);
  }
  return out;
}

/** The grant that covers a used request, if any. */
function coveredBy(use: string, granted: Set<string>): string | undefined {
  const [group, resource, verb, namespace] = use.split('|');
  for (const scope of [namespace, '*']) {
    const key = `${group}|${resource}|${verb}|${scope}`;
    if (granted.has(key)) return key;
  }
  return undefined;
}

describe('two operators on one Lease', () => {
  let api: KubeApiServer | undefined;
  const operators: Operator[] = [];

  afterEach(async () => {
    for (const o of operators.splice(0)) await o.stop();
    await api?.stop();
  });

  it('only the leader reconciles; the standby takes over within the lease; least privilege holds', async () => {
    const cluster = await startCluster();
    api = cluster.api;
    const a = cluster.api;
    for (let i = 0; i < 4; i++) addNode(a, { name: `n${i}`, gpus: 8, gpuType: 'h100-sxm', leaf: `leaf-${i % 2}`, nvlinkDomain: `nvl-${i}` });
    const rt = modelDeployments(a);
    a.store.create(rt, 'default', modelDeployment('first', { replicas: 3, gpusPerReplica: 2 }));
    a.store.create(rt, 'default', modelDeployment('doomed', { replicas: 1, gpusPerReplica: 1 }));
    a.store.create(rt, 'default', modelDeployment('unknown', { model: 'gpt-17' }));
    const ftjRt = a.registry.find('weft.dev', 'v1alpha1', 'finetunejobs')!;
    a.store.create(ftjRt, 'default', {
      apiVersion: 'weft.dev/v1alpha1',
      kind: 'FineTuneJob',
      metadata: { name: 'lora', namespace: 'default' },
      spec: { baseModel: 'llama-3-8b', method: 'lora', datasetTokens: 1000000, minGpus: 2, maxGpus: 4, template: { image: 'trainer:1' } },
    });
    const logs: string[] = [];
    const make = (identity: string): Operator => {
      const o = new Operator({
        kubeConfig: cluster.kubeConfig,
        leaderElection: { namespace: 'weft-system', identity, leaseDurationMs: 2000, retryPeriodMs: 200, releaseOnStop: false },
        log: (line) => logs.push(`${identity}: ${line}`),
      });
      operators.push(o);
      return o;
    };
    // The FineTuneJob's workers run on the GPUs the deployments leave idle; these are the replicas.
    const replicaPods = () => storedPods(a).filter((p) => p.metadata.labels?.['weft.dev/model-deployment'] !== undefined);
    const one = make('one');
    await one.start();
    await waitUntil('one to lead', () => one.isLeader, 5000);
    const two = make('two');
    await two.start();
    const status = (name: string): { scheduledReplicas?: number; conditions?: { type: string; status: string }[] } =>
      (a.store.get(rt, 'default', name).status ?? {});
    await waitUntil('first and doomed scheduled', () => status('first').scheduledReplicas === 3 && status('doomed').scheduledReplicas === 1, 10_000);
    expect(two.isLeader).toBe(false);
    expect(two.ready).toBe(true);
    expect(two.stats.reconciles).toBe(0);

    // Scale down and delete while the first leader runs.
    const first = a.store.get(rt, 'default', 'first');
    a.store.update(rt, 'default', 'first', { ...first, spec: { ...(first.spec as object), replicas: 2 } });
    a.store.delete(rt, 'default', 'doomed');
    await waitUntil('doomed gone and first scaled to 2', () => replicaPods().length === 2, 10_000);

    // The leader dies without releasing the Lease (as a crashed process would).
    const diedAt = Date.now();
    await one.stop();
    a.store.create(rt, 'default', modelDeployment('second', { replicas: 2, gpusPerReplica: 4 }));
    await waitUntil('two to lead', () => two.isLeader, 5000);
    const tookMs = Date.now() - diedAt;
    expect(tookMs).toBeLessThanOrEqual(2000 + 200 + 400);
    await waitUntil('second scheduled', () => status('second').scheduledReplicas === 2, 10_000);
    await waitUntil('doomed gone', () => {
      try {
        a.store.get(rt, 'default', 'doomed');
        return false;
      } catch {
        return true;
      }
    }, 10_000);
    await waitUntil('first at 2', () => storedPods(a).filter((p) => p.metadata.labels?.['weft.dev/model-deployment'] === 'first').length === 2, 10_000);
    await two.idle();
    expect((a.store.get(LEASES, 'weft-system', 'weft-operator').spec as { holderIdentity: string }).holderIdentity).toBe('two');
    expect(invariantViolations(a, { settled: true })).toEqual([]);
    expect(replicaPods().map((p) => p.metadata.name).sort()).toEqual(['first-0', 'first-1', 'second-0', 'second-1']);

    // Least privilege: every request made is granted, every grant was used.
    const granted = grants();
    const uses = used(a.requests);
    const missing = [...uses].filter((u) => coveredBy(u, granted) === undefined);
    expect(missing).toEqual([]);
    const usedGrants = new Set([...uses].map((u) => coveredBy(u, granted)));
    expect([...granted].filter((g) => !usedGrants.has(g))).toEqual([]);
  });
});
