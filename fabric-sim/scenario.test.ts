import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WeftError } from '../core/errors.js';
import { loadScenarioFile, parseScenario, runScenario, type ScenarioInput } from './scenario.js';

const star = (hosts: number) => ({
  name: 'star',
  servers: [{ count: hosts, gpuType: 'h100', gpusPerServer: 1 }],
  topology: { kind: 'single-switch' as const },
  switch: 'tomahawk4-64x400g',
  linkSpeedGbps: 100,
  propagationDelayNs: 100,
});

describe('scenario files', () => {
  it('name the line and field of a bad traffic entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'weft-scenario-'));
    const path = join(dir, 's.yaml');
    writeFileSync(path, 'cluster: default\ntraffic:\n  - kind: all-reduce\n    bytes: -5\n');
    try {
      loadScenarioFile(path);
      expect.unreachable();
    } catch (error) {
      expect((error as WeftError).details).toMatchObject({ line: 4, field: 'traffic[0].bytes', value: -5 });
    }
  });

  it('reject unknown GPUs and unreachable pairs as bad input', () => {
    const bad = (input: ScenarioInput) => () => runScenario(parseScenario(input));
    expect(bad({ cluster: star(2), traffic: [{ kind: 'flows', flows: [{ src: 0, dst: 'srv9/gpu0', bytes: 10 }] }] })).toThrow(WeftError);
    expect(
      bad({
        cluster: { ...star(2), faults: [{ between: ['srv1/nic0', 'switch0'], state: 'down' }] },
        traffic: [{ kind: 'flows', flows: [{ src: 0, dst: 1, bytes: 10 }] }],
      }),
    ).toThrow(/no path/);
  });

  it('accepts GPU ids and runs the default cluster', () => {
    const result = runScenario(parseScenario({ traffic: [{ kind: 'flows', flows: [{ src: 'srv0/gpu0', dst: 'srv3/gpu7', bytes: 100_000 }] }] }));
    expect(result.cluster.gpus).toBe(32);
    expect(result.flows[0]!.path[0]).toBe('srv0/nic0->leaf0');
    expect(result.flows[0]!.slowdown).toBeLessThan(1.01);
  });
});

describe('ECN and DCQCN under incast', () => {
  it('marks packets, returns CNPs and pauses less than PFC alone', () => {
    const scenario = (cc: 'dcqcn' | 'none'): ScenarioInput => ({
      cluster: star(9),
      switch: { pfc: true, sharedBufferBytes: 1_000_000 },
      transport: { cc },
      traffic: [{ kind: 'incast', senders: [0, 1, 2, 3, 4, 5, 6, 7], receiver: 8, bytes: 2_000_000 }],
    });
    const dcqcn = runScenario(parseScenario(scenario('dcqcn')));
    const none = runScenario(parseScenario(scenario('none')));
    expect(dcqcn.summary.ecnMarks).toBeGreaterThan(0);
    expect(dcqcn.summary.cnps).toBeGreaterThan(0);
    expect(none.summary.ecnMarks).toBe(0);
    expect(dcqcn.summary.queueP99Bytes).toBeLessThan(none.summary.queueP99Bytes);
    expect(dcqcn.summary.pfcPauseFrames).toBeLessThan(none.summary.pfcPauseFrames);
    expect(dcqcn.summary.pfcPausedNs).toBeLessThan(none.summary.pfcPausedNs);
    expect(dcqcn.conservation.allDelivered && none.conservation.allDelivered).toBe(true);
  });
});

describe('collectives', () => {
  it('report nccl-tests bus bandwidth for reduce-scatter, all-gather and all-to-all', () => {
    const result = runScenario(
      parseScenario({
        cluster: star(4),
        traffic: [
          { kind: 'reduce-scatter', bytes: 400_000 },
          { kind: 'all-gather', bytes: 400_000, startNs: 1e6 },
          { kind: 'all-to-all', bytes: 400_000, startNs: 2e6 },
        ],
      }),
    );
    for (const c of result.collectives) {
      expect(c.timeNs).not.toBeNull();
      expect(c.busBwGbps).toBeCloseTo(((c.bytes * 8) / c.timeNs!) * (3 / 4), 2);
    }
    const [rs, ag] = result.collectives;
    expect(Math.abs(rs!.timeNs! / rs!.closedFormNs - 1)).toBeLessThan(0.05);
    expect(Math.abs(ag!.timeNs! / ag!.closedFormNs - 1)).toBeLessThan(0.05);
  });
});

describe('chunked collectives', () => {
  it('pipeline ring steps in pieces and still move S per rank', () => {
    const run = (chunkBytes?: number) =>
      runScenario(
        parseScenario({
          cluster: { ...star(8), linkSpeedGbps: 400, switch: 'tomahawk5-64x800g' },
          traffic: [{ kind: 'all-reduce', bytes: 8 * 65_536, ...(chunkBytes === undefined ? {} : { chunkBytes }) }],
        }),
      );
    const whole = run();
    const chunked = run(16_384);
    expect(chunked.collectives[0]!.flows).toBe(whole.collectives[0]!.flows * 4);
    expect(chunked.conservation.flowBytes).toBe(whole.conservation.flowBytes);
    expect(chunked.collectives[0]!.timeNs).not.toBeNull();
    expect(chunked.collectives[0]!.timeNs! / whole.collectives[0]!.timeNs!).toBeLessThan(1.1);
  });
});

describe('in-band telemetry', () => {
  const incast = (int: boolean, intBytesPerHop = 0): ScenarioInput => ({
    cluster: star(5),
    switch: { int, intBytesPerHop },
    transport: { cc: 'none' },
    traffic: [{ kind: 'incast', senders: [0, 1, 2, 3], receiver: 4, bytes: 200_000 }],
  });

  it('stamps the deepest queue a flow met, and its header bytes cost bandwidth', () => {
    const off = runScenario(parseScenario(incast(false)));
    const on = runScenario(parseScenario(incast(true)));
    expect(off.flows.every((f) => f.intMaxQueueBytes === 0)).toBe(true);
    expect(Math.min(...on.flows.map((f) => f.intMaxQueueBytes))).toBeGreaterThan(10_000);
    const heavy = runScenario(parseScenario(incast(true, 64)));
    const last = (r: typeof on) => Math.max(...r.flows.map((f) => f.fctNs!));
    // 64 more bytes on a 4178-byte packet: about 1.5% longer at the bottleneck.
    expect(last(heavy) / last(on)).toBeGreaterThan(1.01);
    expect(last(heavy) / last(on)).toBeLessThan(1.02);
  });
});

describe('PFC across switches', () => {
  it('spreads pauses upstream from the congested leaf to the spine and the senders leaf', () => {
    const result = runScenario(
      parseScenario({
        cluster: {
          name: 'ls',
          servers: [{ count: 8, gpuType: 'h100', gpusPerServer: 1 }],
          topology: { kind: 'leaf-spine', hostsPerLeaf: 4, oversubscription: 1 },
          switch: 'tomahawk4-64x400g',
          linkSpeedGbps: 100,
        },
        switch: { pfc: true, sharedBufferBytes: 200_000, reservedBytes: 0 },
        transport: { cc: 'none' },
        traffic: [{ kind: 'incast', senders: [0, 1, 2, 3], receiver: 4, bytes: 1_000_000 }],
      }),
    );
    const paused = (prefix: string) => result.links.filter((l) => l.link.startsWith(prefix) && l.pfcPausesReceived > 0).length;
    expect(paused('spine')).toBeGreaterThan(0);
    expect(paused('leaf0->spine')).toBeGreaterThan(0);
    expect(paused('srv0/nic0->')).toBe(1);
    expect(result.summary.drops).toBe(0);
    expect(result.conservation.allDelivered).toBe(true);
  });
});

describe('example scenarios', () => {
  it('all parse, and each names a distinct scenario', () => {
    const dir = new URL('./examples/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    const names = files.map((f) => loadScenarioFile(join(dir.pathname, f)).name);
    expect(new Set(names).size).toBe(files.length);
  });
});
