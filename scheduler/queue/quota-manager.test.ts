import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../fabric-sim/engine/index.js';
import type { ClusterQueueSpec } from './cluster-queue.js';
import { QuotaManager, type QuotaRequest } from './quota-manager.js';

const req = (workload: string, queue: string, gpus: number, pods = 1, minPods = pods, gpuType?: string): QuotaRequest => ({
  workload, queue, gpuType, gpuMilliPerPod: gpus * 1000, minPods, maxPods: pods,
});

describe('QuotaManager', () => {
  it('without a cohort, a queue gets its nominal quota and no more', () => {
    const q = new QuotaManager([{ name: 'a', quotas: { H100: { nominal: 8 } } }]);
    expect(q.admit(req('w1', 'a', 8))).toMatchObject({ admitted: true, flavor: 'H100', pods: 1, borrowedMilli: 0 });
    expect(q.admit(req('w2', 'a', 1))).toEqual({ admitted: false, reason: 'insufficient quota in cluster queue a (H100: 0.0 GPUs of quota left, 1.0 needed)' });
    q.release('w1');
    expect(q.admit(req('w2', 'a', 1)).admitted).toBe(true);
    expect(q.admit(req('w3', 'nope', 1))).toEqual({ admitted: false, reason: 'cluster queue nope does not exist' });
  });

  it('borrows unused quota from the cohort within borrowing and lending limits', () => {
    const specs = (a: Partial<ClusterQueueSpec['quotas'][string]>, b: Partial<ClusterQueueSpec['quotas'][string]>): ClusterQueueSpec[] => [
      { name: 'a', cohort: 'org', quotas: { H100: { nominal: 8, ...a } } },
      { name: 'b', cohort: 'org', quotas: { H100: { nominal: 8, ...b } } },
    ];
    let q = new QuotaManager(specs({}, {}));
    expect(q.admit(req('w1', 'a', 12))).toMatchObject({ admitted: true, borrowedMilli: 4000 });
    expect(q.admit(req('w2', 'b', 5)).admitted).toBe(false); // only 4 left in the cohort
    expect(q.admit(req('w2', 'b', 4)).admitted).toBe(true);
    q = new QuotaManager(specs({}, { lendingLimit: 2 }));
    expect(q.admit(req('w1', 'a', 11)).admitted).toBe(false);
    expect(q.admit(req('w1', 'a', 10)).admitted).toBe(true);
    expect(q.admit(req('w2', 'b', 6)).admitted).toBe(true); // b's guaranteed 6 stays its own
    q = new QuotaManager(specs({ borrowingLimit: 1 }, {}));
    expect(q.admit(req('w1', 'a', 10)).admitted).toBe(false);
    expect(q.admit(req('w1', 'a', 9)).admitted).toBe(true);
  });

  it('admits elastic workloads at the largest size that fits, and picks the first flavor with room', () => {
    const q = new QuotaManager([{ name: 'a', quotas: { A100: { nominal: 1 }, H100: { nominal: 9 } } }]);
    expect(q.admit(req('ft', 'a', 2, 6, 2))).toMatchObject({ admitted: true, flavor: 'H100', pods: 4 });
    expect(q.admit(req('pinned', 'a', 1, 1, 1, 'L4')).admitted).toBe(false);
    expect(q.dominantShare('a')).toBeCloseTo(8 / 9);
  });

  it('validates quotas, quoting the bad value', () => {
    expect(() => new QuotaManager([{ name: 'a', quotas: { H100: { nominal: -1 } } }])).toThrow(/nominal must be a finite number >= 0, got -1/);
    expect(() => new QuotaManager([{ name: 'a', quotas: { H100: { nominal: 2, lendingLimit: 3 } } }])).toThrow(/must not exceed nominal 2, got 3/);
    expect(() => new QuotaManager([{ name: 'a', quotas: {} }, { name: 'a', quotas: {} }])).toThrow(/needs at least one flavor/);
  });

  it('property: quotas, borrowing and lending limits hold under random admissions and releases', () => {
    const random = RandomStream.derive(9, 'quota-property');
    for (let trial = 0; trial < 30; trial++) {
      const specs: ClusterQueueSpec[] = Array.from({ length: random.integer(1, 4) }, (_, i) => {
        const nominal = random.integer(0, 16);
        return {
          name: `q${i}`,
          cohort: random.uniform() < 0.8 ? 'org' : undefined,
          quotas: { H100: { nominal, ...(random.uniform() < 0.5 ? { lendingLimit: random.integer(0, nominal) } : {}), ...(random.uniform() < 0.5 ? { borrowingLimit: random.integer(0, 8) } : {}) } },
        };
      });
      const q = new QuotaManager(specs);
      const live: string[] = [];
      for (let step = 0; step < 200; step++) {
        if (live.length > 0 && random.uniform() < 0.3) {
          q.release(live.splice(random.integer(0, live.length - 1), 1)[0]!);
        } else {
          const name = `w${step}`;
          const d = q.admit(req(name, `q${random.integer(0, specs.length - 1)}`, random.integer(1, 8), random.integer(1, 3), 1));
          if (d.admitted) live.push(name);
        }
        let pool = 0;
        let drawn = 0;
        for (const s of specs) {
          const quota = s.quotas.H100!;
          const used = q.usage(s.name, 'H100') / 1000;
          const borrowingLimit = quota.borrowingLimit ?? (s.cohort === undefined ? 0 : Infinity);
          expect(used).toBeLessThanOrEqual(quota.nominal + borrowingLimit);
          if (s.cohort === undefined) expect(used).toBeLessThanOrEqual(quota.nominal);
          else {
            const lending = quota.lendingLimit ?? quota.nominal;
            pool += lending;
            drawn += Math.max(0, used - (quota.nominal - lending));
          }
        }
        expect(drawn).toBeLessThanOrEqual(pool + 1e-9);
      }
    }
  });
});
