import { describe, expect, it } from 'vitest';
import { DEFAULT_EFFICIENCY, fineTuneStepTime, getGpu, getModel, makeFineTuneJob, nvlinkAlphaBetaCollectives, paramCounts } from '../../gpu-model/index.js';
import { Engine } from '../engine/index.js';
import { fabricCollectives } from './fabric-collectives.js';
import { checkpointTimeNs, FineTuneRun } from './finetune-run.js';

const gpu = getGpu('h100-sxm');
const model = getModel('llama-3-8b');

describe('fine-tuning job execution', () => {
  it('completion time = steps x step time + checkpoints x checkpoint time', () => {
    const job = makeFineTuneJob({ model, seqLen: 4096, microBatchSeqs: 1, globalBatchSeqs: 64, dp: 8, zeroStage: 1, recompute: true });
    const collectives = nvlinkAlphaBetaCollectives(gpu);
    const engine = new Engine();
    const run = new FineTuneRun(engine, 'ft', { job, gpu, collectives, efficiency: DEFAULT_EFFICIENCY, totalSteps: 10, checkpointEverySteps: 4, checkpointBytesPerSecPerGpu: 2e9 });
    let done = false;
    engine.scheduleAt(5e9, engine.register('start', () => { run.start(() => (done = true)); }));
    engine.runUntilIdle();
    const step = fineTuneStepTime(job, gpu, collectives, DEFAULT_EFFICIENCY).timeNs;
    // 14 bytes of state per parameter, sharded 8 ways by ZeRO-1, written at 2 GB/s per GPU.
    const checkpoint = ((paramCounts(model).total * 14) / 8 / 2e9) * 1e9;
    const p = run.progress;
    expect(done).toBe(true);
    expect(p.stepsDone).toBe(10);
    expect(p.checkpoints).toBe(2);
    expect(p.checkpointTimeNs).toBeCloseTo(checkpoint, 3);
    expect(p.finishNs - p.startNs).toBeCloseTo(10 * step + 2 * checkpoint, 0);
    expect(p.startNs).toBe(5e9);
  });

  it('data parallelism across servers pays the fabric: an oversubscribed spine slows the step', () => {
    const job = makeFineTuneJob({ model, seqLen: 2048, microBatchSeqs: 1, globalBatchSeqs: 32, dp: 32 });
    const step = (oversubscription: number) =>
      fineTuneStepTime(job, gpu, fabricCollectives({ gpu, nicGbps: 400, gpusPerLeaf: 16, oversubscription }), DEFAULT_EFFICIENCY);
    const nonBlocking = step(1);
    const oversubscribed = step(4);
    expect(oversubscribed.commTimeNs).toBeGreaterThan(3 * nonBlocking.commTimeNs);
    expect(oversubscribed.timeNs).toBeGreaterThan(nonBlocking.timeNs);
    // Ring all-reduce of the bf16 gradients over 32 GPUs: 2 x 31 steps + 2 x 31/32 x S / (NIC x 0.9).
    const gradientBytes = 2 * paramCounts(model).total;
    const closedForm = 62 * 5000 + ((2 * 31) / 32) * (gradientBytes / (50 * 0.9));
    expect(nonBlocking.commTimeNs).toBeCloseTo(closedForm, 0);
  });

  it('inside one server the fabric model is the NVLink model', () => {
    const inside = fabricCollectives({ gpu, nicGbps: 400, gpusPerLeaf: 16, oversubscription: 4 });
    expect(inside.allReduceTimeNs(1e8, 8)).toBe(nvlinkAlphaBetaCollectives(gpu).allReduceTimeNs(1e8, 8));
  });

  it('LoRA checkpoints only the adapters', () => {
    const full = makeFineTuneJob({ model, seqLen: 1024 });
    const lora = makeFineTuneJob({ model, seqLen: 1024, method: 'lora', loraRank: 16 });
    expect(checkpointTimeNs(lora, 1e9)).toBeLessThan(checkpointTimeNs(full, 1e9) / 100);
    expect(() => new FineTuneRun(new Engine(), 'x', { job: full, gpu, collectives: nvlinkAlphaBetaCollectives(gpu), efficiency: DEFAULT_EFFICIENCY, totalSteps: 0, checkpointEverySteps: 0, checkpointBytesPerSecPerGpu: 1 })).toThrow(/got 0/);
  });
});
