import { describe, expect, it } from 'vitest';
import { WorkQueue } from './work-queue.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('WorkQueue', () => {
  it('de-duplicates a key that waits', async () => {
    const seen: string[] = [];
    const gate = deferred();
    const queue = new WorkQueue({
      concurrency: 1,
      handler: async (key) => {
        seen.push(key);
        if (key === 'first') await gate.promise;
      },
    });
    queue.add('first'); // runs at once and holds the only slot, so the rest wait
    queue.add('a');
    queue.add('b');
    queue.add('a');
    queue.add('b');
    expect(queue.depth).toBe(3);
    gate.resolve();
    await queue.onIdle();
    expect(seen).toEqual(['first', 'a', 'b']);
  });

  it('never runs a key twice at once, and re-runs a key added while it runs', async () => {
    const gate = deferred();
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const queue = new WorkQueue({
      concurrency: 4,
      handler: async () => {
        running++;
        runs++;
        maxRunning = Math.max(maxRunning, running);
        if (runs === 1) await gate.promise;
        running--;
      },
    });
    queue.add('a');
    await new Promise((r) => setImmediate(r));
    queue.add('a');
    queue.add('a');
    gate.resolve();
    await queue.onIdle();
    await new Promise((r) => setImmediate(r));
    await queue.onIdle();
    expect(maxRunning).toBe(1);
    expect(runs).toBe(2);
  });

  it('retries a failing key with exponential back-off and resets after a success', async () => {
    const times: number[] = [];
    const delays: number[] = [];
    const done = deferred();
    const queue = new WorkQueue({
      backoff: { initialMs: 20, maxMs: 1000 },
      handler: () => {
        times.push(Date.now());
        if (times.length < 4) return Promise.reject(new Error('conflict'));
        done.resolve();
        return Promise.resolve();
      },
      onError: (_key, _error, retryInMs) => delays.push(retryInMs),
    });
    queue.add('a');
    await done.promise;
    await queue.onIdle();
    expect(delays).toEqual([20, 40, 80]);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(delays[i - 1]! - 2);
    expect(queue.failures('a')).toBe(0);
  });

  it('drops waiting keys and retries on shutDown', async () => {
    const seen: string[] = [];
    const queue = new WorkQueue({ concurrency: 1, handler: (key) => {
      seen.push(key);
      return Promise.resolve();
    } });
    queue.addAfter('later', 10);
    await queue.shutDown();
    queue.add('after');
    await new Promise((r) => setTimeout(r, 30));
    expect(seen).toEqual([]);
  });

  it('rejects a bad concurrency, quoting it', () => {
    expect(() => new WorkQueue({ concurrency: 0, handler: () => Promise.resolve() })).toThrow('got 0');
  });
});
