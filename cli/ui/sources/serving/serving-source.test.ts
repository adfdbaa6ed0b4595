import { describe, expect, it } from 'vitest';
import { meetsSlo, simulateServing } from '../../../../fabric-sim/serving/index.js';
import { planServingScenario, ServingScenarioSchema, type ServingScenario } from './serving-scenario.js';
import { ServingScenarioSource } from './serving-source.js';
import { windowP99 } from './window-p99.js';

const S = 1e9;

/** A chat deployment pushed past its TTFT target by bursts, and a second one well within its SLO. */
function scenario(): ServingScenario {
  return ServingScenarioSchema.parse({
    kind: 'serving',
    name: 'two',
    windowS: 10,
    sampleS: 1,
    deployments: [
      { name: 'chat', model: 'llama-3-8b', gpu: 'h100-sxm', replicas: 1, rate: 60, cv: 4, prompt: 2048, output: 64, requests: 1500, slo: 'ttft-p99=200ms,tpot-p99=40ms' },
      { name: 'small', model: 'llama-3-8b', gpu: 'h100-sxm', tp: 2, replicas: 2, rate: 5, prompt: 512, output: 32, requests: 150, slo: 'ttft-p99=1s' },
    ],
  });
}

describe('ServingScenarioSource', () => {
  it('runs each deployment in bounded slices to the records of a whole run, with rolling p99s, events and attainment', async () => {
    const s = scenario();
    const plans = await planServingScenario(s, 'two.yaml', '', 3);
    const source = new ServingScenarioSource(plans, { name: s.name, seed: 3, windowNs: 10 * S, sampleNs: 1 * S, maxEventsPerSlice: 4_000 });
    let slices = 0;
    // 50 ms of wall time at 20x: one simulated second per slice.
    while (source.advance(50, 20)) slices++;
    expect(slices).toBeGreaterThan(20);
    const snap = source.snapshot();
    // Same records as the whole-stream simulation of each deployment (same requests, same seed).
    const fresh = await planServingScenario(s, 'two.yaml', '', 3);
    const wholes = await Promise.all(fresh.map((p, i) => simulateServing(p.requests, p.config, { seed: 3 + i })));
    source.simulations.forEach((sim, i) => {
      expect(sim.records).toEqual(wholes[i]!.records);
    });
    // Sparklines: the p99 over the 10 s window at each whole second.
    const chat = snap.sloSeries.find((x) => x.name === 'chat TTFT p99')!;
    expect(chat).toMatchObject({ unit: 'ms', target: 200 });
    const k = 12;
    const expected = windowP99(wholes[0]!.records, k * S, 10 * S)!;
    expect(chat.values[k - 1]).toBeCloseTo(expected.ttftNs / 1e6, 9);
    // The bursts push chat over its TTFT target: violation events, each from under to over.
    const violations = snap.events.filter((e) => e.kind === 'violation' && e.message.startsWith('chat TTFT'));
    expect(violations.length).toBeGreaterThan(0);
    expect(violations[0]!.message).toMatch(/^chat TTFT p99 \d+ ms > 200 ms over the last 10s$/);
    expect(snap.events.some((e) => e.kind === 'violation' && e.message.startsWith('small'))).toBe(false);
    // Attainment: requests meeting all their deployment's targets over all finished.
    const met = wholes.reduce((sum, w, i) => sum + w.records.filter((r) => meetsSlo(r, fresh[i]!.config.slo!)).length, 0);
    const total = wholes.reduce((sum, w) => sum + w.records.length, 0);
    expect(snap.sloAttainment).toBeCloseTo(met / total, 12);
    expect(snap.sloAttainment!).toBeLessThan(1);
    // Workloads and the GPU grid: 1 x 1 GPU and 2 x 2 GPUs, each deployment on a node of its own.
    expect(snap.workloads.map((w) => [w.name, w.replicas, w.gpus, w.ttftTargetMs, w.tpotTargetMs])).toEqual([
      ['chat', 1, 1, 200, 40],
      ['small', 2, 4, 1000, undefined],
    ]);
    expect(snap.workloads[0]!.state).toBe('Done (1500 served)');
    expect(snap.totals).toEqual({ gpus: 16, used: 5, lent: 0, free: 11 });
    expect(snap.nodes.map((n) => n.name)).toEqual(['chat-n0', 'small-n0']);
    expect(snap.events.at(-1)!.message).toBe('simulation ended: every request finished');
  });

  it('scales a deployment with its autoscale policy: loading and ready events, the grid grows, records as a whole run', async () => {
    const s = ServingScenarioSchema.parse({
      kind: 'serving',
      deployments: [
        {
          name: 'chat',
          model: 'llama-3-8b',
          gpu: 'h100-sxm',
          rate: 40,
          cv: 1,
          prompt: 1024,
          output: 128,
          requests: 3000,
          slo: 'ttft-p99=500ms',
          autoscale: { minReplicas: 1, maxReplicas: 4, targetInFlight: 16, periodS: 2, stableWindowS: 20, startS: 10 },
        },
      ],
    });
    const plans = await planServingScenario(s, 'auto.yaml', '', 5);
    const source = new ServingScenarioSource(plans, { seed: 5, windowNs: 10 * S });
    let peakGpus = 0;
    while (source.advance(100, 10)) peakGpus = Math.max(peakGpus, source.snapshot().totals.used);
    const snap = source.snapshot();
    const fresh = await planServingScenario(s, 'auto.yaml', '', 5);
    const whole = await simulateServing(fresh[0]!.requests, fresh[0]!.config, { seed: 5, controller: fresh[0]!.controller!() });
    expect(source.simulations[0]!.records).toEqual(whole.records);
    const peakReady = Math.max(...whole.replicaTimeline.map((t) => t.ready));
    expect(peakReady).toBeGreaterThan(1);
    expect(peakGpus).toBeGreaterThanOrEqual(peakReady);
    const loading = snap.events.filter((e) => e.kind === 'scale-up');
    expect(loading.length).toBeGreaterThan(0);
    expect(loading[0]!.message).toMatch(/^chat: \d replicas? loading the model \(1 ready\)$/);
    // The first replica beyond the initial one is ready 10 s (startS) after its decision, at the earliest.
    const ready = snap.events.find((e) => e.kind === 'placement' && e.message.includes('replicas ready'))!;
    expect(ready.timeNs - loading[0]!.timeNs).toBeGreaterThanOrEqual(10 * S - 1 * S); // events are dated at the end of a 1 s slice
  });

  it('caps the events of one advance, falling behind the requested time instead', async () => {
    const plans = await planServingScenario(scenario(), 'two.yaml', '', 1);
    const source = new ServingScenarioSource(plans, { maxEventsPerSlice: 2_000 });
    source.advance(1000, 1000); // asks for 1000 s: far more than 2,000 events
    const events = source.simulations.reduce((sum, sim) => sum + sim.eventsProcessed, 0);
    expect(events).toBeLessThanOrEqual(2_000);
    expect(source.snapshot().timeNs).toBeLessThan(1000 * S);
    expect(source.snapshot().timeNs).toBeGreaterThan(0);
    expect(source.snapshot().budgetLimited).toBe(true);
    source.advance(1, 1); // 1 ms: well within the budget
    expect(source.snapshot().budgetLimited).toBe(false);
  });
});
