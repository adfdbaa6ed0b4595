import { describe, expect, it } from 'vitest';
import { Engine } from './engine.js';

describe('Engine', () => {
  it('fires events in time order, ties in scheduling order, with the clock at the event time', () => {
    const engine = new Engine();
    const log: string[] = [];
    const mark = engine.register('mark', (arg) => log.push(`${engine.nowNs}:${arg}`));
    engine.schedule(30, mark, 1);
    engine.schedule(10, mark, 2);
    engine.schedule(10, mark, 3);
    engine.scheduleAt(20, mark, 4);
    expect(engine.runUntilIdle()).toBe('idle');
    expect(log).toEqual(['10:2', '10:3', '20:4', '30:1']);
    expect(engine.eventsProcessed).toBe(4);
  });

  it('runs until a time, leaving later events pending and the clock at the limit', () => {
    const engine = new Engine();
    let fired = 0;
    const tick = engine.register('tick', () => {
      fired++;
      engine.schedule(100, tick);
    });
    engine.schedule(0, tick);
    expect(engine.runUntil(1_000)).toBe('time-limit');
    expect(fired).toBe(11); // 0, 100, ..., 1000
    expect(engine.nowNs).toBe(1_000);
    expect(engine.pendingEvents).toBe(1);
    expect(engine.nextEventTimeNs).toBe(1_100);
    expect(engine.runUntil(1_050)).toBe('time-limit');
    expect(engine.nowNs).toBe(1_050);
    expect(() => engine.runUntil(10)).toThrow(/not be before now/);
  });

  it('stops on request after the current event', () => {
    const engine = new Engine();
    let fired = 0;
    const tick = engine.register('tick', () => {
      fired++;
      if (fired === 5) engine.stop();
      engine.schedule(1, tick);
    });
    engine.schedule(0, tick);
    expect(engine.runUntilIdle()).toBe('stopped');
    expect(fired).toBe(5);
    expect(engine.runUntil(7)).toBe('time-limit');
    expect(fired).toBe(8);
  });

  it('cancels scheduled events', () => {
    const engine = new Engine();
    const log: number[] = [];
    const mark = engine.register('mark', (arg) => log.push(arg));
    const cancelOther = engine.register('cancel', (handle) => {
      expect(engine.cancel(handle)).toBe(true);
    });
    const victim = engine.schedule(50, mark, 1);
    engine.schedule(10, cancelOther, victim);
    const fired = engine.schedule(5, mark, 2);
    engine.runUntilIdle();
    expect(log).toEqual([2]);
    expect(engine.cancel(fired)).toBe(false);
    expect(engine.cancel(victim)).toBe(false);
  });

  it('reports progress every N events and at the end of a run', () => {
    const engine = new Engine();
    const tick = engine.register('tick', (n) => {
      if (n > 0) engine.schedule(1, tick, n - 1);
    });
    engine.schedule(0, tick, 24);
    const reports: number[] = [];
    engine.onProgress((r) => reports.push(r.eventsProcessed), { everyEvents: 10 });
    engine.runUntilIdle();
    expect(reports).toEqual([10, 20, 25]);
  });

  it('rejects bad schedules with the bad value in the message', () => {
    const engine = new Engine();
    const noop = engine.register('noop', () => undefined);
    expect(() => engine.schedule(-1, noop)).toThrow(/got -1/);
    expect(() => engine.schedule(Number.NaN, noop)).toThrow(/got NaN/);
    expect(() => engine.schedule(1, 99)).toThrow(/unknown event kind 99/);
    expect(() => engine.register('noop', () => undefined)).toThrow(/already registered/);
    expect(() => new Engine({ seed: -3 })).toThrow(/got -3/);
    engine.random('x');
    expect(() => engine.random('x')).toThrow(/already taken/);
  });

  it('is deterministic: same seed, same trajectory', () => {
    const trajectory = (seed: number): number[] => {
      const engine = new Engine({ seed });
      const rng = engine.random('gaps');
      const times: number[] = [];
      const hop = engine.register('hop', (n) => {
        times.push(engine.nowNs);
        if (n < 1000) engine.schedule(rng.exponential(100), hop, n + 1);
      });
      engine.schedule(0, hop, 0);
      engine.runUntilIdle();
      return times;
    };
    expect(trajectory(5)).toEqual(trajectory(5));
    expect(trajectory(5)).not.toEqual(trajectory(6));
  });

  it('grows its payload arrays with the queue', () => {
    const engine = new Engine({ initialCapacity: 2 });
    const seen: number[] = [];
    const mark = engine.register('mark', (arg) => seen.push(arg));
    for (let i = 0; i < 5000; i++) engine.schedule(5000 - i, mark, i);
    engine.runUntilIdle();
    expect(seen).toEqual([...Array(5000).keys()].reverse());
  });
});
