import { describe, expect, it } from 'vitest';
import { nodeSpec } from '../../scheduler/cluster/node-spec.js';
import { ResourceFit } from '../../scheduler/plugins/resource-fit.js';
import { podSpec } from '../../scheduler/workload/pod.js';
import { loadOpenbDemo } from './openb-demo.js';
import { PodTimeline, type TimelineEvent } from './pod-timeline.js';

const S = 1e9;

describe('PodTimeline', () => {
  it('places arrivals, queues what does not fit, and retries it when a pod departs', () => {
    const events: TimelineEvent[] = [];
    const pod = (name: string, gpus: number) => podSpec({ name, cpuMilli: 1000, memoryMiB: 1024, gpuCount: gpus, gpuMilli: 1000 });
    const timeline = new PodTimeline({
      nodes: [nodeSpec({ name: 'n0', cpuMilli: 64_000, memoryMiB: 262_144, gpuCount: 4, gpuType: 'A100' })],
      pods: [
        { spec: pod('a', 3), arrivalNs: 0, runtimeNs: 10 * S },
        { spec: pod('b', 2), arrivalNs: 1 * S, runtimeNs: 5 * S },
        { spec: pod('c', 1), arrivalNs: 2 * S, runtimeNs: Infinity },
      ],
      plugins: () => [{ plugin: new ResourceFit(), weight: 1 }],
      onEvent: (e) => events.push(e),
    });
    timeline.advanceTo(3 * S);
    expect([timeline.runningPods, timeline.pendingPods]).toEqual([2, 1]); // a and c run, b waits
    timeline.advanceTo(100 * S);
    expect(events.map((e) => `${e.timeNs / S}s ${e.kind} ${e.pod}`)).toEqual([
      '0s placement a',
      '1s pending b',
      '2s placement c',
      '10s departure a',
      '10s placement b',
      '15s departure b',
    ]);
    expect(events[1]!.reason).toMatch(/Insufficient/);
    expect(timeline.finished).toBe(true);
    expect(timeline.runningPods).toBe(1);
  });

  it('rejects pods with impossible times', () => {
    const spec = podSpec({ name: 'x', cpuMilli: 1, memoryMiB: 1 });
    expect(
      () =>
        new PodTimeline({
          nodes: [nodeSpec({ name: 'n', cpuMilli: 10, memoryMiB: 10 })],
          pods: [{ spec, arrivalNs: -1, runtimeNs: 1 }],
          plugins: () => [],
        }),
    ).toThrow(/pod x: arrival must be >= 0/);
  });

  it('fills the openb demo cluster past saturation, deterministically for a seed', async () => {
    const a = await loadOpenbDemo({ seed: 3 });
    const b = await loadOpenbDemo({ seed: 3 });
    expect(a.pods.map((p) => p.spec.name)).toEqual(b.pods.map((p) => p.spec.name));
    expect(a.nodes).toHaveLength(76);
    expect(a.requestedShare).toBeGreaterThanOrEqual(1.2);
  });
});
