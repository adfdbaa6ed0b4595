import { describe, expect, it } from 'vitest';
import { designCostPerHourUsd, type PointResult } from './evaluate-point.js';
import { judge, recommend } from './recommend.js';
import { designPoints, parseInlineSweep, SweepSpecSchema } from './sweep-spec.js';

const spec = SweepSpecSchema.parse({ base: { gpusPerServer: 8, hostsPerLeaf: 32 }, sweep: { gpus: '64..128:64', gpuType: ['h100'], oversubscription: [1, 4], policy: ['best-fit', 'fgd'] }, targets: { jctP99S: 1000 } });

const result = (design: string, costPerHourUsd: number, jctP99S: number, unfinished = 0): PointResult => ({
  design, gpus: 64, gpuType: 'h100', oversubscription: 1, policy: 'p', costPerHourUsd, jctMeanS: jctP99S / 2, jctP50S: 0, jctP99S, multiServerJctMeanS: 0,
  queueMeanS: 0, queueP99S: 0, utilisationMean: 0, fragmentationMean: 0, preemptions: 0, finished: 10, unfinished, makespanS: 0,
  inferenceAttainment: null, inferenceMeetingSlo: null,
});

describe('capacity-planning sweep', () => {
  it('expands designs in a fixed order', () => {
    expect(designPoints(spec).map((p) => p.name)).toEqual([
      '64xh100-1to1-best-fit', '64xh100-1to1-fgd', '64xh100-4to1-best-fit', '64xh100-4to1-fgd',
      '128xh100-1to1-best-fit', '128xh100-1to1-fgd', '128xh100-4to1-best-fit', '128xh100-4to1-fgd',
    ]);
    expect(parseInlineSweep('gpus=64..128:64,gpuType=[h100, a100],oversub=[1,4]')).toEqual({ sweep: { gpus: '64..128:64', gpuType: ['h100', 'a100'], oversubscription: [1, 4] } });
  });

  it('costs GPUs at the catalog price plus leaf uplinks', () => {
    const [one, , four] = designPoints(spec);
    // 64 H100 at $2.5/h; two leaves of 32 NICs: 2 x 32 uplinks at 1:1, 2 x 8 at 4:1, $0.06/h each.
    expect(designCostPerHourUsd(spec, one!)).toBeCloseTo(64 * 2.5 + 64 * 0.06, 9);
    expect(designCostPerHourUsd(spec, four!)).toBeCloseTo(64 * 2.5 + 16 * 0.06, 9);
    const oneLeaf = { ...one!, gpus: 32 };
    expect(designCostPerHourUsd(spec, oneLeaf)).toBeCloseTo(32 * 2.5, 9);
  });

  it('marks the Pareto front among complete designs and recommends the cheapest that meets the targets', () => {
    const judged = judge(spec, [result('a', 100, 900), result('b', 80, 1200), result('c', 120, 800), result('d', 110, 950), result('e', 50, 100, 3)]);
    expect(judged.map((p) => [p.design, p.meetsTargets, p.onFront])).toEqual([
      ['a', true, true], ['b', false, true], ['c', true, true], ['d', true, false], ['e', false, false],
    ]);
    expect(judged[4]!.misses).toBe('3 jobs never ran');
    expect(recommend(judged)?.design).toBe('a');
    expect(recommend(judged.filter((p) => !p.meetsTargets))).toBeUndefined();
  });
});
