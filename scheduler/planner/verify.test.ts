import { describe, expect, it } from 'vitest';
import { loadProfile } from './load-profile.js';
import { planAndVerify, planDeployment, verifyCandidate } from './index.js';
import { parseSlo } from './slo.js';

/** A deterministic spread of prompt (200..2000) and output (50..450) lengths. */
const REQUESTS = Array.from({ length: 1000 }, (_, i) => ({ promptTokens: 200 + ((i * 7919) % 1800), outputTokens: 50 + ((i * 104729) % 400) }));
const slo = parseSlo('ttft-p99=300ms,tpot-p99=50ms');
const load = loadProfile(40, REQUESTS);
const VERIFY = { requests: 4000, seeds: [1, 2, 3] } as const;

describe('the one-click planner against the serving simulation', () => {
  it("chooses a plan whose screened p99s are within 20% of the simulated ones (median of 3 seeds, at most 80% utilisation)", { timeout: 120_000 }, async () => {
    const result = await planAndVerify({ model: 'llama-3-8b', slo, load, gpus: ['h100-sxm'] }, { ...VERIFY, verifyTop: 2 });
    const chosen = result.chosen!;
    expect(chosen.meets).toBe(true);
    const predicted = chosen.candidate.prediction;
    expect(predicted.utilisation).toBeLessThanOrEqual(0.8);
    // Measured (2026-11-29): h100 tp1 fp8 x2 at 76%: TTFT p99 121.0 ms screened vs 116.9 ms
    // simulated, TPOT p99 20.5 vs 22.5 ms.
    expect(Math.abs(predicted.ttftP99Ns / chosen.simulatedTtftP99Ns - 1)).toBeLessThan(0.2);
    expect(Math.abs(predicted.tpotP99Ns / chosen.simulatedTpotP99Ns - 1)).toBeLessThan(0.2);
    expect(chosen.requestAttainment).toBeGreaterThan(0.99);
    expect(chosen.simulatedRequests).toBe(12_000);
  });

  it('catches, by simulation, a plan the screen would pass above the utilisation limit', { timeout: 120_000 }, async () => {
    // Without the 80% limit the screen's cheapest plan runs one replica at about 84%.
    const plan = planDeployment({ model: 'llama-3-8b', slo, load, gpus: ['h100-sxm'], tensorParallel: [2], precisions: ['fp8'], maxUtilisation: 1 });
    const risky = plan.chosen!;
    expect(risky.replicas).toBe(1);
    expect(risky.prediction.utilisation).toBeGreaterThan(0.8);
    // Long enough for the queue of an 84%-utilised replica to build (4,000 requests are not).
    const v = await verifyCandidate(risky, 'llama-3-8b', load, slo, { requests: 10_000, seeds: [1, 2, 3] });
    expect(v.meets).toBe(false);
    expect(v.simulatedTtftP99Ns).toBeGreaterThan(slo.ttftP99Ns!);
    // A p99 above the target means fewer than 99% of the requests met it.
    expect(v.requestAttainment).toBeLessThan(0.99);
    // With the limit, the same configuration needs two replicas.
    const safe = planDeployment({ model: 'llama-3-8b', slo, load, gpus: ['h100-sxm'], tensorParallel: [2], precisions: ['fp8'] });
    expect(safe.chosen!.replicas).toBe(2);
  });
});
