import { describe, expect, it } from 'vitest';
import { parseScenario, preparePacketRun } from '../scenario.js';

describe('PacketNetwork per-port ECN marks', () => {
  it('add up to the fabric total and sit on the congested egress only', () => {
    // 4-to-1 incast, ECN on, no PFC: only the switch port towards the receiver queues.
    const { net } = preparePacketRun(
      parseScenario({
        cluster: {
          name: 'star',
          servers: [{ count: 5, gpuType: 'h100', gpusPerServer: 1 }],
          topology: { kind: 'single-switch' },
          switch: 'tomahawk4-64x400g',
          linkSpeedGbps: 100,
          propagationDelayNs: 100,
        },
        switch: { pfc: false, ecn: true, sharedBufferBytes: 2_000_000 },
        traffic: [{ kind: 'incast', senders: [0, 1, 2, 3], receiver: 4, bytes: 500_000 }],
      }),
    );
    net.run();
    const total = net.portEcnMarks.reduce((sum, marks) => sum + marks, 0);
    expect(net.counters.ecnMarks).toBeGreaterThan(0);
    expect(total).toBe(net.counters.ecnMarks);
    expect(net.portEcnMarks[net.portIndex('switch0->srv4/nic0')]).toBe(net.counters.ecnMarks);
  });
});
