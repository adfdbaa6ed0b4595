import { describe, expect, it } from 'vitest';
import { ClusterState } from '../cluster/cluster-state.js';
import { nodeSpec } from '../cluster/node-spec.js';
import { DefaultBinder } from '../plugins/default-binder.js';
import { GpuType } from '../plugins/gpu-type.js';
import { ResourceFit } from '../plugins/resource-fit.js';
import { podSpec, type PodSpec } from '../workload/pod.js';
import { Framework } from './framework.js';
import type {
  BindPlugin, CycleContext, FilterPlugin, PermitPlugin, PermitResult, PostFilterPlugin, PostFilterResult, PreFilterPlugin,
  PreScorePlugin, ReservePlugin, ScorePlugin,
} from './plugin.js';
import { Status } from './status.js';

const cluster = () =>
  new ClusterState([
    nodeSpec({ name: 'a', gpuType: 'T4', gpuCount: 2, cpuMilli: 8000, memoryMiB: 8192 }),
    nodeSpec({ name: 'b', gpuType: 'T4', gpuCount: 2, cpuMilli: 8000, memoryMiB: 8192 }),
    nodeSpec({ name: 'c', cpuMilli: 8000, memoryMiB: 8192 }),
  ]);

/** Logs every extension point it is called at; behaviour is steered by the fields. */
class Recorder
  implements PreFilterPlugin, FilterPlugin, PostFilterPlugin, PreScorePlugin, ScorePlugin, ReservePlugin, PermitPlugin, BindPlugin
{
  readonly log: string[] = [];
  reserveStatus = Status.SUCCESS;
  permitResult: PermitResult = { status: Status.SUCCESS };
  constructor(readonly name: string, readonly scores: Record<string, number> = {}) {}
  preFilter(_c: CycleContext, pod: PodSpec): Status {
    this.log.push(`${this.name}.preFilter ${pod.name}`);
    return Status.SUCCESS;
  }
  filter(ctx: CycleContext, _pod: PodSpec, node: number): Status {
    this.log.push(`${this.name}.filter ${ctx.cluster.node(node).name}`);
    return Status.SUCCESS;
  }
  postFilter(): PostFilterResult {
    this.log.push(`${this.name}.postFilter`);
    return { status: Status.unschedulable('no victims') };
  }
  preScore(_c: CycleContext, _p: PodSpec, _f: Int32Array, count: number): Status {
    this.log.push(`${this.name}.preScore ${count}`);
    return Status.SUCCESS;
  }
  score(ctx: CycleContext, _pod: PodSpec, node: number): number {
    const n = ctx.cluster.node(node).name;
    this.log.push(`${this.name}.score ${n}`);
    return this.scores[n] ?? 0;
  }
  reserve(_c: CycleContext, _p: PodSpec, node: number): Status {
    this.log.push(`${this.name}.reserve ${node}`);
    return this.reserveStatus;
  }
  unreserve(_c: CycleContext, _p: PodSpec, node: number): void {
    this.log.push(`${this.name}.unreserve ${node}`);
  }
  permit(): PermitResult {
    this.log.push(`${this.name}.permit`);
    return this.permitResult;
  }
  bind(_c: CycleContext, _p: PodSpec, node: number): Status {
    this.log.push(`${this.name}.bind ${node}`);
    return Status.SUCCESS;
  }
}

describe('Framework', () => {
  it('runs the extension points in Kubernetes order and picks the highest weighted score', () => {
    const r1 = new Recorder('r1', { a: 10, b: 90, c: 50 });
    const r2 = new Recorder('r2', { a: 100, b: 0, c: 0 });
    const fw = new Framework({ cluster: cluster(), plugins: [{ plugin: r1, weight: 1 }, { plugin: r2, weight: 2 }] });
    const result = fw.scheduleOne(podSpec({ name: 'p' }), 0);
    // a: 10 + 200 = 210 beats b: 90 and c: 50.
    expect(result).toEqual({ kind: 'bound', node: 0 });
    expect(r1.log).toEqual([
      'r1.preFilter p', 'r1.filter a', 'r1.filter b', 'r1.filter c', 'r1.preScore 3',
      'r1.score a', 'r1.score b', 'r1.score c', 'r1.reserve 0', 'r1.permit', 'r1.bind 0',
    ]);
    expect(fw.cluster.allocationOf('p')?.node).toBe(0);
  });

  it('unreserves in reverse order and releases resources when a reserve fails', () => {
    const r1 = new Recorder('r1');
    const r2 = new Recorder('r2');
    r2.reserveStatus = Status.unschedulable('volume gone');
    const fw = new Framework({ cluster: cluster(), plugins: [{ plugin: r1, weight: 1 }, { plugin: r2, weight: 1 }] });
    const result = fw.scheduleOne(podSpec({ name: 'p', gpuCount: 1 }), 0);
    expect(result.kind).toBe('unschedulable');
    expect(r2.log).toContain('r2.unreserve 0');
    expect(r1.log.at(-1)).toBe('r1.unreserve 0');
    expect(fw.cluster.allocationOf('p')).toBeUndefined();
    expect(fw.cluster.gpuMilliAllocated).toBe(0);
  });

  it('holds a pod at permit, then binds on allow or releases on timeout', () => {
    const r = new Recorder('r');
    r.permitResult = { status: new Status('Wait', 'waiting for gang'), timeoutNs: 100 };
    const bound: string[] = [];
    const rejected: string[] = [];
    const fw = new Framework({
      cluster: cluster(),
      plugins: [{ plugin: r, weight: 1 }],
      onBound: (pod) => bound.push(pod.name),
      onRejected: (pod, reason) => rejected.push(`${pod.name}: ${reason}`),
    });
    expect(fw.scheduleOne(podSpec({ name: 'p', gpuCount: 1 }), 0).kind).toBe('waiting');
    expect(fw.scheduleOne(podSpec({ name: 'q', gpuCount: 1 }), 50).kind).toBe('waiting');
    expect(fw.cluster.gpuMilliAllocated).toBe(2000); // waiting pods hold their GPUs
    fw.allow('p');
    expect(bound).toEqual(['p']);
    expect(fw.nextDeadlineNs()).toBe(150);
    expect(fw.expireWaiting(149)).toBe(0);
    expect(fw.expireWaiting(150)).toBe(1);
    expect(rejected).toEqual(['q: permit timeout']);
    expect(fw.cluster.allocationOf('q')).toBeUndefined();
    expect(fw.cluster.gpuMilliAllocated).toBe(1000);
  });

  it('aggregates why a pod is pending and calls post-filter', () => {
    const r = new Recorder('r');
    const fw = new Framework({
      cluster: cluster(),
      plugins: [{ plugin: new GpuType(), weight: 1 }, { plugin: new ResourceFit(), weight: 1 }, { plugin: r, weight: 1 }, { plugin: new DefaultBinder(), weight: 1 }],
    });
    const result = fw.scheduleOne(podSpec({ name: 'big', gpuCount: 4 }), 0);
    expect(result.kind).toBe('unschedulable');
    if (result.kind !== 'unschedulable') return;
    expect(result.diagnosis.toString()).toBe('0/3 nodes are available: 2 Insufficient GPU, 1 node(s) have no GPU.');
    expect(r.log.at(-1)).toBe('r.postFilter');
  });

  it('skips post-filter plugins not needed for the pod, keeping the class diagnosis', () => {
    class Gated implements PostFilterPlugin {
      readonly name = 'Gated';
      readonly stateOnly = true;
      calls = 0;
      constructor(readonly needed: boolean) {}
      isNeededFor(): boolean {
        return this.needed;
      }
      postFilter(): PostFilterResult {
        this.calls++;
        return { status: Status.unschedulable('no victims') };
      }
    }
    for (const needed of [false, true]) {
      const gated = new Gated(needed);
      const fw = new Framework({ cluster: cluster(), plugins: [new GpuType(), new ResourceFit(), gated].map((plugin) => ({ plugin, weight: 1 })) });
      const result = fw.scheduleOne(podSpec({ name: 'big', gpuCount: 4 }), 0);
      expect(result.kind === 'unschedulable' && result.diagnosis.toString()).toBe('0/3 nodes are available: 2 Insufficient GPU, 1 node(s) have no GPU.');
      expect(gated.calls).toBe(needed ? 1 : 0);
    }
  });

  it('validates its options, quoting the bad value', () => {
    const r = new Recorder('r');
    expect(() => new Framework({ cluster: cluster(), plugins: [{ plugin: r, weight: -1 }] })).toThrow(/got -1/);
    expect(() => new Framework({ cluster: cluster(), plugins: [{ plugin: r, weight: 1 }, { plugin: r, weight: 1 }] })).toThrow(/"r" is listed twice/);
    expect(() => new Framework({ cluster: cluster(), plugins: [], feasibleNodesToFind: 1.5 })).toThrow(/got 1.5/);
  });

  it('with feasibleNodesToFind, scores only that many nodes and rotates the scan start', () => {
    const r = new Recorder('r');
    const fw = new Framework({ cluster: cluster(), plugins: [{ plugin: r, weight: 1 }], feasibleNodesToFind: 1 });
    expect(fw.scheduleOne(podSpec({ name: 'p1' }), 0)).toEqual({ kind: 'bound', node: 0 });
    expect(fw.scheduleOne(podSpec({ name: 'p2' }), 0)).toEqual({ kind: 'bound', node: 1 });
    expect(fw.scheduleOne(podSpec({ name: 'p3' }), 0)).toEqual({ kind: 'bound', node: 2 });
  });
});
