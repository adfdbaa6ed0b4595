import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { ClusterSpecSchema } from '../../../../fabric-sim/cluster/spec.js';
import { prepareClusterDay, runClusterDay } from '../../../../scheduler/day/cluster-day.js';
import type { ClusterDayInput } from '../../../../scheduler/day/day-input.js';
import { DEFAULT_FINE_TUNE, defaultDeployments } from '../../../../scheduler/day/default-day.js';
import { loadSampleLengths } from '../../../../scheduler/day/sample-lengths.js';
import { Dashboard } from '../../app/dashboard.js';
import { DaySource } from './day-source.js';


const SMALL = ClusterSpecSchema.parse({
  name: 'small-rail',
  servers: [{ count: 4, gpuType: 'h100', gpusPerServer: 8, nvlink: { bandwidthGbps: 3600 } }],
  topology: { kind: 'rail-optimized', spines: 2 },
  switch: 'weft-ai',
  linkSpeedGbps: 400,
});

describe('DaySource (weft demo --ui)', () => {
  it('runs the elastic day in bounded slices to the report\'s records and lends, showing lent GPUs on the grid', { timeout: 300_000 }, async () => {
    const input: ClusterDayInput = {
      cluster: SMALL,
      deployments: defaultDeployments(await loadSampleLengths('azure2023/AzureLLMInferenceTrace_conv.csv.gz'), await loadSampleLengths('azure2023/AzureLLMInferenceTrace_code.csv.gz'), 0.3),
      fineTune: DEFAULT_FINE_TUNE,
      dayNs: 12 * 60e9,
      minLendGpus: 2,
      scaleDownDelayNs: 30e9,
      policies: ['elastic-lending'],
      fabricHotSpots: false,
      seed: 2,
    };
    const source = new DaySource(prepareClusterDay(input), { maxEventsPerSlice: 20_000 });
    let sawLent = false;
    let slices = 0;
    // 100 ms of wall time at 40x: four simulated seconds a slice.
    while (source.advance(100, 40)) {
      slices++;
      const snap = source.snapshot();
      const lentCells = snap.nodes.flatMap((n) => n.gpus).filter((g) => g.lent).length;
      if (lentCells > 0) sawLent = true;
      const job = snap.workloads.find((w) => w.kind === 'finetune')!;
      expect(snap.totals.used).toBeLessThanOrEqual(snap.totals.gpus);
      expect(job.gpus).toBe(snap.nodes.flatMap((n) => n.gpus).filter((g) => g.workload === DEFAULT_FINE_TUNE.name).length);
    }
    expect(slices).toBeGreaterThan(50);
    expect(sawLent).toBe(true);
    // The same day as the report computes it (whole runs): same served requests and lends.
    const whole = await runClusterDay(input);
    const snap = source.snapshot();
    for (const [i, d] of whole.deployments.entries()) {
      const elastic = d.policies[0]!;
      expect(source.simulations[i]!.records).toEqual(elastic.result.records);
      const live = snap.workloads.find((w) => w.name === d.spec.name)!;
      expect(live.kind).toBe('deployment');
      expect(snap.events.filter((e) => (e.kind === 'lend' || e.kind === 'reclaim') && e.message.startsWith(`${d.spec.name} `)).map((e) => `${e.kind}@${e.timeNs}`)).toEqual(
        elastic.lending.map((a) => `${a.kind}@${a.timeNs}`),
      );
    }
    expect(snap.events.at(-1)!.message).toMatch(/the day is over/);

    // And it renders: the grid, the workloads with the job, the header's title.
    const ui = render(<Dashboard source={new DaySource(prepareClusterDay(input))} fps={20} initialSpeed={40} />);
    await new Promise((resolve) => setTimeout(resolve, 600));
    const frame = ui.lastFrame() ?? '';
    expect(frame).toContain('small-rail');
    ui.unmount();
  });
});
