import { describe, expect, it } from 'vitest';
import type { LoadBalancingMode } from '../../switch-model/spec.js';
import { parseScenario, runScenario, scenarioTopology } from '../scenario.js';
import { Hpcc } from './hpcc.js';
import { PacketNetwork } from './network.js';

/**
 * HPCC against DCQCN on an incast: four long flows into one 25 Gb/s receiver, measured over
 * a window after both controllers settled (DCQCN at its published defaults recovers from the
 * start-up burst slowly: its additive step is 40 Mb/s per 55 us timer). The bottleneck queue is
 * sampled every microsecond; throughput is the receiver's delivered payload in the window.
 */

const senders = 4;

/** The incast at `linkGbps` with `propagationNs` per link, measured over [windowStartNs, windowEndNs]. */
function incast(cc: 'dcqcn' | 'hpcc', linkGbps = 25, propagationNs = 500, windowStartNs = 20e6, windowEndNs = 30e6) {
  const scenario = parseScenario({
    cluster: {
      name: 'incast',
      servers: [{ count: senders + 1, gpuType: 'h100', gpusPerServer: 1 }],
      topology: { kind: 'single-switch' },
      switch: 'tomahawk4-64x400g',
      linkSpeedGbps: linkGbps,
      propagationDelayNs: propagationNs,
    },
    switch: { pfc: true },
    transport: { cc },
    traffic: [{ kind: 'flows', flows: [{ src: 0, dst: senders, bytes: 1 }] }],
  });
  const net = new PacketNetwork(scenarioTopology(scenario), { seed: 1, transport: { cc } });
  net.addFlows(Array.from({ length: senders }, (_, i) => ({ src: i, dst: senders, bytes: 1e9, startNs: i * 100_000, deps: [] })));
  const bottleneck = net.portIndex(`switch0->srv${senders}/nic0`);
  net.run(windowStartNs);
  const before = Array.from({ length: senders }, (_, f) => net.deliveredBytes(f));
  const samples: number[] = [];
  for (let t = windowStartNs + 1_000; t <= windowEndNs; t += 1_000) {
    net.run(t);
    samples.push(net.queuedBytes(bottleneck));
  }
  const delivered = Array.from({ length: senders }, (_, f) => net.deliveredBytes(f) - before[f]!);
  const goodputGbps = (delivered.reduce((a, b) => a + b, 0) * 8) / (windowEndNs - windowStartNs);
  samples.sort((a, b) => a - b);
  const meanQueueBytes = samples.reduce((a, b) => a + b, 0) / samples.length;
  const p99QueueBytes = samples[Math.ceil(0.99 * samples.length) - 1]!;
  return { goodputGbps, meanQueueBytes, p99QueueBytes, net };
}

describe('HPCC vs DCQCN on an incast', () => {
  it('keeps the bottleneck queue far shorter at (nearly) the same throughput', () => {
    const dcqcn = incast('dcqcn');
    const hpcc = incast('hpcc');
    expect(hpcc.net.cc.name).toBe('hpcc');
    const payloadLineGbps = 25 * (4096 / 4178);
    // Measured: goodput DCQCN 23.06 Gb/s, HPCC 21.92 Gb/s (HPCC aims at eta = 95% of the wire
    // rate); queue mean 44.7 kB vs 1.3 kB, p99 230 kB vs 8.4 kB.
    expect(dcqcn.goodputGbps).toBeGreaterThan(0.85 * payloadLineGbps);
    expect(hpcc.goodputGbps).toBeGreaterThan(0.87 * payloadLineGbps);
    expect(Math.abs(hpcc.goodputGbps / dcqcn.goodputGbps - 1)).toBeLessThan(0.07);
    expect(hpcc.meanQueueBytes).toBeLessThan(0.1 * dcqcn.meanQueueBytes);
    expect(hpcc.p99QueueBytes).toBeLessThan(0.1 * dcqcn.p99QueueBytes);
    expect(hpcc.net.counters.cnps).toBe(0);
  });
});

describe('HPCC utilisation against its target eta', () => {
  // HPCC settles where the most loaded hop's normalized inflight U = qlen / (B T) + txRate / B
  // equals eta (0.95), so the link runs at about eta - qlen / (B T). Four senders of whole
  // packets keep a standing queue (mean 1.3 kB, p99 8,356 B = two packets, at 25 Gb/s) that is a
  // large fraction of the 25 Gb/s, 500 ns-per-link BDP above (B T is about 16 kB: 5 us of base
  // RTT) but about 1% of a 100 Gb/s BDP with 4 us per link (about 210 kB): there HPCC must reach
  // eta. Measured: 0.894 of the payload line rate at 25 Gb/s / 500 ns; 0.949 at 100 Gb/s / 4 us.
  it('converges to eta when the bandwidth-delay product spans many packets', () => {
    const payloadLineGbps = 100 * (4096 / 4178);
    const hpcc = incast('hpcc', 100, 4000, 10e6, 13e6);
    const utilisation = hpcc.goodputGbps / payloadLineGbps;
    expect(utilisation).toBeGreaterThan(0.94);
    expect(utilisation).toBeLessThanOrEqual(0.955);
    // The smaller BDP of the first test loses more to the standing queue, as the model says.
    const small = incast('hpcc');
    expect(small.goodputGbps / (25 * (4096 / 4178))).toBeLessThan(utilisation - 0.03);
  });
});

describe('HPCC on multi-path flows', () => {
  // A sprayed flow's acknowledgements come over different spines, so the same hop index names
  // different links from one acknowledgement to the next; HPCC must difference each link's
  // counters against that link's own last record. Before it did (hop by index), the sprayed
  // permutation ran at 123 / 105 Gb/s with p99 2.1 / 2.4 ms, five times worse than ECMP; now
  // 960 / 1007 Gb/s and 264 / 252 us against ECMP's 541 / 664 Gb/s and 470 / 383 us (seeds 1 / 2).
  const run = (loadBalancing: LoadBalancingMode, cc: 'hpcc' | 'dcqcn', seed: number) =>
    runScenario(
      parseScenario({
        cluster: {
          name: 'leaf-spine-2to1',
          servers: [{ count: 32, gpuType: 'h100', gpusPerServer: 1 }],
          topology: { kind: 'leaf-spine', hostsPerLeaf: 8, oversubscription: 2 },
          switch: 'tomahawk4-64x400g',
          linkSpeedGbps: 100,
        },
        switch: { loadBalancing, pfc: true, sharedBufferBytes: 1_000_000 },
        transport: { cc },
        traffic: [{ kind: 'permutation', bytes: 1_000_000 }],
      }),
      { seed },
    );
  const goodputGbps = (r: ReturnType<typeof run>) => (r.conservation.flowBytes * 8) / r.simulatedNs;
  for (const seed of [1, 2]) {
    it(`gains from spraying as DCQCN does, and keeps its queues the shorter (seed ${seed})`, () => {
      const ecmp = run('ECMP', 'hpcc', seed);
      const spray = run('PACKET_SPRAY', 'hpcc', seed);
      const dcqcnSpray = run('PACKET_SPRAY', 'dcqcn', seed);
      for (const r of [ecmp, spray]) expect(r.conservation.allDelivered).toBe(true);
      expect(spray.summary.selectiveRepeatFlows).toBeGreaterThan(16);
      expect(spray.summary.fctP99Ns).toBeLessThan(0.8 * ecmp.summary.fctP99Ns);
      expect(goodputGbps(spray)).toBeGreaterThan(1.3 * goodputGbps(ecmp));
      expect(spray.summary.queueMaxBytes).toBeLessThan(dcqcnSpray.summary.queueMaxBytes);
    });
  }
});

describe('Hpcc', () => {
  it('rejects bad parameters, quoting the value', () => {
    expect(() => new Hpcc({ targetUtilisation: 1.5 })).toThrow(/targetUtilisation.*1\.5/);
    expect(() => new Hpcc({ maxStage: -1 })).toThrow(/maxStage.*-1/);
  });
});

describe('HPCC in scenarios', () => {
  it('turns on INT by itself and refuses a scenario that turns it off', () => {
    const base = {
      cluster: { name: 's', servers: [{ count: 2, gpuType: 'h100', gpusPerServer: 1 }], topology: { kind: 'single-switch' as const }, switch: 'tomahawk4-64x400g' },
      transport: { cc: 'hpcc' as const },
      traffic: [{ kind: 'flows' as const, flows: [{ src: 0, dst: 1, bytes: 10_000 }] }],
    };
    expect(scenarioTopology(parseScenario(base)).switchSpec.int.enabled).toBe(true);
    expect(() => scenarioTopology(parseScenario({ ...base, switch: { int: false } }))).toThrow(/HPCC needs in-band telemetry/);
  });
});
