import { describe, expect, it } from 'vitest';
import { nodeSpec, planDeployment } from '../../scheduler/index.js';
import type { ValidModelDeployment } from '../model-deployment/validate.js';
import { catalogGpu } from './gpu-catalog.js';
import { crLoadProfile } from './load.js';
import { sizeDeployment } from './replica-plan.js';

const node = (name: string, gpuType: string, gpuCount: number) => nodeSpec({ name, gpuType, gpuCount, cpuMilli: 96_000, memoryMiB: 1_048_576 });
const valid = (over: Partial<ValidModelDeployment> = {}): ValidModelDeployment => ({
  kind: 'valid',
  minReplicas: 0,
  demand: { cpuMilli: 4000, memoryMiB: 32_768, priority: 0 },
  sloNs: { ttftP99: 300e6, tpotP99: 50e6 },
  load: { qps: 40, promptTokens: 1024, outputTokens: 256 },
  autoscaling: undefined,
  ...over,
});

describe('sizing a ModelDeployment with the planner', () => {
  it("maps node labels to catalog GPUs, including GPU feature discovery's product names", () => {
    expect(catalogGpu('h100-sxm')).toBe('h100-sxm');
    expect(catalogGpu('NVIDIA-H100-80GB-HBM3')).toBe('h100-sxm');
    expect(catalogGpu('NVIDIA-A100-SXM4-80GB')).toBe('a100-80g-sxm');
    expect(catalogGpu('tesla-t4')).toBeUndefined();
  });

  it("plans over the cluster's GPU types only, with tensor parallelism no wider than its nodes", async () => {
    // The cluster: A100 nodes of 8 and H100 nodes of 2 GPUs, labelled as GPU feature discovery does.
    const nodes = [node('a0', 'NVIDIA-A100-SXM4-80GB', 8), node('h0', 'NVIDIA-H100-80GB-HBM3', 2)];
    const relaxed = { sloNs: { ttftP99: 2e9, tpotP99: 100e6 }, load: { qps: 10, promptTokens: 1024, outputTokens: 256 } };
    const sized = await sizeDeployment(valid(relaxed), 'llama-3-70b', nodes);
    if (sized.kind !== 'sized') throw new Error(sized.message);
    const load = await crLoadProfile(relaxed.load);
    // The same screen over exactly the cluster's options: A100 up to tp 8, H100 up to tp 2; the cheaper.
    const screen = (gpu: string, tensorParallel: number[]) => planDeployment({ model: 'llama-3-70b', slo: { ttftP99Ns: 2e9, tpotP99Ns: 100e6 }, load, gpus: [gpu], tensorParallel }).chosen;
    const options = [screen('a100-80g-sxm', [1, 2, 4, 8]), screen('h100-sxm', [1, 2])].filter((c) => c !== undefined);
    const direct = { chosen: options.sort((a, b) => a.usdPerHour - b.usdPerHour)[0] };
    expect(sized.source).toBe('planner');
    expect(sized.engine).toEqual({ gpu: direct.chosen!.gpu, tp: direct.chosen!.tp, precision: direct.chosen!.precision });
    // A 70B model cannot run on 2 H100s in bf16 and tp 4/8 H100 replicas do not fit 2-GPU nodes:
    // whatever is chosen must fit a node of its type.
    expect(sized.engine!.gpu === 'h100-sxm' ? sized.engine!.tp <= 2 : sized.engine!.tp <= 8).toBe(true);
    expect(sized.demand).toMatchObject({ gpus: sized.engine!.tp, gpuType: sized.engine!.gpu === 'h100-sxm' ? 'NVIDIA-H100-80GB-HBM3' : 'NVIDIA-A100-SXM4-80GB' });
    expect(sized.replicas).toBe(direct.chosen!.replicas);
    expect(sized.message).toMatch(/^planner: .* tp\d+ (bf16|fp8) x\d+, \$[\d.]+\/h, predicted TTFT p99 [\d.]+ ms/);
  });

  it('narrows to spec.gpuType and gpusPerReplica, clamps the count to [min, max], keeps an explicit count', async () => {
    const nodes = [node('a0', 'a100-80g-sxm', 8), node('h0', 'h100-sxm', 8)];
    const narrowed = await sizeDeployment(valid({ demand: { cpuMilli: 0, memoryMiB: 0, gpuType: 'a100-80g-sxm' }, gpusPerReplica: 2 }), 'llama-3-8b', nodes);
    expect(narrowed).toMatchObject({ kind: 'sized', engine: { gpu: 'a100-80g-sxm', tp: 2 }, demand: { gpus: 2, gpuType: 'a100-80g-sxm' } });
    const floor = await sizeDeployment(valid({ minReplicas: 5 }), 'llama-3-8b', nodes);
    expect(floor).toMatchObject({ kind: 'sized', replicas: 5 });
    expect((floor as { message: string }).message).toContain('(clamped to 5)');
    const explicit = await sizeDeployment(valid({ replicas: 3 }), 'llama-3-8b', nodes);
    expect(explicit).toMatchObject({ kind: 'sized', source: 'planner', replicas: 3 });
  });

  it('an SLO nothing meets, an unknown GPU type or no GPU nodes: unsized with the reason, nothing invented', async () => {
    const nodes = [node('h0', 'h100-sxm', 8)];
    const tight = await sizeDeployment(valid({ sloNs: { ttftP99: 1e6 }, maxReplicas: 4 }), 'llama-3-70b', nodes);
    expect(tight).toMatchObject({ kind: 'unsized', reason: 'NoConfigurationMeetsSLO' });
    expect((tight as { message: string }).message).toMatch(/none meets the SLO at 40 req\/s within 4 replicas; nearest: h100-sxm tp\d/);
    expect(await sizeDeployment(valid({ demand: { cpuMilli: 0, memoryMiB: 0, gpuType: 'tpu-v5' } }), 'llama-3-8b', nodes)).toMatchObject({ kind: 'unsized', reason: 'UnknownGpuType' });
    expect(await sizeDeployment(valid(), 'llama-3-8b', [node('cpu', '', 0)])).toMatchObject({ kind: 'unsized', reason: 'NoGpuNodes' });
  });
});
