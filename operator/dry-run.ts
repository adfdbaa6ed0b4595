import type { ProfileConfig } from '../scheduler/index.js';
import type { KubeClient } from './kube/client.js';
import { keyOf } from './kube/objects.js';
import { DEPLOYMENT_LABEL, isFinished, podDemand, replicaIndex, replicaPodName } from './model-deployment/pods.js';
import { validateModelDeployment } from './model-deployment/validate.js';
import { Placer } from './placement.js';
import { sizeDeployment } from './planning/replica-plan.js';
import { nodeView, type TopologyKeys } from './topology.js';

/** One line of a dry-run plan. */
export interface PlannedAction {
  /** `namespace/name` of the ModelDeployment. */
  deployment: string;
  /** `plan` (the size and why), `bind` a new replica, `keep` a bound one, `delete` one beyond the target, `unschedulable`, `invalid` spec. */
  action: 'plan' | 'bind' | 'keep' | 'delete' | 'unschedulable' | 'invalid';
  pod?: string;
  node?: string;
  reason?: string;
}

/**
 * What the operator would do now, without writing anything: one list of Nodes, Pods and
 * ModelDeployments, then the same validation and placement as a reconcile, deployment by
 * deployment in name order (each decision sees the earlier ones). `client` should be
 * read-only (`new KubeClient(kc, { readOnly: true })`), which makes any write throw.
 *
 * @example
 * for (const a of await planDryRun(new KubeClient(kc, { readOnly: true }), DEFAULT_TOPOLOGY_KEYS)) console.log(a);
 */
export async function planDryRun(client: KubeClient, keys: TopologyKeys, profile?: ProfileConfig): Promise<PlannedAction[]> {
  const [nodes, pods, deployments] = await Promise.all([client.listNodes(), client.listPods(), client.listModelDeployments()]);
  const view = nodeView(nodes.items, keys);
  const placer = new Placer(view.nodes, profile);
  for (const pod of pods.items) {
    const node = pod.spec?.nodeName;
    if (node !== undefined && node !== '' && !isFinished(pod)) placer.occupy(keyOf(pod.metadata), node, podDemand(pod, keys.gpuResource));
  }
  const actions: PlannedAction[] = [];
  const sorted = [...deployments.items].sort((a, b) => keyOf(a.metadata).localeCompare(keyOf(b.metadata)));
  for (const md of sorted) {
    const deployment = keyOf(md.metadata);
    if (md.metadata.deletionTimestamp !== undefined) continue;
    const valid = validateModelDeployment(md);
    if (valid.kind !== 'valid') {
      actions.push({ deployment, action: 'invalid', reason: `${valid.reason}: ${valid.message}` });
      continue;
    }
    // The replica count as a reconcile would start it: the stored elastic target, else the plan's.
    const sizing = await sizeDeployment(valid, md.spec.model, view.nodes.filter((n) => !n.cordoned));
    if (sizing.kind !== 'sized') {
      actions.push({ deployment, action: 'invalid', reason: `${sizing.reason}: ${sizing.message}` });
      continue;
    }
    const replicas = valid.autoscaling !== undefined && md.status?.targetReplicas !== undefined ? md.status.targetReplicas : sizing.replicas;
    actions.push({ deployment, action: 'plan', reason: sizing.message });
    const own = pods.items.filter((p) => p.metadata.namespace === md.metadata.namespace && p.metadata.labels?.[DEPLOYMENT_LABEL] === md.metadata.name);
    for (const pod of own) {
      const index = replicaIndex(pod) ?? Infinity;
      if (index >= replicas) actions.push({ deployment, action: 'delete', pod: pod.metadata.name, reason: `target is ${replicas} replicas` });
    }
    for (let i = 0; i < replicas; i++) {
      const name = replicaPodName(md, i);
      const existing = own.find((p) => p.metadata.name === name);
      const bound = existing?.spec?.nodeName;
      if (bound !== undefined && bound !== '') {
        actions.push({ deployment, action: 'keep', pod: name, node: bound });
        continue;
      }
      const decision = placer.place(`${md.metadata.namespace ?? ''}/${name}`, sizing.demand);
      actions.push(decision.kind === 'placed' ? { deployment, action: 'bind', pod: name, node: decision.node } : { deployment, action: 'unschedulable', pod: name, reason: decision.reason });
    }
  }
  return actions;
}
