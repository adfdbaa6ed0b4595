import { describe, expect, it } from 'vitest';
import { ClusterState } from './cluster/cluster-state.js';
import { nodeSpec } from './cluster/node-spec.js';
import { GangDirectory } from './framework/gangs.js';
import { buildFramework, parseSchedulerConfig } from './framework/profile.js';
import { QuotaManager } from './queue/quota-manager.js';
import { Scheduler } from './scheduler.js';

const PROFILE = parseSchedulerConfig(
  `profiles:
  - name: default
    plugins:
      - { name: PrioritySort }
      - { name: NodeUnschedulable }
      - { name: GpuType }
      - { name: ResourceFit }
      - { name: Coscheduling }
      - { name: DefaultPreemption }
      - { name: MostAllocated, weight: 1 }
      - { name: TopologyLocality, weight: 5 }
      - { name: DefaultBinder }
`,
  'inline.yaml',
).profiles[0]!;

function setup(nodes: number, quota?: QuotaManager) {
  const cluster = new ClusterState(
    Array.from({ length: nodes }, (_, i) => nodeSpec({ name: `n${i}`, gpuType: 'H100', gpuCount: 8, cpuMilli: 1e5, memoryMiB: 1e6, nvlinkDomain: i >> 1 })),
  );
  const gangs = new GangDirectory();
  const scheduler = new Scheduler({ gangs, quota, framework: (cb) => buildFramework(PROFILE, { cluster, gangs, seed: 1 }, cb) });
  return { cluster, scheduler };
}

describe('Scheduler', () => {
  it('admits through quota, places gangs whole, and says why the rest is pending', () => {
    const quota = new QuotaManager([
      { name: 'research', cohort: 'org', quotas: { H100: { nominal: 16 } } },
      { name: 'serving', cohort: 'org', quotas: { H100: { nominal: 24, lendingLimit: 0 } } },
    ]);
    const { cluster, scheduler } = setup(4, quota);
    scheduler.submit({ kind: 'finetune', name: 'ft', minWorkers: 2, maxWorkers: 4, queue: 'research', template: { gpus: 8 } });
    scheduler.submit({ kind: 'deployment', name: 'llm', replicas: 3, queue: 'serving', template: { gpus: 4 } });
    scheduler.run(0);
    // serving lends nothing (lendingLimit 0), so research gets only its nominal 16: 2 workers.
    expect(cluster.gpuMilliAllocated).toBe(28_000);
    expect(['ft-0', 'ft-1', 'llm-0', 'llm-1', 'llm-2'].every((p) => cluster.allocationOf(p) !== undefined)).toBe(true);
    scheduler.submit({ kind: 'finetune', name: 'ft2', minWorkers: 1, maxWorkers: 1, queue: 'research', template: { gpus: 8 } });
    scheduler.submit({ kind: 'deployment', name: 'big', replicas: 1, queue: 'serving', template: { gpus: 8 } });
    scheduler.run(1);
    expect(scheduler.pending().sort((a, b) => (a.name < b.name ? -1 : 1))).toEqual([
      { name: 'big-0', reason: '0/4 nodes are available: 4 Insufficient GPU.' },
      { name: 'ft2', reason: 'insufficient quota in cluster queue research (H100: 0.0 GPUs of quota left, 8.0 needed)' },
    ]);
    scheduler.finish('ft');
    scheduler.run(2);
    expect(scheduler.pending()).toEqual([]);
  });

  it('admits the queue with the lowest dominant share first (fair sharing), whatever the submission order', () => {
    const quota = new QuotaManager([
      { name: 'heavy', cohort: 'org', quotas: { H100: { nominal: 8 } } },
      { name: 'light', cohort: 'org', quotas: { H100: { nominal: 8 } } },
    ]);
    const { cluster, scheduler } = setup(2, quota);
    scheduler.submit({ kind: 'deployment', name: 'base', replicas: 1, queue: 'heavy', template: { gpus: 8 } });
    scheduler.run(0);
    // heavy now uses its whole nominal (share 1), light none (share 0): of two equal requests
    // that only one of fits in the cohort, light's goes first though it was submitted second.
    scheduler.submit({ kind: 'deployment', name: 'h', replicas: 1, queue: 'heavy', template: { gpus: 8 } });
    scheduler.submit({ kind: 'deployment', name: 'l', replicas: 1, queue: 'light', template: { gpus: 8 } });
    scheduler.run(1);
    expect(cluster.allocationOf('l-0')).toBeDefined();
    expect(cluster.allocationOf('h-0')).toBeUndefined();
    expect(scheduler.pending()).toEqual([{ name: 'h', reason: 'insufficient quota in cluster queue heavy (H100: 0.0 GPUs of quota left, 8.0 needed)' }]);
  });

  it('preempts a low-priority job for a high-priority one and re-queues the victim whole', () => {
    const { cluster, scheduler } = setup(2);
    scheduler.submit({ kind: 'finetune', name: 'low', minWorkers: 2, maxWorkers: 2, priority: 1, template: { gpus: 8 } });
    scheduler.run(0);
    expect(cluster.gpuMilliAllocated).toBe(16_000);
    scheduler.submit({ kind: 'deployment', name: 'urgent', replicas: 1, priority: 100, template: { gpus: 8 } });
    scheduler.run(1);
    expect(cluster.allocationOf('urgent-0')).toBeDefined();
    // The whole gang was evicted (it cannot run on one worker) and waits for re-admission.
    expect(cluster.allocationOf('low-0')).toBeUndefined();
    expect(cluster.allocationOf('low-1')).toBeUndefined();
    expect(scheduler.pending()).toEqual([{ name: 'low', reason: 'preempted; waiting for re-admission' }]);
    scheduler.run(2);
    // Re-admitted, but only one node is free: the gang waits, nothing is partly placed.
    expect(cluster.gpuMilliAllocated).toBe(8_000);
    expect(scheduler.pending().map((p) => p.name).sort()).toEqual(['low-0', 'low-1']);
  });
});
