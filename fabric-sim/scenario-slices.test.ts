import { describe, expect, it } from 'vitest';
import { runBounded } from './engine/run-bounded.js';
import { parseScenario, preparePacketRun, runScenario } from './scenario.js';

describe('preparePacketRun', () => {
  it('names the flows of each traffic entry', () => {
    const { traffic } = preparePacketRun(
      parseScenario({
        traffic: [
          { kind: 'flows', flows: [{ src: 0, dst: 9, bytes: 1000 }, { src: 1, dst: 10, bytes: 1000 }] },
          { kind: 'all-reduce', ranks: [0, 8, 16, 24], bytes: 4096 },
          { kind: 'incast', senders: [1, 2, 3], receiver: 4, bytes: 1000 },
        ],
      }),
    );
    const ring = traffic.collectives[0]!;
    expect(traffic.items).toEqual([
      { kind: 'flows', first: 0, count: 2 },
      { kind: 'all-reduce', first: 2, count: ring.count },
      { kind: 'incast', first: 2 + ring.count, count: 3 },
    ]);
    expect(ring.first).toBe(2);
    expect(traffic.flows).toHaveLength(5 + ring.count);
  });

  it('advanced in bounded slices, ends exactly where runScenario does', () => {
    // 4-to-1 incast with PFC and DCQCN: pauses, marks and rate changes all depend on event order.
    const scenario = parseScenario({
      cluster: {
        name: 'star',
        servers: [{ count: 5, gpuType: 'h100', gpusPerServer: 1 }],
        topology: { kind: 'single-switch' },
        switch: 'tomahawk4-64x400g',
        linkSpeedGbps: 100,
        propagationDelayNs: 100,
      },
      switch: { pfc: true, sharedBufferBytes: 200_000 },
      traffic: [{ kind: 'incast', senders: [0, 1, 2, 3], receiver: 4, bytes: 300_000 }],
    });
    const whole = runScenario(scenario, { seed: 5 });
    const { net, traffic } = preparePacketRun(scenario, 5);
    expect(traffic.items).toEqual([{ kind: 'incast', first: 0, count: 4 }]);
    let slices = 0;
    let limitNs = 0;
    while (net.engine.pendingEvents > 0) {
      // 2 µs of simulated time or 500 events per slice, whichever comes first.
      if (runBounded(net.engine, limitNs + 2_000, 500) !== 'stopped') limitNs += 2_000;
      else limitNs = net.engine.nowNs;
      slices++;
    }
    expect(slices).toBeGreaterThan(20);
    expect(whole.summary.pfcPauseFrames).toBeGreaterThan(0);
    expect(net.counters.pfcPauseFrames).toBe(whole.summary.pfcPauseFrames);
    expect(net.counters.ecnMarks).toBe(whole.summary.ecnMarks);
    expect(net.engine.eventsProcessed).toBe(whole.events);
    whole.flows.forEach((f, i) => {
      expect(net.fRecvDoneNs[i]! - net.fStartNs[i]!).toBeCloseTo(f.fctNs!, 3);
    });
    for (const link of whole.links) expect(net.portTxBytes[net.portIndex(link.link)]).toBe(link.wireBytes);
  });
});
