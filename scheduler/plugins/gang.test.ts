import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../fabric-sim/engine/index.js';
import { ClusterState } from '../cluster/cluster-state.js';
import { nodeSpec } from '../cluster/node-spec.js';
import { Framework } from '../framework/framework.js';
import { GangDirectory } from '../framework/gangs.js';
import { expandWorkload, type FineTuningJob } from '../workload/workloads.js';
import { Coscheduling } from './coscheduling.js';
import { GpuType } from './gpu-type.js';
import { AllocationScore } from './allocation-score.js';
import { ResourceFit } from './resource-fit.js';
import { TopologyLocality } from './topology-locality.js';

/** Nodes of 8 GPUs: `perDomain[d]` nodes in NVLink domain d; two domains per leaf, two leaves per spine group. */
function fabric(perDomain: readonly number[]): ClusterState {
  const nodes = perDomain.flatMap((count, d) =>
    Array.from({ length: count }, (_, i) =>
      nodeSpec({ name: `d${d}-n${i}`, gpuType: 'H100', gpuCount: 8, cpuMilli: 1e5, memoryMiB: 1e6, nvlinkDomain: d, leaf: d >> 1, rail: 0, spineGroup: d >> 2 }),
    ),
  );
  return new ClusterState(nodes);
}

function setup(cluster: ClusterState) {
  const gangs = new GangDirectory();
  const events: string[] = [];
  const fw = new Framework({
    cluster,
    plugins: [
      { plugin: new GpuType(), weight: 1 },
      { plugin: new ResourceFit(), weight: 1 },
      { plugin: new Coscheduling(gangs), weight: 1 },
      { plugin: new TopologyLocality(gangs), weight: 10 },
      // Spread would scatter the gang if topology did not hold it together.
      { plugin: new AllocationScore('least'), weight: 1 },
    ],
    onBound: (pod, node) => events.push(`bound ${pod.name} ${cluster.node(node).name}`),
    onRejected: (pod, reason) => events.push(`rejected ${pod.name}: ${reason}`),
  });
  const submit = (job: FineTuningJob, nowNs = 0) => {
    const { pods, gang } = expandWorkload(job);
    if (gang !== undefined) gangs.register(gang.spec, gang.members);
    return pods.map((p) => fw.scheduleOne(p, nowNs).kind);
  };
  return { fw, events, submit, gangs };
}

const job = (name: string, workers: number, gpus = 8, minWorkers = workers): FineTuningJob => ({
  kind: 'finetune', name, minWorkers, maxWorkers: workers, template: { gpus, gpuType: 'H100' }, gangTimeoutNs: 1e9,
});

describe('gang scheduling with topology locality', () => {
  it('binds the whole gang together, inside the one NVLink domain that can hold it', () => {
    const cluster = fabric([2, 4, 1]);
    const { submit, events } = setup(cluster);
    expect(submit(job('ft', 3))).toEqual(['waiting', 'waiting', 'bound']);
    expect(events.map((e) => e.split(' ')[0])).toEqual(['bound', 'bound', 'bound']);
    const domains = new Set(['ft-0', 'ft-1', 'ft-2'].map((p) => cluster.node(cluster.allocationOf(p)!.node).nvlinkDomain));
    expect(domains).toEqual(new Set([1]));
  });

  it('releases every waiting member when a member cannot be placed', () => {
    const cluster = fabric([2]);
    const { submit, events } = setup(cluster);
    expect(submit(job('ft', 3))).toEqual(['waiting', 'waiting', 'unschedulable']);
    expect(events.map((e) => e.split(':')[0]).sort()).toEqual(['rejected ft-0', 'rejected ft-1']);
    expect(cluster.podCount).toBe(0);
  });

  it('releases the gang at the permit timeout, and lets elastic extras join once minWorkers bound', () => {
    const cluster = fabric([4]);
    const { fw, events, gangs } = setup(cluster);
    const { pods, gang } = expandWorkload(job('ft', 4, 8, 2));
    gangs.register(gang!.spec, gang!.members);
    expect(fw.scheduleOne(pods[0]!, 0).kind).toBe('waiting');
    fw.expireWaiting(1e9);
    expect(events).toEqual(['rejected ft-0: permit timeout']);
    expect(cluster.podCount).toBe(0);
    expect(pods.map((p) => fw.scheduleOne(p, 2e9).kind)).toEqual(['waiting', 'bound', 'bound', 'bound']);
  });

  it('property: gangs are all-or-nothing and GPUs are never over-allocated', () => {
    const random = RandomStream.derive(11, 'gang-property');
    for (let trial = 0; trial < 40; trial++) {
      const cluster = fabric(Array.from({ length: random.integer(1, 4) }, () => random.integer(1, 3)));
      const { submit, gangs, fw, events } = setup(cluster);
      const jobs = Array.from({ length: random.integer(1, 6) }, (_, j) => job(`j${j}`, random.integer(1, 5), [1, 2, 4, 8][random.integer(0, 3)]));
      for (const j of jobs) submit(j);
      // Members still waiting at permit hold nodes until their timeout; after it, only whole gangs remain.
      fw.expireWaiting(1e18);
      for (const e of events.filter((e) => e.startsWith('bound'))) expect(cluster.allocationOf(e.split(' ')[1]!)).toBeDefined();
      for (const j of jobs) {
        const placed = gangs.members(j.name).filter((m) => cluster.allocationOf(m) !== undefined).length;
        expect(placed === 0 || placed >= j.minWorkers).toBe(true);
      }
      for (let i = 0; i < cluster.nodeCount; i++) for (let g = 0; g < 8; g++) expect(cluster.gpuFree(i, g)).toBeGreaterThanOrEqual(0);
    }
  });
});
