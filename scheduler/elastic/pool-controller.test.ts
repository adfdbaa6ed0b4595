import { describe, expect, it } from 'vitest';
import type { ServingControlView } from '../../fabric-sim/serving/index.js';
import { PoolController } from './pool-controller.js';
import type { ScalingPolicy } from './scaling-policy.js';

const S = 1e9;

/** A policy that answers a scripted replica count per tick. */
function scripted(counts: readonly number[]): ScalingPolicy {
  let tick = 0;
  return { name: 'scripted', observe: () => undefined, desiredReplicas: () => counts[Math.min(tick++, counts.length - 1)]! };
}

const view = (nowNs: number, ready: number, starting = 0, draining = 0): ServingControlView => ({ nowNs, readyReplicas: ready, startingReplicas: starting, drainingReplicas: draining, requestsPerSec: 0, inFlight: 0 });

describe('PoolController', () => {
  const borrower = { name: 'lora', priority: 0, gpusPerWorker: 1, maxWorkers: 64 };
  const options = { periodNs: S, modelLoadNs: 20 * S, gpusPerReplica: 2, ownedGpus: 16, reclaimGraceNs: 10 * S, borrower, reserveGpus: 2, minLendGpus: 4 };

  it('lends idle GPUs beyond the reserve in batches, and a scale-up that needs them back waits for the reclaim', () => {
    const c = new PoolController({ ...options, policy: scripted([5, 3, 2, 8]) });
    expect(c.desiredReplicas(view(1 * S, 5))).toBe(5); // 10 held, 6 idle - 2 reserve = 4: lend 4
    expect(c.lentWorkers).toBe(4);
    expect(c.startDelayNs(1 * S)).toBe(20 * S); // nothing to reclaim: the model load only
    // Down to 3: the two drained replicas still hold their requests, so nothing more is idle yet.
    expect(c.desiredReplicas(view(2 * S, 5))).toBe(3);
    expect(c.lentWorkers).toBe(4);
    // Drained: 3 ready = 6 held, 16 - 6 - 4 lent - 2 reserve = 4 more.
    expect(c.desiredReplicas(view(3 * S, 3))).toBe(2);
    expect(c.lentWorkers).toBe(8);
    // Up to 8 replicas = 16 GPUs: all 8 lent GPUs come back, and the new replicas wait for the grace.
    expect(c.desiredReplicas(view(4 * S, 2))).toBe(8);
    expect(c.lentWorkers).toBe(0);
    expect(c.startDelayNs(4 * S)).toBe(30 * S);
    expect(c.startDelayNs(10 * S)).toBe(24 * S);
    const kinds = c.actions.map((a) => `${a.kind}:${a.gpus}@${a.timeNs / S}`);
    expect(kinds).toEqual(['lend:4@1', 'lend:4@3', 'reclaim:8@4']);
  });

  it('never lends a batch smaller than minLendGpus, and never lends without a borrower', () => {
    const c = new PoolController({ ...options, policy: scripted([6]) }); // 12 held, 4 idle - 2 reserve = 2 < 4
    c.desiredReplicas(view(1 * S, 6));
    expect(c.actions).toEqual([]);
    const none = new PoolController({ ...options, borrower: undefined, policy: scripted([1]) });
    none.desiredReplicas(view(1 * S, 1));
    expect(none.actions).toEqual([]);
  });

  it('caps the replica count at what the pool owns and records scale-up and reclaim lag intervals', () => {
    const c = new PoolController({ ...options, policy: scripted([2, 12, 12]) });
    c.desiredReplicas(view(1 * S, 2));
    expect(c.desiredReplicas(view(2 * S, 2))).toBe(8);
    c.desiredReplicas(view(3 * S, 2, 6));
    expect(c.control).toEqual([
      { startNs: 1 * S, endNs: 2 * S, replicasStarting: 0, gpusReclaiming: 0 },
      { startNs: 2 * S, endNs: 3 * S, replicasStarting: 6, gpusReclaiming: 10 },
    ]);
  });

  it('rejects bad options with the value', () => {
    expect(() => new PoolController({ ...options, policy: scripted([1]), ownedGpus: 1 })).toThrow(/ownedGpus .* got 1/);
    expect(() => new PoolController({ ...options, policy: scripted([1]), periodNs: 0 })).toThrow(/periodNs/);
  });
});
