import { describe, expect, it } from 'vitest';
import { ElasticJobRun } from './job-progress.js';
import type { LentJobSpec } from './lending-run.js';

const S = 1e9;
/** Step time 2 s at any width, checkpoint every 5 steps taking 1 s, restart 4 s. */
const SPEC: LentJobSpec = { name: 'j', priority: 0, gpusPerWorker: 1, minWorkers: 1, maxWorkers: 8, stepTimeNs: () => 2 * S, checkpointEverySteps: 5, checkpointNs: 1 * S, restartNs: 4 * S };

describe('ElasticJobRun', () => {
  it('matches the closed form for a constant worker count', () => {
    const run = new ElasticJobRun(SPEC);
    run.setWorkers(0, 2);
    // After the 4 s start-up, each 11 s cycle is 5 steps and a checkpoint: 100 s = 4 + 8 x 11 + 8 -> 40 + 4 steps.
    const p = run.progress(100 * S);
    expect(p.stepsDone).toBe(44);
    expect(p.checkpoints).toBe(8);
    expect(p.lastCheckpointNs).toBe(92 * S);
    expect(p.heldGpuNs).toBe(200 * S);
    expect(p.stepsLost).toBe(0);
  });

  it('loses the steps since the last checkpoint on a change, with their GPU-time', () => {
    const run = new ElasticJobRun(SPEC);
    run.setWorkers(0, 2);
    run.setWorkers(21 * S, 4); // 15 s cycle done at 15 s; 3 steps since: lost
    const p = run.progress(21 * S);
    expect(p.stepsDone).toBe(5);
    expect(p.stepsLost).toBeCloseTo(3, 9);
    expect(p.lostGpuNs).toBeCloseTo(3 * 2 * S * 2, 0);
    expect(p.restarts).toBe(1);
  });

  it('with checkpoint on change keeps whole steps and loses only the step in progress', () => {
    const run = new ElasticJobRun({ ...SPEC, checkpointOnChange: true });
    run.setWorkers(0, 2);
    run.setWorkers(22 * S, 4); // 3.5 steps since the checkpoint at 15 s: 3 saved, 0.5 lost
    const p = run.progress(22 * S);
    expect(p.stepsDone).toBe(8);
    expect(p.stepsLost).toBeCloseTo(0.5, 9);
    expect(p.checkpoints).toBe(2);
    // The saved checkpoint and the restart pause the job: 22 + 1 + 4 = 27 s, then 2 s steps.
    expect(run.progress(27 * S).stepsDone).toBe(8);
    expect(run.progress(29 * S).stepsDone).toBe(9);
  });

  it('rejects time going back and bad worker counts', () => {
    const run = new ElasticJobRun(SPEC);
    run.advanceTo(10 * S);
    expect(() => { run.advanceTo(5 * S); }).toThrow(RangeError);
    expect(() => { run.setWorkers(11 * S, -1); }).toThrow(RangeError);
  });
});
