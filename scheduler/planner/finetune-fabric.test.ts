import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER } from '../../fabric-sim/cluster/spec.js';
import { nodesFromClusterSpec } from '../cluster/from-cluster-spec.js';
import { checkStepOnFabric } from './finetune-fabric.js';
import { planFineTune, type FineTunePlanInput } from './finetune-plan.js';
import { placeGang } from './place.js';

describe('a fine-tuning step checked on the fabric', () => {
  it('times the data-parallel collectives on the placed GPUs; packet, flow and analytic agree on an uncongested fabric', { timeout: 120_000 }, () => {
    const input: FineTunePlanInput = { model: 'llama-3-8b', method: 'lora', tokens: 1e9, minGpus: 16, maxGpus: 16, deadlineNs: 6 * 3600e9, gpu: 'h100-sxm', gpusPerServer: 8 };
    const chosen = planFineTune(input).chosen!;
    expect(chosen.dp).toBe(16);
    const placement = placeGang(nodesFromClusterSpec(DEFAULT_CLUSTER), { name: 'lora', workers: 2, gpusPerWorker: 8, gpuType: 'h100' });
    const gpuIds = placement.placed.flatMap((p) => p.gpus.map((g) => `${p.node}/gpu${g}`));
    const at = (fidelity: 'packet' | 'flow' | 'analytic') => checkStepOnFabric(DEFAULT_CLUSTER, input, chosen, gpuIds, fidelity, { seed: 1 });
    const packet = at('packet');
    const flow = at('flow');
    const analytic = at('analytic');
    expect(packet.collectives.map((c) => c.kind)).toEqual(['reduce-scatter', 'all-gather']);
    for (const [i, c] of packet.collectives.entries()) {
      expect(c.groups).toBe(1);
      expect(c.ranks).toBe(16);
      expect(Math.abs(flow.collectives[i]!.simulatedNs / c.simulatedNs - 1)).toBeLessThan(0.05);
      expect(Math.abs(analytic.collectives[i]!.simulatedNs / c.simulatedNs - 1)).toBeLessThan(0.1);
    }
    // The step keeps the planner's compute and swaps in the simulated collectives.
    const delta = packet.collectives.reduce((s, c) => s + c.count * (c.simulatedNs - c.modelNs), 0);
    expect(packet.simulatedStepNs - packet.modelStepNs).toBeCloseTo(delta, 0);
    expect(packet.simulatedCompletionNs - packet.modelCompletionNs).toBeCloseTo(chosen.steps * delta, -3);
    expect(packet.meetsDeadline).toBe(true);
    expect(packet.events).toBeGreaterThan(0);
    expect(() => checkStepOnFabric(DEFAULT_CLUSTER, input, chosen, gpuIds.slice(1), 'flow', { seed: 1 })).toThrow(/15 GPUs given for a 16-GPU layout/);
  });
});
