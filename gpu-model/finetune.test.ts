import { describe, expect, it } from 'vitest';
import { WeftError } from '../core/errors.js';
import { nvlinkAlphaBetaCollectives } from './collectives.js';
import { DEFAULT_EFFICIENCY } from './efficiency.js';
import { fineTuneFlops, loraParams, matmulParamsPerToken } from './finetune-flops.js';
import { makeFineTuneJob } from './finetune-job.js';
import { fineTuneMemoryPerGpu } from './finetune-memory.js';
import { fineTuneCollectives, fineTuneStepTime } from './finetune-step.js';
import { getGpu } from './gpu-catalog.js';
import { getModel } from './model-catalog.js';
import { paramCounts } from './model-params.js';

const llama8b = getModel('llama-3-8b');

describe('fine-tuning FLOPs', () => {
  it('full fine-tuning is 6 x params x tokens plus the attention term', () => {
    const job = makeFineTuneJob({ model: llama8b, seqLen: 1 });
    const n = matmulParamsPerToken(llama8b);
    // At seqLen 1 attention is one pair per layer: negligible.
    expect(fineTuneFlops(job).flopsPerToken / (6 * n)).toBeCloseTo(1, 3);
    // N is the total minus the embedding lookup and norms: ~7.5B for Llama-3-8B.
    expect(n / 1e9).toBeCloseTo(7.5, 1);
  });

  it('full recomputation adds one forward: 8N', () => {
    const job = makeFineTuneJob({ model: llama8b, seqLen: 1, recompute: true });
    expect(fineTuneFlops(job).flopsPerToken / (8 * matmulParamsPerToken(llama8b))).toBeCloseTo(1, 3);
  });

  it('LoRA costs about 2/3 of full fine-tuning (no weight gradients for the frozen base)', () => {
    const full = fineTuneFlops(makeFineTuneJob({ model: llama8b, seqLen: 4096 })).flopsPerToken;
    const lora = fineTuneFlops(makeFineTuneJob({ model: llama8b, seqLen: 4096, method: 'lora' })).flopsPerToken;
    expect(lora / full).toBeGreaterThan(0.66);
    expect(lora / full).toBeLessThan(0.72); // attention keeps its full backward
  });

  it('LoRA parameter counts match Hugging Face PEFT for Llama-3-8B at r=16', () => {
    // PEFT prints "trainable params: 13,631,488" for q,k,v,o and 41,943,040 for all linear layers.
    expect(loraParams(llama8b, 16, 'attention')).toBe(13_631_488);
    expect(loraParams(llama8b, 16, 'all-linear')).toBe(41_943_040);
  });

  it('MoE: full fine-tuning FLOPs follow active, not total, parameters', () => {
    const mixtral = getModel('mixtral-8x7b');
    const flops = fineTuneFlops(makeFineTuneJob({ model: mixtral, seqLen: 1 })).flopsPerToken;
    expect(flops / (6 * paramCounts(mixtral).active)).toBeGreaterThan(0.97);
    expect(flops / (6 * paramCounts(mixtral).active)).toBeLessThan(1);
  });
});

describe('fine-tuning memory per GPU', () => {
  const psi = paramCounts(llama8b).total;
  const states = (zeroStage: 0 | 1 | 2 | 3): number => {
    const m = fineTuneMemoryPerGpu(makeFineTuneJob({ model: llama8b, seqLen: 1024, dp: 8, globalBatchSeqs: 8, zeroStage }));
    return m.weightsBytes + m.gradientsBytes + m.optimizerBytes;
  };

  it('model states follow the ZeRO paper: 16 psi, 4 psi + 12 psi/Nd, 2 psi + 14 psi/Nd, 16 psi/Nd', () => {
    expect(states(0)).toBeCloseTo(16 * psi, -3);
    expect(states(1)).toBeCloseTo(4 * psi + (12 * psi) / 8, -3);
    expect(states(2)).toBeCloseTo(2 * psi + (14 * psi) / 8, -3);
    expect(states(3)).toBeCloseTo((16 * psi) / 8, -3);
  });

  it('LoRA keeps the frozen base in its own precision (QLoRA: int4) and tiny adapter states', () => {
    const lora = fineTuneMemoryPerGpu(makeFineTuneJob({ model: llama8b, seqLen: 1024, method: 'lora' }));
    const qlora = fineTuneMemoryPerGpu(makeFineTuneJob({ model: llama8b, seqLen: 1024, method: 'lora', baseWeightPrecision: 'int4' }));
    expect(lora.weightsBytes / 1e9).toBeCloseTo(16.1, 1);
    expect(qlora.weightsBytes / lora.weightsBytes).toBeLessThan(0.27);
    expect(lora.optimizerBytes).toBeCloseTo(12 * 13_631_488, -1);
  });

  it('activation recomputation and tensor parallelism cut activation memory', () => {
    const base = { model: llama8b, seqLen: 4096, microBatchSeqs: 2 } as const;
    const plain = fineTuneMemoryPerGpu(makeFineTuneJob(base)).activationsBytes;
    const recompute = fineTuneMemoryPerGpu(makeFineTuneJob({ ...base, recompute: true })).activationsBytes;
    const tp4 = fineTuneMemoryPerGpu(makeFineTuneJob({ ...base, tp: 4 })).activationsBytes;
    // Llama-3-8B stores ~84k elements per token per layer: 2 x 4096 x 2 x 84k x 32 ~= 44 GB.
    expect(plain / 1e9).toBeGreaterThan(40);
    expect(plain / 1e9).toBeLessThan(48);
    expect(recompute).toBeLessThan(plain / 10);
    expect(tp4).toBeCloseTo(plain / 4, -3);
  });

  it('rejects inconsistent jobs with the field and the expected value', () => {
    expect(() => makeFineTuneJob({ model: llama8b, seqLen: 1024, dp: 4, globalBatchSeqs: 6 })).toThrow(WeftError);
    expect(() => makeFineTuneJob({ model: llama8b, seqLen: 0 })).toThrow(/seqLen/);
  });
});

describe('fine-tuning communication and step time', () => {
  const h100 = getGpu('h100-sxm');
  const pureBandwidth = nvlinkAlphaBetaCollectives(h100, { launchNs: 0, stepNs: 0 });

  it('ZeRO-3 moves 1.5x the data-parallel volume of ZeRO-0 per micro-batch', () => {
    const comm = (zeroStage: 0 | 3): number => {
      const job = makeFineTuneJob({ model: llama8b, seqLen: 1024, dp: 8, globalBatchSeqs: 8, zeroStage });
      return fineTuneStepTime(job, h100, pureBandwidth, DEFAULT_EFFICIENCY).commTimeNs;
    };
    expect(comm(3) / comm(0)).toBeCloseTo(1.5, 6);
  });

  it('lists tensor-parallel all-reduces (4 per layer per micro-batch) and pipeline sends', () => {
    const job = makeFineTuneJob({ model: llama8b, seqLen: 1024, tp: 2, pp: 2, globalBatchSeqs: 4 });
    const list = fineTuneCollectives(job);
    const tp = list.find((c) => c.group === 'tp');
    expect(tp?.count).toBe(4 * 16 * 4);
    expect(list.find((c) => c.group === 'pp')?.count).toBe(2 * 4);
  });

  it('Llama-3-8B full fine-tuning on 8 x H100 lands at a plausible MFU', () => {
    const job = makeFineTuneJob({ model: llama8b, seqLen: 8192, dp: 8, microBatchSeqs: 1, globalBatchSeqs: 128, zeroStage: 1 });
    const t = fineTuneStepTime(job, h100, nvlinkAlphaBetaCollectives(h100), DEFAULT_EFFICIENCY);
    expect(t.mfu).toBeGreaterThan(0.4);
    expect(t.mfu).toBeLessThan(DEFAULT_EFFICIENCY.matmulEfficiency);
  });
});
