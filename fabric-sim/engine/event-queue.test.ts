import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue.js';
import { RandomStream } from './random.js';

function drain(q: EventQueue): [number, number][] {
  const out: [number, number][] = [];
  for (let slot = q.pop(); slot >= 0; slot = q.pop()) out.push([q.poppedTimeNs, slot]);
  return out;
}

describe('EventQueue', () => {
  it('pops in time order', () => {
    const q = new EventQueue(2);
    for (const t of [50, 10, 40, 20, 30]) q.push(t);
    expect(drain(q).map(([t]) => t)).toEqual([10, 20, 30, 40, 50]);
    expect(q.size).toBe(0);
    expect(q.pop()).toBe(-1);
    expect(q.peekTimeNs()).toBe(Infinity);
  });

  it('breaks ties by insertion order, across growth and reuse of slots', () => {
    const q = new EventQueue(1);
    const order = new Map<number, number>();
    for (let i = 0; i < 100; i++) order.set(EventQueue.slotOf(q.push(i % 3 === 0 ? 5 : 7)), i);
    const popped: number[] = [];
    for (let slot = q.pop(); slot >= 0; slot = q.pop()) popped.push(order.get(slot)!);
    const expected = [...Array(100).keys()].filter((i) => i % 3 === 0).concat([...Array(100).keys()].filter((i) => i % 3 !== 0));
    expect(popped).toEqual(expected);
  });

  it('keeps FIFO order among equal times when events are pushed while popping', () => {
    const q = new EventQueue();
    const label = new Map<number, string>();
    label.set(EventQueue.slotOf(q.push(10)), 'a');
    label.set(EventQueue.slotOf(q.push(10)), 'b');
    const first = q.pop();
    expect(label.get(first)).toBe('a');
    label.set(EventQueue.slotOf(q.push(10)), 'c');
    expect(label.get(q.pop())).toBe('b');
    expect(label.get(q.pop())).toBe('c');
  });

  it('cancels pending events, including the head, and refuses fired or cancelled ones', () => {
    const q = new EventQueue();
    const h1 = q.push(1);
    const h2 = q.push(2);
    const h3 = q.push(3);
    expect(q.cancel(h1)).toBe(true); // the head
    expect(q.cancel(h1)).toBe(false); // already cancelled
    expect(q.size).toBe(2);
    expect(q.peekTimeNs()).toBe(2);
    expect(q.pop()).toBe(EventQueue.slotOf(h2));
    expect(q.cancel(h2)).toBe(false); // already fired
    const h4 = q.push(4); // may reuse a freed slot: the old handles must stay dead
    expect(q.cancel(h1)).toBe(false);
    expect(q.cancel(h2)).toBe(false);
    expect(q.cancel(h3)).toBe(true);
    expect(drain(q).map(([t]) => t)).toEqual([4]);
    expect(q.cancel(h4)).toBe(false);
    expect(q.cancel(-1)).toBe(false);
    expect(q.cancel(1.5)).toBe(false);
    expect(q.cancel(2 ** 60)).toBe(false);
  });

  it('compacts when many events are cancelled and keeps the rest in order', () => {
    const q = new EventQueue();
    const handles: number[] = [];
    for (let i = 0; i < 10_000; i++) handles.push(q.push(10_000 - i));
    for (let i = 0; i < 10_000; i++) if (i % 10 !== 0) expect(q.cancel(handles[i]!)).toBe(true);
    expect(q.size).toBe(1000);
    const times = drain(q).map(([t]) => t);
    expect(times).toHaveLength(1000);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBe(10);
  });

  it('clear() empties the queue and invalidates handles', () => {
    const q = new EventQueue();
    const h = q.push(5);
    q.push(6);
    q.clear();
    expect(q.size).toBe(0);
    expect(q.cancel(h)).toBe(false);
    q.push(1);
    expect(drain(q).map(([t]) => t)).toEqual([1]);
    // Clear from a state with rungs, a loaded bottom and cancelled entries, then reuse.
    const handles: number[] = [];
    for (let i = 0; i < 5000; i++) handles.push(q.push((i * 7919) % 5000));
    for (let i = 0; i < 100; i++) q.pop();
    for (let i = 0; i < 5000; i += 3) q.cancel(handles[i]!);
    q.clear();
    expect(q.size).toBe(0);
    expect(q.pop()).toBe(-1);
    expect(handles.some((handle) => q.cancel(handle))).toBe(false);
    for (let i = 0; i < 3000; i++) q.push(3000 - i);
    expect(drain(q).map(([t]) => t)).toEqual([...Array(3000).keys()].map((i) => i + 1));
    expect(q.slotCapacity).toBeGreaterThanOrEqual(5000);
  });

  it('rejects NaN times and bad capacities', () => {
    const q = new EventQueue();
    expect(() => q.push(Number.NaN)).toThrow(/NaN/);
    expect(() => new EventQueue(0)).toThrow(/initialCapacity.*got 0/);
  });

  it('rejects infinite and out-of-range times, and accepts the extremes of the range', () => {
    const q = new EventQueue();
    expect(() => q.push(Infinity)).toThrow(/finite.*got Infinity/);
    expect(() => q.push(-Infinity)).toThrow(/finite.*got -Infinity/);
    expect(() => q.push(1e301)).toThrow(RangeError);
    expect(q.size).toBe(0);
    q.push(1e300);
    q.push(-1e300);
    q.push(0);
    expect(drain(q).map(([t]) => t)).toEqual([-1e300, 0, 1e300]);
  });

  it('accepts a time before the last popped one, and after a peek has loaded the next bucket', () => {
    const q = new EventQueue();
    for (let i = 0; i < 5000; i++) q.push(i * 10);
    for (let i = 0; i < 2000; i++) q.pop();
    expect(q.poppedTimeNs).toBe(19_990);
    expect(q.peekTimeNs()).toBe(20_000);
    q.push(19_995); // between the last pop and the loaded head (what Engine.runUntil + scheduleAt does)
    q.push(5); // earlier than everything popped so far: a caller bug, but still ordered
    q.push(20_000); // ties the head: after it
    const times = drain(q).map(([t]) => t);
    expect(times.slice(0, 5)).toEqual([5, 19_995, 20_000, 20_000, 20_010]);
    expect(times).toHaveLength(3003);
  });

  it('orders mass ties FIFO across rung splits and keeps later pushes at the same time after them', () => {
    const q = new EventQueue();
    const order = new Map<number, number>();
    let label = 0;
    for (let i = 0; i < 3000; i++) order.set(EventQueue.slotOf(q.push(i % 2 === 0 ? 7 : 1e6 + (i % 5))), label++);
    const popped: number[] = [];
    for (let i = 0; i < 100; i++) popped.push(order.get(q.pop())!);
    // Pushed while the 1500 events at time 7 are being consumed: they go after all of them.
    for (let i = 0; i < 10; i++) order.set(EventQueue.slotOf(q.push(7)), label++);
    for (let slot = q.pop(); slot >= 0 && q.poppedTimeNs === 7; slot = q.pop()) popped.push(order.get(slot)!);
    const expected = [...Array(3000).keys()].filter((i) => i % 2 === 0).concat([...Array(10).keys()].map((i) => 3000 + i));
    expect(popped.slice(0, expected.length)).toEqual(expected);
  });

  it('keeps FIFO order among equal times through a heap bottom, a purge and a rebuild', () => {
    const q = new EventQueue();
    const label = new Map<number, number>();
    const handles: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const handle = q.push(i % 4 === 3 ? 9 : 5); // 2250 ties at 5 (too many to keep sorted) and 750 at 9
      handles.push(handle);
      label.set(EventQueue.slotOf(handle), i);
    }
    const timeOf = (i: number): number => (i >= 3000 || i % 4 !== 3 ? 5 : 9);
    const popped: number[] = [];
    for (let i = 0; i < 10; i++) popped.push(label.get(q.pop())!);
    // Cancel two thirds of the rest: more dead than live entries triggers the purge, which must
    // carry the ties out of the heap bottom in push order.
    const cancelled = new Set<number>();
    for (let i = 0; i < 3000; i++) if (i % 3 !== 0 && q.cancel(handles[i]!)) cancelled.add(i);
    expect(cancelled.size).toBeGreaterThan(1900);
    for (let i = 0; i < 5; i++) label.set(EventQueue.slotOf(q.push(5)), 3000 + i);
    for (let slot = q.pop(); slot >= 0; slot = q.pop()) popped.push(label.get(slot)!);
    const survivors = [...Array(3005).keys()].filter((i) => !cancelled.has(i));
    const expected = survivors.sort((a, b) => timeOf(a) - timeOf(b) || a - b);
    expect(popped).toEqual(expected);
  });

  it('keeps FIFO order among equal times when a purge empties a heap bottom of pairwise ties', () => {
    const q = new EventQueue();
    const timeOfLabel: number[] = [];
    const label = new Map<number, number>();
    const handles: number[] = [];
    const push = (timeNs: number): void => {
      const handle = q.push(timeNs);
      handles.push(handle);
      label.set(EventQueue.slotOf(handle), timeOfLabel.length);
      timeOfLabel.push(timeNs);
    };
    for (let i = 0; i < 10_000; i++) push(10 + i);
    const popped = [label.get(q.pop())!]; // loads the first bucket into the bottom
    // 200 pushes into the loaded bucket's range, in tied pairs and descending: the bottom turns
    // into a heap whose array order is not push order.
    for (let i = 0; i < 200; i++) push(10.5 + (199 - i) * 0.001 - ((199 - i) % 2) * 0.001);
    for (let i = 0; i < 3; i++) popped.push(label.get(q.pop())!);
    const cancelled = new Set<number>();
    for (let i = 0; i < 10_000; i++) if (i % 10 !== 0 && q.cancel(handles[i]!)) cancelled.add(i);
    for (let slot = q.pop(); slot >= 0; slot = q.pop()) popped.push(label.get(slot)!);
    const expected = [...timeOfLabel.keys()].filter((i) => !cancelled.has(i)).sort((a, b) => timeOfLabel[a]! - timeOfLabel[b]! || a - b);
    expect(popped).toEqual(expected);
  });

  it('matches a reference over mixed workloads: wide, clustered and tied times, bursts, cancels and peeks', { timeout: 30_000 }, () => {
    const rng = RandomStream.derive(7, 'event-queue-ladder-test');
    // Reference: live events sorted by (time, seq), with the handle for cancel.
    interface Ref {
      time: number;
      seq: number;
      handle: number;
    }
    const reference: Ref[] = [];
    const insert = (e: Ref): void => {
      let lo = 0;
      let hi = reference.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const m = reference[mid]!;
        if (m.time < e.time || (m.time === e.time && m.seq < e.seq)) lo = mid + 1;
        else hi = mid;
      }
      reference.splice(lo, 0, e);
    };
    const q = new EventQueue(8);
    const bySlot = new Map<number, Ref>();
    let seq = 0;
    let now = 0;
    let mismatches = 0;
    const push = (time: number): void => {
      const handle = q.push(time);
      const e = { time, seq: seq++, handle };
      bySlot.set(EventQueue.slotOf(handle), e);
      insert(e);
    };
    const popAndCheck = (): void => {
      const slot = q.pop();
      const expected = reference.shift();
      if (expected === undefined) {
        if (slot !== -1) mismatches++;
        return;
      }
      if (bySlot.get(slot) !== expected || q.poppedTimeNs !== expected.time) mismatches++;
      now = q.poppedTimeNs;
    };
    for (let phase = 0; phase < 12; phase++) {
      const mode = phase % 6;
      const target = [50, 1500, 6000][phase % 3]!;
      for (let op = 0; op < 25_000; op++) {
        const r = rng.uniform();
        if (reference.length < target && r < 0.6) {
          let time: number;
          if (mode === 0) time = now + rng.exponential(target); // hold model
          else if (mode === 1) time = now + rng.integer(0, 3); // heavy ties
          else if (mode === 2) time = now + (rng.uniform() < 0.01 ? 1e12 * rng.uniform() : rng.uniform()); // far outliers
          else if (mode === 3) time = Math.floor(now) + (rng.uniform() < 0.5 ? 0 : rng.pareto(1, 1.1)); // heavy tail, ties
          else if (mode === 4) time = now; // zero-delay chains
          else time = now + rng.exponential(1) * 1e-9; // tiny spreads
          push(time);
        } else if (r < 0.7 && reference.length > 0) {
          const e = reference[rng.integer(0, reference.length - 1)]!;
          if (!q.cancel(e.handle)) mismatches++;
          reference.splice(reference.indexOf(e), 1);
        } else if (r < 0.75) {
          if (q.peekTimeNs() !== (reference[0]?.time ?? Infinity)) mismatches++;
        } else {
          popAndCheck();
        }
      }
      if (phase === 5) {
        // Cancel most of what is pending (exercises the purge), then carry on.
        for (const e of reference.filter((_, i) => i % 8 !== 0)) {
          if (!q.cancel(e.handle)) mismatches++;
          reference.splice(reference.indexOf(e), 1);
        }
      }
      if (q.size !== reference.length) mismatches++;
    }
    while (reference.length > 0) popAndCheck();
    expect(mismatches).toBe(0);
    expect(q.pop()).toBe(-1);
  });

  it('matches a reference on fabric-like clustered ties: big buckets of a few times, pushes into them while they drain', () => {
    // A symmetric fabric finishes many transmissions at the same nanosecond: each pop schedules
    // one or two events at a few fixed offsets (serialization, propagation), so buckets hold
    // hundreds of events of one or a few times; some pushes land in the bucket being drained.
    const rng = RandomStream.derive(11, 'event-queue-clustered-ties');
    const q = new EventQueue(16);
    const reference: { time: number; seq: number; slot: number }[] = [];
    let seq = 0;
    const push = (time: number): void => {
      const slot = EventQueue.slotOf(q.push(time));
      let i = reference.length;
      while (i > 0 && reference[i - 1]!.time > time) i--;
      reference.splice(i, 0, { time, seq: seq++, slot });
    };
    const offsets = [0, 333.6, 1000, 1333.6, 1333.6, 2000.5];
    for (let i = 0; i < 600; i++) push(offsets[rng.integer(0, 2)]!);
    let mismatches = 0;
    for (let op = 0; op < 60_000 && reference.length > 0; op++) {
      const slot = q.pop();
      const expected = reference.shift()!;
      if (slot !== expected.slot || q.poppedTimeNs !== expected.time) mismatches++;
      const now = q.poppedTimeNs;
      const pushes = reference.length < 400 ? 2 : rng.integer(0, 1);
      for (let k = 0; k < pushes; k++) push(now + offsets[rng.integer(0, offsets.length - 1)]!);
    }
    while (reference.length > 0) {
      const slot = q.pop();
      const expected = reference.shift()!;
      if (slot !== expected.slot || q.poppedTimeNs !== expected.time) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(q.pop()).toBe(-1);
  });

  it('matches a reference sort over one million random schedule/pop/cancel operations', () => {
    const rng = RandomStream.derive(2024, 'event-queue-test');
    const q = new EventQueue(4);
    // Reference: live events as (time, seq); popped order must equal sorting by (time, seq).
    const bySlot = new Map<number, { time: number; seq: number; handle: number }>();
    const live: { time: number; seq: number; handle: number }[] = [];
    let seq = 0;
    let now = 0;
    let mismatches = 0;
    for (let op = 0; op < 1_000_000; op++) {
      const r = rng.uniform();
      if (r < 0.5 || live.length === 0) {
        // Integer times produce many ties; the engine never schedules before now.
        const time = now + rng.integer(0, 50);
        const handle = q.push(time);
        const entry = { time, seq: seq++, handle };
        bySlot.set(EventQueue.slotOf(handle), entry);
        live.push(entry);
      } else if (r < 0.55) {
        const index = rng.integer(0, live.length - 1);
        const entry = live[index]!;
        expect(q.cancel(entry.handle)).toBe(true);
        live[index] = live[live.length - 1]!;
        live.pop();
      } else {
        let best = 0;
        for (let i = 1; i < live.length; i++) {
          const a = live[i]!;
          const b = live[best]!;
          if (a.time < b.time || (a.time === b.time && a.seq < b.seq)) best = i;
        }
        const expected = live[best]!;
        live[best] = live[live.length - 1]!;
        live.pop();
        const slot = q.pop();
        const got = bySlot.get(slot);
        if (got !== expected || q.poppedTimeNs !== expected.time) mismatches++;
        now = q.poppedTimeNs;
      }
      if (live.length > 200) {
        // keep the reference's linear scan cheap
        const slot = q.pop();
        const expectedIndex = live.reduce(
          (best, e, i) => (e.time < live[best]!.time || (e.time === live[best]!.time && e.seq < live[best]!.seq) ? i : best),
          0,
        );
        const expected = live[expectedIndex]!;
        live[expectedIndex] = live[live.length - 1]!;
        live.pop();
        if (bySlot.get(slot) !== expected) mismatches++;
        now = q.poppedTimeNs;
      }
    }
    expect(mismatches).toBe(0);
    expect(q.size).toBe(live.length);
  });
});
