import { describe, expect, it } from 'vitest';
import { ClusterState } from '../cluster/cluster-state.js';
import { nodeSpec, type NodeSpecInput } from '../cluster/node-spec.js';
import { TargetWorkload } from '../fgd/target-workload.js';
import type { CycleContext } from '../framework/plugin.js';
import { Framework, type WeightedPlugin } from '../framework/framework.js';
import { podSpec } from '../workload/pod.js';
import { AllocationScore } from './allocation-score.js';
import { BestFit } from './best-fit.js';
import { DotProduct } from './dot-product.js';
import { FragmentationGradient } from './fgd.js';
import { GpuType } from './gpu-type.js';
import { NodeAffinityPlugin } from './node-affinity.js';
import { NodeUnschedulable } from './node-unschedulable.js';
import { ResourceFit } from './resource-fit.js';
import { TaintToleration } from './taint-toleration.js';

const node = (input: Partial<NodeSpecInput> & { name: string }) =>
  nodeSpec({ cpuMilli: 32_000, memoryMiB: 65_536, gpuType: 'T4', gpuCount: 1, ...input });
const ctxOf = (cluster: ClusterState): CycleContext => ({
  cluster,
  nowNs: 0,
  cycle: new Map(),
  handle: { waitingPods: () => [].values(), allow: () => undefined, reject: () => undefined, evict: () => undefined },
});
const frameworkWith = (cluster: ClusterState, score: WeightedPlugin['plugin']): Framework =>
  new Framework({
    cluster,
    plugins: [new NodeUnschedulable(), new GpuType(), new ResourceFit(), score].map((plugin) => ({ plugin, weight: 1 })),
  });

describe('filters', () => {
  it('ResourceFit checks CPU, memory, whole and fractional GPUs', () => {
    const cluster = new ClusterState([node({ name: 'a', gpuCount: 2, cpuMilli: 4000, memoryMiB: 1024 })]);
    const fit = new ResourceFit();
    const ctx = ctxOf(cluster);
    cluster.allocate(podSpec({ name: 'x', gpuCount: 1, gpuMilli: 700 }), 0);
    expect(fit.filter(ctx, podSpec({ name: 'p', cpuMilli: 5000 }), 0).reason).toBe('Insufficient cpu');
    expect(fit.filter(ctx, podSpec({ name: 'p', memoryMiB: 2048 }), 0).reason).toBe('Insufficient memory');
    expect(fit.filter(ctx, podSpec({ name: 'p', gpuCount: 2 }), 0).reason).toBe('Insufficient GPU');
    expect(fit.filter(ctx, podSpec({ name: 'p', gpuCount: 1 }), 0).isSuccess).toBe(true);
    expect(fit.filter(ctx, podSpec({ name: 'p', gpuCount: 1, gpuMilli: 300 }), 0).isSuccess).toBe(true);
    cluster.allocate(podSpec({ name: 'y', gpuCount: 1, gpuMilli: 800 }), 0);
    // GPUs now have 300 and 200 free.
    expect(fit.filter(ctx, podSpec({ name: 'p', gpuCount: 1, gpuMilli: 400 }), 0).reason).toBe('Insufficient GPU');
    expect(fit.filter(ctx, podSpec({ name: 'p', gpuCount: 1, gpuMilli: 300 }), 0).isSuccess).toBe(true);
  });

  it('GpuType, NodeUnschedulable, TaintToleration and NodeAffinity are unresolvable', () => {
    const cluster = new ClusterState([
      node({ name: 'cpu', gpuCount: 0, gpuType: '' }),
      node({ name: 'a100', gpuType: 'A100', labels: { zone: 'z1' } }),
      node({ name: 'tainted', taints: [{ key: 'dedicated', value: 'infer', effect: 'NoSchedule' }] }),
      node({ name: 'cordoned', cordoned: true }),
    ]);
    const ctx = ctxOf(cluster);
    const gpu = podSpec({ name: 'p', gpuCount: 1, gpuType: 'A100' });
    expect(new GpuType().filter(ctx, gpu, 0).reason).toBe('node(s) have no GPU');
    expect(new GpuType().filter(ctx, gpu, 1).isSuccess).toBe(true);
    expect(new GpuType().filter(ctx, gpu, 2)).toMatchObject({ code: 'UnschedulableAndUnresolvable', reason: 'GPU type mismatch' });
    expect(new NodeUnschedulable().filter(ctx, gpu, 3).reason).toBe('node(s) were cordoned');
    const taints = new TaintToleration();
    expect(taints.filter(ctx, podSpec({ name: 'p' }), 2).reason).toBe('untolerated taint');
    expect(taints.filter(ctx, podSpec({ name: 'p', tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'infer' }] }), 2).isSuccess).toBe(true);
    expect(taints.filter(ctx, podSpec({ name: 'p', tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'train' }] }), 2).isSuccess).toBe(false);
    expect(taints.filter(ctx, podSpec({ name: 'p', tolerations: [{ key: '', operator: 'Exists' }] }), 2).isSuccess).toBe(true);
    const affinity = new NodeAffinityPlugin();
    const zoned = podSpec({ name: 'p', affinity: { required: [[{ key: 'zone', operator: 'In', values: ['z1'] }]] } });
    expect(affinity.filter(ctx, zoned, 1).isSuccess).toBe(true);
    expect(affinity.filter(ctx, zoned, 2).reason).toBe("node(s) didn't match node affinity");
    const notZ1 = podSpec({ name: 'p', affinity: { required: [[{ key: 'zone', operator: 'NotIn', values: ['z1'] }]] } });
    expect(affinity.filter(ctx, notZ1, 1).isSuccess).toBe(false);
    expect(affinity.filter(ctx, notZ1, 2).isSuccess).toBe(true);
  });
});

describe('scores', () => {
  const twoNodes = () => {
    const cluster = new ClusterState([node({ name: 'empty', gpuCount: 4 }), node({ name: 'busy', gpuCount: 4 })]);
    cluster.allocate(podSpec({ name: 'x', gpuCount: 2, cpuMilli: 16_000, memoryMiB: 32_768 }), 1);
    return cluster;
  };
  const pod = podSpec({ name: 'p', gpuCount: 1, cpuMilli: 8000, memoryMiB: 16_384 });

  it('MostAllocated packs, LeastAllocated spreads, with kube-scheduler formulas', () => {
    const cluster = twoNodes();
    const ctx = ctxOf(cluster);
    // busy after placing p: cpu 24/32, memory 48/64, GPU 3/4 -> 75 for each dimension.
    expect(new AllocationScore('most').score(ctx, pod, 1)).toBeCloseTo(75);
    expect(new AllocationScore('least').score(ctx, pod, 1)).toBeCloseTo(25);
    expect(new AllocationScore('most').score(ctx, pod, 0)).toBeCloseTo(25);
    expect(frameworkWith(cluster, new AllocationScore('most')).scheduleOne(pod, 0)).toEqual({ kind: 'bound', node: 1 });
    expect(frameworkWith(twoNodes(), new AllocationScore('least')).scheduleOne(pod, 0)).toEqual({ kind: 'bound', node: 0 });
  });

  it('BestFit prefers the least remaining resources, DotProduct the best-aligned free vector', () => {
    const cluster = twoNodes();
    expect(frameworkWith(cluster, new BestFit(cluster)).scheduleOne(pod, 0)).toEqual({ kind: 'bound', node: 1 });
    const ctx = ctxOf(twoNodes());
    const dot = new DotProduct();
    // empty node: free shares 1,1,1 against demand shares 1/4, 1/4, 1/4 -> 0.75; busy: free 1/2 each -> 0.375.
    expect(dot.score(ctx, pod, 0)).toBeCloseTo(0.75);
    expect(dot.score(ctx, pod, 1)).toBeCloseTo(0.375);
  });

  it('BestFit and weights validate, quoting the bad value', () => {
    expect(() => new BestFit(twoNodes(), { cpu: -1, memory: 0, gpu: 1 })).toThrow(/cpu must be finite and >= 0, got -1/);
    expect(() => new AllocationScore('most', { cpu: 0, memory: 0, gpu: 0 })).toThrow(/must not all be 0/);
  });

  it('FGD follows the hand-worked example where it and best-fit disagree', () => {
    // Every expected task wants 500 milli. A 300-milli pod arrives; node A has an idle GPU, B 600 free.
    // Best fit takes B (least left), leaving 300 there: a fragment for every 500-milli task (Δ = +300).
    // On A it leaves 700, still able to host a 500 task: no fragment (Δ = 0). FGD takes A.
    const build = () => {
      const cluster = new ClusterState([node({ name: 'A' }), node({ name: 'B' })]);
      cluster.allocate(podSpec({ name: 'x', gpuCount: 1, gpuMilli: 400 }), 1);
      return cluster;
    };
    const workload = new TargetWorkload([{ cpuMilli: 0, memoryMiB: 0, gpuCount: 1, gpuMilli: 500, gpuType: undefined, popularity: 1 }]);
    const p = podSpec({ name: 'p', gpuCount: 1, gpuMilli: 300 });
    const fgd = new FragmentationGradient(workload);
    const cluster = build();
    expect(fgd.score(ctxOf(cluster), p, 0)).toBe(0); // F_A: 0 -> 0
    expect(fgd.score(ctxOf(cluster), p, 1)).toBe(-300); // F_B: 0 -> 300
    expect(frameworkWith(build(), fgd).scheduleOne(p, 0)).toEqual({ kind: 'bound', node: 0 });
    const bf = build();
    expect(frameworkWith(bf, new BestFit(bf, { cpu: 0, memory: 0, gpu: 1 })).scheduleOne(p, 0)).toEqual({ kind: 'bound', node: 1 });
  });

  it('FGD rewards closing a fragment: the score is the decrease of fragmentation', () => {
    // Half the tasks want 500 milli, half a whole GPU. B has 500 free: F_B = 0.5 * 500 = 250;
    // a 500-milli pod fills it (F_B' = 0, Δ = -250), while on idle A it would create 250.
    const cluster = new ClusterState([node({ name: 'A' }), node({ name: 'B' })]);
    cluster.allocate(podSpec({ name: 'x', gpuCount: 1, gpuMilli: 500 }), 1);
    const workload = new TargetWorkload([
      { cpuMilli: 0, memoryMiB: 0, gpuCount: 1, gpuMilli: 500, gpuType: undefined, popularity: 1 },
      { cpuMilli: 0, memoryMiB: 0, gpuCount: 1, gpuMilli: 1000, gpuType: undefined, popularity: 1 },
    ]);
    const fgd = new FragmentationGradient(workload);
    const p = podSpec({ name: 'p', gpuCount: 1, gpuMilli: 500 });
    expect(fgd.score(ctxOf(cluster), p, 0)).toBe(-250);
    expect(fgd.score(ctxOf(cluster), p, 1)).toBe(250);
    // The cache follows node changes.
    cluster.allocate(podSpec({ name: 'y', gpuCount: 1, gpuMilli: 500 }), 0);
    expect(fgd.score(ctxOf(cluster), p, 0)).toBe(250);
  });

  it('FGD picks the GPU inside the node whose use grows fragmentation least', () => {
    // GPUs with 500 and 1000 free; every expected task wants 500. A 300 pod on the 500 GPU (best
    // fit) leaves 200, a fragment; on the idle GPU it leaves 500 and 700, both still usable.
    const cluster = new ClusterState([node({ name: 'A', gpuCount: 2 })]);
    cluster.allocate(podSpec({ name: 'x', gpuCount: 1, gpuMilli: 500 }), 0);
    const workload = new TargetWorkload([{ cpuMilli: 0, memoryMiB: 0, gpuCount: 1, gpuMilli: 500, gpuType: undefined, popularity: 1 }]);
    const p = podSpec({ name: 'p', gpuCount: 1, gpuMilli: 300 });
    expect(new FragmentationGradient(workload).score(ctxOf(cluster), p, 0)).toBe(0);
    expect(frameworkWith(cluster, new FragmentationGradient(workload)).scheduleOne(p, 0)).toEqual({ kind: 'bound', node: 0 });
    expect([cluster.gpuFree(0, 0), cluster.gpuFree(0, 1)]).toEqual([500, 700]);
  });
});
