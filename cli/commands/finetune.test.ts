import { describe, expect, it } from 'vitest';
import { cli } from '../testing/cli-harness.js';
import { parseGpuRange, parseTokenCount } from './finetune.js';

describe('weft finetune', () => {
  it('plans a LoRA job against its deadline and gang-places its workers (exit 0)', async () => {
    const { code, out } = await cli(['finetune', 'llama-3-70b', '--method', 'lora', '--tokens', '2B', '--gpus', '8..32', '--deadline', '12h', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(out) as { chosen: { gpus: number; completionNs: number }; placement: { placed: { node: string }[] } };
    expect(result.chosen.completionNs).toBeLessThanOrEqual(12 * 3600e9);
    expect(result.placement.placed).toHaveLength(result.chosen.gpus / 8);
    expect(new Set(result.placement.placed.map((p) => p.node)).size).toBe(result.chosen.gpus / 8);
  });

  it('exits 3 when no layout meets the deadline', async () => {
    const { code, out } = await cli(['finetune', 'llama-3-70b', '--tokens', '2B', '--gpus', '8..16', '--deadline', '1h']);
    expect(code).toBe(3);
    expect(out).toMatch(/no plan: no layout meets the deadline; fastest 16 GPUs would take [\d.]+ h/);
  });

  it('rejects malformed flags with one line and exit 2', async () => {
    for (const args of [
      ['finetune', 'llama-3-8b', '--tokens', 'lots', '--gpus', '8', '--deadline', '1h'],
      ['finetune', 'llama-3-8b', '--tokens', '1B', '--gpus', '64..8', '--deadline', '1h'],
      ['finetune', 'llama-3-8b', '--tokens', '1B', '--gpus', '8', '--deadline', '12'],
      ['finetune', 'llama-3-8b', '--method', 'qlora', '--tokens', '1B', '--gpus', '8', '--deadline', '1h'],
      ['finetune', 'llama-3-8b', '--tokens', '1B', '--gpus', '8', '--deadline', '1h', '--fidelity', 'exact'],
    ]) {
      const { code, err } = await cli(args);
      expect(code).toBe(2);
      expect(err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('--fidelity times the data-parallel collectives through the fabric on the placed GPUs', { timeout: 60_000 }, async () => {
    const { code, out } = await cli(['finetune', 'llama-3-8b', '--tokens', '1B', '--gpus', '16', '--deadline', '6h', '--fidelity', 'flow', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(out) as { fabric: { fidelity: string; collectives: { ranks: number; simulatedNs: number }[]; meetsDeadline: boolean } };
    expect(result.fabric.fidelity).toBe('flow');
    expect(result.fabric.collectives.every((c) => c.ranks === 16 && c.simulatedNs > 0)).toBe(true);
    expect(result.fabric.meetsDeadline).toBe(true);
  });

  it('reads token counts and GPU ranges', () => {
    expect(parseTokenCount('2B', 't')).toBe(2e9);
    expect(parseTokenCount('500M', 't')).toBe(5e8);
    expect(parseTokenCount('1e9', 't')).toBe(1e9);
    expect(parseGpuRange('8..64', 'g')).toEqual([8, 64]);
    expect(parseGpuRange('16', 'g')).toEqual([16, 16]);
  });
});
