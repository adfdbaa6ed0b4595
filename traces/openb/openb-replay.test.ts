import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClusterState } from '../../scheduler/cluster/cluster-state.js';
import { TargetWorkload } from '../../scheduler/fgd/target-workload.js';
import type { WeightedPlugin } from '../../scheduler/framework/framework.js';
import { BestFit } from '../../scheduler/plugins/best-fit.js';
import { FragmentationGradient } from '../../scheduler/plugins/fgd.js';
import { GpuType } from '../../scheduler/plugins/gpu-type.js';
import { NodeUnschedulable } from '../../scheduler/plugins/node-unschedulable.js';
import { RandomScore } from '../../scheduler/plugins/random-score.js';
import { ResourceFit } from '../../scheduler/plugins/resource-fit.js';
import { inflate, type InflatePoint } from '../../scheduler/replay/inflate.js';
import { readOpenbNodes, readOpenbPods } from './openb.js';

const samples = join(import.meta.dirname, '..', 'samples', 'openb');

describe('openb inflation replay (FGD paper, section 6)', () => {
  it('FGD allocates more GPUs than best-fit and random at 100% arrived workload, and fragments less', async () => {
    const nodes = await readOpenbNodes(join(samples, 'openb_node_list_all_node.csv.gz'));
    const pods = (await readOpenbPods(join(samples, 'openb_pod_list_default.csv.gz'))).map((p) => p.spec);
    const workload = TargetWorkload.fromPods(pods);
    const filters = (): WeightedPlugin[] => [
      { plugin: new NodeUnschedulable(), weight: 1 },
      { plugin: new GpuType(), weight: 1 },
      { plugin: new ResourceFit(), weight: 1 },
    ];
    const policies: Record<string, (c: ClusterState) => WeightedPlugin[]> = {
      FGD: () => [...filters(), { plugin: new FragmentationGradient(workload), weight: 1 }],
      BestFit: (c) => [...filters(), { plugin: new BestFit(c), weight: 1 }],
      Random: () => [...filters(), { plugin: new RandomScore(1), weight: 1 }],
    };
    const at = (curve: readonly InflatePoint[], share: number): InflatePoint => curve.find((p) => Math.abs(p.arrivedShare - share) < 1e-6)!;
    const results: Record<string, InflatePoint[]> = {};
    for (const [name, plugins] of Object.entries(policies)) {
      const started = performance.now();
      results[name] = inflate({ nodes, pods, workload, seed: 42, maxArrivedShare: 1.0, step: 0.1, plugins });
      const point = at(results[name], 1.0);
      console.log(
        `openb ${name.padEnd(8)} at 100% arrived: GPU allocation ${(100 * point.allocationRatio).toFixed(1)}%, ` +
          `fragmentation ${(100 * point.fragmentationRatio).toFixed(1)}%, failed pods ${point.failedPods}/${point.arrivedPods} ` +
          `(${(performance.now() - started).toFixed(0)} ms)`,
      );
    }
    const fgd = at(results.FGD!, 1.0);
    const bestFit = at(results.BestFit!, 1.0);
    const random = at(results.Random!, 1.0);
    expect(fgd.allocationRatio).toBeGreaterThan(bestFit.allocationRatio);
    expect(fgd.allocationRatio).toBeGreaterThan(random.allocationRatio);
    expect(fgd.fragmentationRatio).toBeLessThan(bestFit.fragmentationRatio);
    // Below saturation every policy places nearly everything.
    expect(at(results.FGD!, 0.5).allocationRatio).toBeGreaterThan(0.49);
  });
});
