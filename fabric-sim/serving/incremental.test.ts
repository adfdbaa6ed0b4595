import { describe, expect, it } from 'vitest';
import { getGpu, getModel, makeDeployment } from '../../gpu-model/index.js';
import { syntheticRequests } from './request-sources.js';
import { ServingSimulation, simulateServing } from './serving-sim.js';

const deployment = makeDeployment({ model: getModel('llama-3-8b'), gpu: getGpu('h100-sxm') });
const S = 1e9;

describe('ServingSimulation driven in slices', () => {
  it('gives the same records as simulateServing, with a controller scaling it, under any slicing', async () => {
    const requests = [...syntheticRequests({ ratePerSec: 40, cv: 2, count: 800, prompt: { kind: 'fixed', tokens: 800 }, output: { kind: 'fixed', tokens: 60 }, seed: 4 })];
    const controller = () => ({
      periodNs: 1 * S,
      replicaStartNs: 2 * S,
      desiredReplicas: (view: { inFlight: number }) => Math.min(4, 1 + Math.floor(view.inFlight / 20)),
    });
    const config = { deployment, replicas: 1, routing: 'least-outstanding' as const };
    const whole = await simulateServing(requests, config, { seed: 2, controller: controller() });

    const sim = new ServingSimulation(config, { seed: 2, controller: controller() });
    let next = 0;
    let timeNs = 0;
    let slices = 0;
    let maxInFlight = 0;
    let finishedSeen = 0;
    // 50 ms of simulated time or 40 events per slice, arrivals fed as the clock passes them.
    while (next < requests.length) {
      timeNs += 0.05 * S;
      for (;;) {
        const arrival = requests[next];
        const target = arrival === undefined ? timeNs : Math.min(timeNs, arrival.arrivalNs);
        if (sim.runUntil(target, 40) === 'stopped') continue;
        if (arrival === undefined || arrival.arrivalNs > timeNs) break;
        sim.arrive(arrival);
        next++;
      }
      slices++;
      maxInFlight = Math.max(maxInFlight, sim.status().inFlight);
      expect(sim.records.length).toBeGreaterThanOrEqual(finishedSeen);
      finishedSeen = sim.records.length;
    }
    const result = sim.finish();
    expect(slices).toBeGreaterThan(100);
    expect(maxInFlight).toBeGreaterThan(20); // the controller did scale up
    expect(Math.max(...whole.replicaTimeline.map((s) => s.ready))).toBeGreaterThan(1);
    expect(result.records).toEqual(whole.records);
    expect(result.replicaTimeline).toEqual(whole.replicaTimeline);
    expect(result.summary).toEqual(whole.summary);
    expect(result.events).toBe(whole.events);
  });

  it('rejects an arrival earlier than the time already reached', () => {
    const sim = new ServingSimulation({ deployment });
    sim.runUntil(5 * S);
    expect(() => { sim.arrive({ arrivalNs: 1 * S, promptTokens: 10, outputTokens: 10 }); }).toThrow(/time order/);
  });
});
