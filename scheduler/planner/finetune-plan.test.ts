import { describe, expect, it } from 'vitest';
import { WeftError } from '../../core/errors.js';
import { getGpu } from '../../gpu-model/index.js';
import { planFineTune, type FineTunePlanInput } from './finetune-plan.js';

const base: FineTunePlanInput = { model: 'llama-3-70b', method: 'lora', tokens: 2e9, minGpus: 8, maxGpus: 64, deadlineNs: 12 * 3600e9, gpu: 'h100-sxm' };

describe('planFineTune', () => {
  it('picks the cheapest layout that meets the deadline, every timed layout fitting memory', () => {
    const plan = planFineTune(base);
    const chosen = plan.chosen!;
    expect(chosen.meetsDeadline).toBe(true);
    expect(chosen.completionNs).toBeLessThanOrEqual(base.deadlineNs);
    for (const c of plan.candidates) {
      expect(c.memoryBytesPerGpu).toBeLessThanOrEqual(getGpu('h100-sxm').hbmBytes * 0.9);
      expect(c.dp * c.tp * c.pp).toBe(c.gpus);
      if (c.meetsDeadline) expect(c.usd).toBeGreaterThanOrEqual(chosen.usd);
    }
    // More GPUs finish sooner.
    const byGpus = [...plan.candidates].sort((a, b) => a.gpus - b.gpus);
    for (let i = 1; i < byGpus.length; i++) expect(byGpus[i]!.completionNs).toBeLessThan(byGpus[i - 1]!.completionNs);
    expect(plan.rejectedForMemory).toBeGreaterThan(0);
  });

  it('needs sharded states for full fine-tuning of a 70B model, and finds none on one server', () => {
    const one = planFineTune({ ...base, method: 'full', minGpus: 1, maxGpus: 8 });
    expect(one.candidates).toEqual([]);
    const many = planFineTune({ ...base, method: 'full', minGpus: 32, maxGpus: 64, deadlineNs: 1e18 });
    expect(many.chosen).toBeDefined();
    expect(many.chosen!.zeroStage + (many.chosen!.tp > 1 ? 1 : 0) + (many.chosen!.pp > 1 ? 1 : 0)).toBeGreaterThan(0);
  });

  it('slows down when the data-parallel rings must cross an oversubscribed fabric (64 GPUs, 4 per leaf)', () => {
    const flat = planFineTune({ ...base, method: 'full', model: 'llama-3-8b', minGpus: 64, maxGpus: 64, gpusPerLeaf: 4, deadlineNs: 1e18 }).chosen!;
    const over = planFineTune({ ...base, method: 'full', model: 'llama-3-8b', minGpus: 64, maxGpus: 64, gpusPerLeaf: 4, oversubscription: 4, deadlineNs: 1e18 }).chosen!;
    expect(over.completionNs).toBeGreaterThan(flat.completionNs);
    expect(over.commFraction).toBeGreaterThan(flat.commFraction);
  });

  it('rejects bad input', () => {
    expect(() => planFineTune({ ...base, minGpus: 64, maxGpus: 8 })).toThrow(WeftError);
    expect(() => planFineTune({ ...base, tokens: 0 })).toThrow(/tokens/);
    expect(() => planFineTune({ ...base, model: 'gpt-9' })).toThrow(WeftError);
  });
});
