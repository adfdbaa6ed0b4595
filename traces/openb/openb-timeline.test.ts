import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BestFit } from '../../scheduler/plugins/best-fit.js';
import { GpuType } from '../../scheduler/plugins/gpu-type.js';
import { ResourceFit } from '../../scheduler/plugins/resource-fit.js';
import { timeline } from '../../scheduler/replay/timeline.js';
import { readOpenbNodes, readOpenbPods } from './openb.js';

const samples = join(import.meta.dirname, '..', 'samples', 'openb');

describe('openb timeline replay', () => {
  it('replays creation and deletion times: pods finish, and this sparse trace never queues', async () => {
    const nodes = await readOpenbNodes(join(samples, 'openb_node_list_all_node.csv.gz'));
    const pods = (await readOpenbPods(join(samples, 'openb_pod_list_default.csv.gz'))).map((p) => ({
      spec: p.spec,
      arrivalNs: p.creationTime * 1e9,
      runtimeNs: Math.max(0, p.deletionTime - p.creationTime) * 1e9,
    }));
    const result = timeline({
      nodes, pods, sampleEveryNs: 86_400e9,
      plugins: (c) => [{ plugin: new GpuType(), weight: 1 }, { plugin: new ResourceFit(), weight: 1 }, { plugin: new BestFit(c), weight: 1 }],
    });
    const peak = Math.max(...result.samples.map((s) => s.allocationRatio));
    console.log(`openb timeline: ${result.queueingDelaysNs.length} pods started, peak daily-sampled GPU allocation ${(100 * peak).toFixed(1)}%`);
    expect(result.queueingDelaysNs).toHaveLength(pods.length);
    expect(result.neverScheduled).toBe(0);
    expect(result.samples.at(-1)!.running).toBe(0);
  });
});
