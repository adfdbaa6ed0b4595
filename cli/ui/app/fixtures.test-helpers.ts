import type { DashboardSource } from '../model/source.js';
import type { DashboardSnapshot } from '../model/snapshot.js';

/** A literal snapshot for view tests: 3 nodes, 3 workloads, 3 links. */
export function fixtureSnapshot(timeNs = 1.5e9): DashboardSnapshot {
  const cell = (workload: string | undefined, allocated: number, lent = false, priority = 0) =>
    workload === undefined ? { allocated: 0, lent: false } : { workload, allocated, lent, priority };
  return {
    timeNs,
    speed: 1,
    paused: false,
    totals: { gpus: 24, used: 13, lent: 2, free: 11 },
    sloAttainment: 0.973,
    nodes: [
      { name: 'node-a', gpuType: 'h100', location: 'leaf0', gpus: [cell('llama-serve', 1), cell('llama-serve', 1), cell('llama-serve', 1), cell('llama-serve', 1), cell('lora-job', 1, true, -1), cell('lora-job', 1, true, -1), cell(undefined, 0), cell(undefined, 0)] },
      { name: 'node-b', gpuType: 'h100', location: 'leaf1', gpus: [cell('qwen-serve', 1), cell('qwen-serve', 1), cell('notebook', 0.5), cell(undefined, 0), cell(undefined, 0), cell(undefined, 0), cell(undefined, 0), cell(undefined, 0)] },
      { name: 'node-c', gpuType: 'a100', location: 'leaf1', gpus: [cell('lora-job', 1, false, -1), cell('lora-job', 1, false, -1), cell('lora-job', 1, false, -1), cell('lora-job', 1, false, -1), cell(undefined, 0), cell(undefined, 0), cell(undefined, 0), cell(undefined, 0)] },
    ],
    workloads: [
      { name: 'llama-serve', kind: 'deployment', replicas: 2, gpus: 4, state: 'Running', ttftP99Ms: 212, ttftTargetMs: 300, tpotP99Ms: 41, tpotTargetMs: 50 },
      { name: 'qwen-serve', kind: 'deployment', replicas: 1, gpus: 2, state: 'Running', ttftP99Ms: 480, ttftTargetMs: 300, tpotP99Ms: 38, tpotTargetMs: 50 },
      { name: 'lora-job', kind: 'finetune', replicas: 6, gpus: 6, state: 'Training', progress: 0.42 },
    ],
    links: [
      { name: 'leaf0-spine0', tier: 'leaf-spine', utilization: 0.91, pfcPauses: 12, ecnMarks: 340 },
      { name: 'leaf1-spine0', tier: 'leaf-spine', utilization: 0.35, pfcPauses: 0, ecnMarks: 4 },
      { name: 'leaf1-spine1', tier: 'leaf-spine', utilization: 0.62, pfcPauses: 1, ecnMarks: 50 },
    ],
    events: [
      { timeNs: 1e8, kind: 'placement', message: 'llama-serve replica 0 on node-a gpus 0-3' },
      { timeNs: 9e8, kind: 'lend', message: 'node-a gpus 4-5 lent to lora-job' },
      { timeNs: 1.4e9, kind: 'violation', message: 'qwen-serve TTFT p99 480 ms > 300 ms' },
    ],
    sloSeries: [{ name: 'qwen-serve ttft', unit: 'ms', target: 300, values: [120, 180, 260, 320, 480] }],
  };
}

/** A source whose clock advances by wall time x speed, recording its calls. */
export class FixtureSource implements DashboardSource {
  timeNs = 1.5e9;
  advances = 0;
  endAfter = Infinity;

  snapshot(): DashboardSnapshot {
    return fixtureSnapshot(this.timeNs);
  }

  advance(wallMs: number, speed: number): boolean {
    this.advances++;
    this.timeNs += wallMs * 1e6 * speed;
    return this.advances < this.endAfter;
  }
}
