import { describe, expect, it } from 'vitest';
import { getGpu, getModel, makeDeployment } from '../../gpu-model/index.js';
import type { ServingControlView } from './controller.js';
import { simulateServing } from './serving-sim.js';

const deployment = makeDeployment({ model: getModel('llama-3-8b'), gpu: getGpu('h100-sxm') });
const S = 1e9;

/** One request every 100 ms for 60 s. */
const requests = Array.from({ length: 600 }, (_, i) => ({ arrivalNs: i * 0.1 * S, promptTokens: 500, outputTokens: 50 }));

describe('serving controller hook', () => {
  it('starts replicas that serve only after the model load, drains on scale-down, and loses no request', async () => {
    const views: ServingControlView[] = [];
    // 1 replica, 3 from t = 10 s (ready at 15 s), back to 1 at t = 40 s.
    const controller = {
      periodNs: 1 * S,
      replicaStartNs: 5 * S,
      desiredReplicas(view: ServingControlView): number {
        views.push(view);
        return view.nowNs >= 10 * S && view.nowNs < 40 * S ? 3 : 1;
      },
    };
    const result = await simulateServing(requests, { deployment, replicas: 1, routing: 'round-robin' }, { controller });
    expect(result.summary.requests).toBe(600);
    const at = (t: number) => result.replicaTimeline.find((s) => s.timeNs === t * S)!;
    expect(at(9)).toMatchObject({ ready: 1, starting: 0 });
    expect(at(10)).toMatchObject({ ready: 1, starting: 2 });
    expect(at(14)).toMatchObject({ ready: 1, starting: 2 });
    expect(at(15)).toMatchObject({ ready: 3, starting: 0 });
    expect(at(40).ready).toBe(1);
    expect(views[0]!.requestsPerSec).toBeCloseTo(10, 5); // one per 100 ms
    // Requests reach the new replicas only once they are ready.
    const served = new Map<number, number[]>();
    for (const r of result.records) served.set(r.replica, [...(served.get(r.replica) ?? []), r.arrivalNs]);
    expect(served.size).toBe(3);
    for (const [replica, arrivals] of served) if (replica !== 0) expect(Math.min(...arrivals)).toBeGreaterThanOrEqual(15 * S);
    // Provisioned replica-time: 1 replica for the whole run, plus 2 from 10 s to about 40 s (starting included).
    const makespanNs = Math.max(...result.records.map((r) => r.finishNs));
    const expected = makespanNs + 2 * 30 * S;
    expect(Math.abs(result.provisionedReplicaNs / expected - 1)).toBeLessThan(0.05);
  });

  it('refuses a controller with a non-positive period', async () => {
    const controller = { periodNs: 0, replicaStartNs: 0, desiredReplicas: () => 1 };
    await expect(simulateServing(requests.slice(0, 1), { deployment }, { controller })).rejects.toThrow(/periodNs/);
  });
});
