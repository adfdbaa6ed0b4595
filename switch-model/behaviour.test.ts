import { describe, expect, it } from 'vitest';
import { Charge, SharedBuffer } from './buffer.js';
import { EcnMarker } from './ecn.js';
import { EgressScheduler } from './egress.js';
import { adaptivePort, fiveTupleHash, leastLoaded } from './forwarding.js';
import { CONTROL_CLASS, DATA_CLASS, switchPreset } from './presets.js';

function smallSpec(options: { shared: number; lossless: boolean }) {
  const spec = switchPreset('tomahawk4-64x400g');
  spec.buffer.sharedBytes = options.shared;
  spec.buffer.reservedPerPortClassBytes = 0;
  spec.buffer.pfcHeadroomPerPortClassBytes = 10_000;
  spec.buffer.dynamicThresholdAlpha = 1;
  for (const c of spec.classes) {
    c.lossless = options.lossless && c.id === DATA_CLASS;
    c.pfc.enabled = c.lossless;
  }
  return spec;
}

describe('SharedBuffer', () => {
  it('limits a lossy queue to alpha x free shared bytes (dynamic threshold)', () => {
    const buffer = new SharedBuffer(smallSpec({ shared: 100_000, lossless: false }), 4);
    let admitted = 0;
    while (buffer.admit(0, 1, DATA_CLASS, 1_000) !== Charge.DROP) admitted += 1_000;
    // With alpha = 1 one queue stops at q = (B - q): half the buffer.
    expect(admitted).toBe(50_000);
  });

  it('sends XOFF at the threshold, absorbs in-flight bytes in headroom, then XON', () => {
    const buffer = new SharedBuffer(smallSpec({ shared: 100_000, lossless: true }), 4);
    const events: string[] = [];
    buffer.onPfc = (port, cls, pause) => events.push(`${port}/${cls}/${pause ? 'xoff' : 'xon'}`);
    const charges: number[] = [];
    for (let i = 0; i < 60; i++) charges.push(buffer.admit(2, 1, DATA_CLASS, 1_000));
    expect(events).toEqual(['2/3/xoff']);
    expect(charges.filter((c) => c === Charge.HEADROOM).length).toBe(10);
    expect(charges).not.toContain(Charge.DROP);
    for (const charge of charges) if (charge !== Charge.DROP) buffer.release(2, 1, DATA_CLASS, 1_000, charge);
    expect(events).toEqual(['2/3/xoff', '2/3/xon']);
    expect(buffer.sharedUsed).toBe(0);
  });
});

describe('EcnMarker', () => {
  it('marks with the RED ramp between Kmin and Kmax', () => {
    const ecn = new EcnMarker(switchPreset('tomahawk5-64x800g'));
    expect(ecn.probability(DATA_CLASS, 5_000)).toBe(0);
    expect(ecn.probability(DATA_CLASS, 102_500)).toBeCloseTo(0.005, 6);
    expect(ecn.probability(DATA_CLASS, 200_001)).toBe(1);
    expect(ecn.probability(0, 1e9)).toBe(0);
  });
});

describe('EgressScheduler', () => {
  it('serves strict priority first and splits DWRR classes by weight', () => {
    const spec = switchPreset('tomahawk5-64x800g');
    spec.classes[1]!.dwrrWeight = 1;
    spec.classes[DATA_CLASS]!.dwrrWeight = 3;
    const scheduler = new EgressScheduler(spec, 1);
    const head = new Float64Array(8);
    const paused = new Uint8Array(8);
    head[1] = 4_096;
    head[DATA_CLASS] = 4_096;
    head[CONTROL_CLASS] = 64;
    expect(scheduler.pick(0, head, paused)).toBe(CONTROL_CLASS);
    head[CONTROL_CLASS] = 0;
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 400; i++) counts[scheduler.pick(0, head, paused)]! += 1;
    expect(counts[DATA_CLASS]! / counts[1]!).toBeCloseTo(3, 1);
    paused[DATA_CLASS] = 1;
    expect(scheduler.pick(0, head, paused)).toBe(1);
  });

  it('picks from class bitmasks exactly as the scan over queues it replaced (random queue and pause states)', () => {
    const spec = switchPreset('tomahawk5-64x800g');
    spec.classes[0]!.dwrrWeight = 2;
    spec.classes[5]!.dwrrWeight = 3;
    const ports = 3;
    const fast = new EgressScheduler(spec, ports);
    // The scan over head bytes and pause flags that pickMasked replaced (strict highest id first, then DWRR).
    const strict = spec.classes.filter((c) => c.scheduling === 'STRICT_PRIORITY').map((c) => c.id).sort((a, b) => b - a);
    const dwrr = spec.classes.filter((c) => c.scheduling === 'DWRR').map((c) => c.id);
    const deficit = new Float64Array(ports * 8);
    const cursor = new Int32Array(ports);
    const turn = new Uint8Array(ports);
    const reference = (port: number, head: Float64Array, paused: Uint8Array): number => {
      const base = port * 8;
      for (const cls of strict) if (head[base + cls]! > 0 && paused[base + cls] === 0) return cls;
      if (!dwrr.some((cls) => head[base + cls]! > 0 && paused[base + cls] === 0)) return -1;
      for (;;) {
        const cls = dwrr[cursor[port]!]!;
        const h = head[base + cls]!;
        if (h > 0 && paused[base + cls] === 0) {
          if (turn[port] === 0) {
            deficit[base + cls]! += spec.classes[cls]!.dwrrWeight * 4_096;
            turn[port] = 1;
          }
          if (deficit[base + cls]! >= h) {
            deficit[base + cls]! -= h;
            return cls;
          }
        } else if (h === 0) deficit[base + cls] = 0;
        turn[port] = 0;
        cursor[port] = (cursor[port]! + 1) % dwrr.length;
      }
    };
    const head = new Float64Array(ports * 8);
    const paused = new Uint8Array(ports * 8);
    let seed = 12345;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed % n;
    };
    let picks = 0;
    for (let step = 0; step < 20_000; step++) {
      const port = next(ports);
      const cls = next(8);
      const action = next(10);
      if (action < 5) head[port * 8 + cls] = head[port * 8 + cls]! > 0 && next(2) === 0 ? 0 : 64 + next(9_000);
      else if (action < 6) paused[port * 8 + cls] = paused[port * 8 + cls] === 1 ? 0 : 1;
      const expected = reference(port, head, paused);
      expect(fast.pick(port, head, paused)).toBe(expected);
      if (expected >= 0) {
        picks++;
        // The picked packet leaves: its queue drains or shows its next packet.
        head[port * 8 + expected] = next(2) === 0 ? 0 : 64 + next(9_000);
      }
    }
    expect(picks).toBeGreaterThan(5_000);
  });
});

describe('forwarding', () => {
  it('hashes deterministically and differently per seed', () => {
    expect(fiveTupleHash(1, 10, 20, 5000)).toBe(fiveTupleHash(1, 10, 20, 5000));
    expect(fiveTupleHash(1, 10, 20, 5000)).not.toBe(fiveTupleHash(2, 10, 20, 5000));
    const buckets = [0, 0, 0, 0];
    for (let port = 0; port < 4_000; port++) buckets[fiveTupleHash(7, 1, 2, port) % 4]! += 1;
    for (const b of buckets) expect(b).toBeGreaterThan(900);
  });

  it('adaptive choice takes the least-loaded candidate', () => {
    const ports = Int32Array.from([5, 6, 7]);
    const load = new Float64Array(8);
    load[5] = 10;
    load[6] = 3;
    load[7] = 8;
    expect(leastLoaded(ports, 0, 3, 0, load)).toBe(6);
  });
});

describe('adaptive routing', () => {
  const ports = Int32Array.from([0, 1, 2]);
  const queued = new Float64Array(3);
  const paused = new Uint8Array(3 * 8);

  it('keeps the hashed next hop while its queue is under the threshold, else takes the least queued', () => {
    queued.set([5_000, 1_000, 3_000]);
    paused.fill(0);
    expect(adaptivePort(ports, 0, 3, 0, queued, paused, DATA_CLASS, 8_000)).toBe(0);
    expect(adaptivePort(ports, 0, 3, 0, queued, paused, DATA_CLASS, 4_000)).toBe(1);
  });

  it('avoids a next hop whose class is paused by PFC, even with an empty queue', () => {
    queued.set([0, 9_000, 3_000]);
    paused.fill(0);
    paused[0 * 8 + DATA_CLASS] = 1;
    paused[2 * 8 + DATA_CLASS] = 1;
    expect(adaptivePort(ports, 0, 3, 0, queued, paused, DATA_CLASS, 0)).toBe(1);
    // Another class is not paused on port 0.
    expect(adaptivePort(ports, 0, 3, 0, queued, paused, CONTROL_CLASS, 0)).toBe(0);
    // All paused: the least queued.
    paused[1 * 8 + DATA_CLASS] = 1;
    expect(adaptivePort(ports, 0, 3, 1, queued, paused, DATA_CLASS, 0)).toBe(0);
  });
});
