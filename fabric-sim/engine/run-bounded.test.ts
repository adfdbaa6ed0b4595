import { describe, expect, it } from 'vitest';
import { Engine } from './engine.js';
import { runBounded } from './run-bounded.js';

/** A chain of ticks 7 ns apart, each logging its time; random gaps interleave a second chain. */
function chains(engine: Engine, log: string[]): void {
  const random = engine.random('gaps');
  const tick = engine.register('tick', (n) => {
    log.push(`t${n}@${engine.nowNs}`);
    if (n < 500) engine.schedule(7, tick, n + 1);
  });
  const jitter = engine.register('jitter', (n) => {
    log.push(`j${n}@${engine.nowNs}`);
    if (n < 300) engine.schedule(random.integer(0, 20), jitter, n + 1);
  });
  engine.schedule(0, tick, 0);
  engine.schedule(3, jitter, 0);
}

describe('runBounded', () => {
  it('stops after the budget with the clock at the last event, and resumes there', () => {
    const engine = new Engine();
    const log: string[] = [];
    chains(engine, log);
    expect(runBounded(engine, 1e9, 10)).toBe('stopped');
    expect(engine.eventsProcessed).toBe(10);
    expect(log).toHaveLength(10);
    expect(engine.nowNs).toBe(Number(log.at(-1)!.split('@')[1]));
    expect(runBounded(engine, 1e9, 5)).toBe('stopped');
    expect(engine.eventsProcessed).toBe(15);
  });

  it('gives the same event sequence as one run, whatever the slices', () => {
    const whole = new Engine({ seed: 3 });
    const expected: string[] = [];
    chains(whole, expected);
    whole.runUntil(2_000);

    const sliced = new Engine({ seed: 3 });
    const log: string[] = [];
    chains(sliced, log);
    let limit = 0;
    let budget = 1;
    while (limit < 2_000) {
      // Time slices of 37 ns and event budgets of 1..13: many slices end mid-time, some mid-tie.
      if (runBounded(sliced, Math.min(2_000, limit + 37), budget) !== 'stopped') limit += 37;
      budget = (budget % 13) + 1;
    }
    expect(log).toEqual(expected);
    expect(sliced.nowNs).toBe(whole.nowNs);
    expect(sliced.pendingEvents).toBe(whole.pendingEvents);
  });

  it('reaches the limit within the budget, removes its hook, and rejects a budget below 1', () => {
    const engine = new Engine();
    const log: string[] = [];
    chains(engine, log);
    expect(runBounded(engine, 20, 1_000)).toBe('time-limit');
    expect(engine.nowNs).toBe(20);
    // No hook is left behind: an unbounded run is not stopped.
    expect(engine.runUntilIdle()).toBe('idle');
    expect(log).toHaveLength(802);
    expect(() => runBounded(engine, 30, 0)).toThrow(RangeError);
  });
});
