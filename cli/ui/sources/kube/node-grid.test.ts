import { describe, expect, it } from 'vitest';
import type { NodeObject, PodObject } from '../../../../operator/kube/objects.js';
import { DEFAULT_TOPOLOGY_KEYS } from '../../../../operator/topology.js';
import type { NodeView } from '../../model/snapshot.js';
import { NodeGrid } from './node-grid.js';
import { podInfo } from './pod-info.js';

const node = (name: string, gpus: number, leaf?: string): NodeObject => ({
  metadata: { name, labels: leaf === undefined ? {} : { 'weft.dev/leaf': leaf } },
  status: { allocatable: { 'nvidia.com/gpu': String(gpus) } },
});
const pod = (name: string, gpus: number, nodeName: string | undefined, labels: Record<string, string> = {}, phase = 'Running'): PodObject => ({
  metadata: { name, namespace: 'ns', labels },
  spec: { ...(nodeName === undefined ? {} : { nodeName }), containers: [{ name: 'c', resources: { limits: { 'nvidia.com/gpu': String(gpus) } } }] },
  status: { phase },
});
const info = (p: PodObject) => podInfo(p, 'nvidia.com/gpu');
/** Held GPUs per node and workload, whatever the cell positions. */
const holdings = (views: readonly NodeView[]) =>
  Object.fromEntries(views.map((v) => [v.name, v.gpus.map((g) => (g.workload === undefined ? '' : `${g.workload}${g.lent ? '*' : ''}`)).filter((w) => w !== '').sort().join(',')]));

describe('NodeGrid', () => {
  it('takes pods listed before their node, keeps cells under running pods, and frees them', () => {
    const grid = new NodeGrid(DEFAULT_TOPOLOGY_KEYS);
    const a = pod('a', 2, 'n1', { 'weft.dev/model-deployment': 'chat' });
    grid.updatePod('ns/a', undefined, info(a));
    expect(grid.totals).toEqual({ gpus: 0, used: 0, lent: 0 });
    grid.upsertNode(node('n1', 4));
    const b = pod('b', 1, 'n1', { 'weft.dev/finetune-job': 'lora' });
    grid.updatePod('ns/b', undefined, info(b));
    expect(holdings(grid.views())).toEqual({ n1: 'ns/chat,ns/chat,ns/lora*' });
    grid.updatePod('ns/a', info(a), undefined);
    const c = pod('c', 2, 'n1');
    grid.updatePod('ns/c', undefined, info(c));
    // b stayed on GPU 2; c took the lowest free ones.
    expect(grid.views()[0]!.gpus.map((g) => g.workload ?? '.')).toEqual(['ns/c', 'ns/c', 'ns/lora', '.']);
    expect(grid.totals).toEqual({ gpus: 4, used: 3, lent: 1 });
    // Finished pods hold nothing.
    grid.updatePod('ns/c', info(c), info(pod('c', 2, 'n1', {}, 'Succeeded')));
    expect(grid.totals.used).toBe(1);
  });

  it('reports pods beyond a node\'s capacity and reassigns when the capacity changes', () => {
    const grid = new NodeGrid(DEFAULT_TOPOLOGY_KEYS);
    grid.upsertNode(node('n1', 2));
    grid.updatePod('ns/a', undefined, info(pod('a', 2, 'n1')));
    grid.updatePod('ns/b', undefined, info(pod('b', 1, 'n1')));
    expect(grid.overflow.get('ns/b')).toBe(1);
    expect(grid.totals).toEqual({ gpus: 2, used: 2, lent: 0 });
    grid.upsertNode(node('n1', 4));
    expect(grid.overflow.size).toBe(0);
    expect(grid.totals).toEqual({ gpus: 4, used: 3, lent: 0 });
    grid.deleteNode('n1');
    expect(grid.totals).toEqual({ gpus: 0, used: 0, lent: 0 });
    grid.upsertNode(node('n1', 4));
    expect(grid.totals).toEqual({ gpus: 4, used: 3, lent: 0 });
  });

  it('after any sequence of changes holds what a grid built from the final objects holds', () => {
    // Deterministic pseudo-random changes (LCG), never over-committing a node so the result
    // does not depend on which pod came first.
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const live = new NodeGrid(DEFAULT_TOPOLOGY_KEYS);
    const nodes = new Map<string, NodeObject>();
    const pods = new Map<string, PodObject>();
    const free = new Map<string, number>();
    for (let step = 0; step < 2000; step++) {
      const r = rand(10);
      if (r === 0 || nodes.size === 0) {
        const name = `n${rand(6)}`;
        if (nodes.has(name)) continue;
        const n = node(name, 8, `leaf-${rand(3)}`);
        nodes.set(name, n);
        free.set(name, 8 - [...pods.values()].filter((p) => p.spec?.nodeName === name && p.status?.phase === 'Running').reduce((s, p) => s + info(p).gpus, 0));
        live.upsertNode(n);
      } else if (r < 6) {
        const name = `p${rand(40)}`;
        const before = pods.get(name);
        if (before !== undefined) {
          const b = info(before);
          if (b.holds) free.set(b.node!, free.get(b.node!)! + b.gpus);
          pods.delete(name);
          live.updatePod(`ns/${name}`, b, undefined);
          continue;
        }
        const nodeName = [...nodes.keys()][rand(nodes.size)]!;
        const gpus = 1 + rand(4);
        if (free.get(nodeName)! < gpus) continue;
        const p = pod(name, gpus, rand(4) === 0 ? undefined : nodeName, rand(2) === 0 ? { 'weft.dev/finetune-job': `job${rand(2)}` } : { 'weft.dev/model-deployment': `md${rand(3)}` });
        const i = info(p);
        if (i.holds) free.set(nodeName, free.get(nodeName)! - gpus);
        pods.set(name, p);
        live.updatePod(`ns/${name}`, undefined, i);
      } else {
        // Bind an unbound pod, or finish a running one.
        const candidates = [...pods.values()];
        const p = candidates[rand(candidates.length)];
        if (p === undefined) continue;
        const before = info(p);
        let next: PodObject;
        if (before.node === undefined) {
          const nodeName = [...nodes.keys()][rand(nodes.size)]!;
          if (free.get(nodeName)! < before.gpus) continue;
          next = { ...p, spec: { ...p.spec, nodeName } };
          free.set(nodeName, free.get(nodeName)! - before.gpus);
        } else if (before.holds) {
          next = { ...p, status: { phase: 'Succeeded' } };
          free.set(before.node, free.get(before.node)! + before.gpus);
        } else continue;
        pods.set(p.metadata.name, next);
        live.updatePod(`ns/${p.metadata.name}`, before, info(next));
      }
    }
    const fresh = new NodeGrid(DEFAULT_TOPOLOGY_KEYS);
    for (const n of nodes.values()) fresh.upsertNode(n);
    for (const p of pods.values()) fresh.updatePod(`ns/${p.metadata.name}`, undefined, info(p));
    expect(live.totals).toEqual(fresh.totals);
    expect(live.totals.used).toBeGreaterThan(0);
    expect(holdings(live.views())).toEqual(holdings(fresh.views()));
    expect(live.views().map((v) => v.name)).toEqual(fresh.views().map((v) => v.name));
    // Totals are the cells' own counts.
    const all = live.views().flatMap((v) => v.gpus);
    expect(live.totals).toEqual({ gpus: all.length, used: all.filter((g) => g.workload !== undefined).length, lent: all.filter((g) => g.lent).length });
  });
});
