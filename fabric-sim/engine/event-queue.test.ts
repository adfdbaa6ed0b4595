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
  });

  it('rejects NaN times and bad capacities', () => {
    const q = new EventQueue();
    expect(() => q.push(Number.NaN)).toThrow(/NaN/);
    expect(() => new EventQueue(0)).toThrow(/initialCapacity.*got 0/);
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
