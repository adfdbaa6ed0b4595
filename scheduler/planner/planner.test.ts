import { describe, expect, it } from 'vitest';
import { WeftError } from '../../core/errors.js';
import { efficiencyFor, getGpu, getModel, makeDeployment, nvlinkAlphaBetaCollectives, stepCost } from '../../gpu-model/index.js';
import { loadProfile } from './load-profile.js';
import { planDeployment } from './plan.js';
import { ReplicaModel } from './replica-model.js';
import { parseDurationNs, parseSlo } from './slo.js';

/** A deterministic spread of prompt and output lengths (roughly a chat trace's). */
const REQUESTS = Array.from({ length: 1000 }, (_, i) => ({ promptTokens: 200 + ((i * 7919) % 1800), outputTokens: 50 + ((i * 104729) % 400) }));

function replicaModel(modelName: string, gpuName: string, tp: number): ReplicaModel {
  const gpu = getGpu(gpuName);
  return new ReplicaModel(makeDeployment({ model: getModel(modelName), gpu, tp }), nvlinkAlphaBetaCollectives(gpu), efficiencyFor(gpu.name));
}

describe('SLO parsing', () => {
  it('reads targets and durations in every unit', () => {
    expect(parseSlo('ttft-p99=300ms,tpot-p99=50ms')).toEqual({ ttftP99Ns: 3e8, tpotP99Ns: 5e7 });
    expect(parseSlo('e2e-p99=1.5s')).toEqual({ e2eP99Ns: 1.5e9 });
    expect(parseDurationNs('250us', 'x')).toBe(250_000);
    expect(parseDurationNs('2m', 'x')).toBe(120e9);
  });

  it('rejects unknown targets, malformed durations and repeats with the field and value', () => {
    const fails = (text: string, pattern: RegExp): void => {
      let caught: unknown;
      try {
        parseSlo(text);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(WeftError);
      expect((caught as Error).message + JSON.stringify(caught)).toMatch(pattern);
    };
    fails('ttft-p95=300ms', /unknown SLO target.*ttft-p95/);
    fails('ttft-p99=300', /malformed duration.*300/);
    fails('ttft-p99=-5ms', /malformed duration/);
    fails('ttft-p99=1ms,ttft-p99=2ms', /given twice/);
    fails('ttft-p99', /malformed SLO target/);
  });
});

describe('ReplicaModel', () => {
  const load = loadProfile(1, REQUESTS);

  it('at a vanishing rate predicts one prompt prefill plus half a step, and a batch-of-one decode step', () => {
    const fixed = loadProfile(1, [{ promptTokens: 1000, outputTokens: 200 }]);
    const model = replicaModel('llama-3-8b', 'h100-sxm', 1);
    const p = model.predict(1e-6, fixed);
    const gpu = getGpu('h100-sxm');
    const d = makeDeployment({ model: getModel('llama-3-8b'), gpu });
    const options = { collectives: nvlinkAlphaBetaCollectives(gpu), efficiency: efficiencyFor(gpu.name) };
    // The running request decodes at its mean context: 1000 + E[O^2] / (2 E[O]) = 1100 tokens.
    const decodeNs = stepCost(d, [{ newTokens: 1, cachedTokens: 1100 }], options).timeNs;
    const prefillNs = stepCost(d, [{ newTokens: 1, cachedTokens: 1100 }, { newTokens: 1000, cachedTokens: 0 }], options).timeNs;
    expect(p.feasible).toBe(true);
    const near = (actual: number, expected: number): void => {
      expect(Math.abs(actual / expected - 1)).toBeLessThan(1e-3);
    };
    near(p.tpotMeanNs, decodeNs);
    near(p.tpotP99Ns, decodeNs);
    near(p.ttftP99Ns, prefillNs + decodeNs / 2);
    expect(p.utilisation).toBeLessThan(1e-3);
  });

  it('rises with the arrival rate and ends infeasible past the replica capacity', () => {
    const model = replicaModel('llama-3-8b', 'h100-sxm', 1);
    let previous = model.predict(0.5, load);
    let lastFeasibleRate = 0;
    for (let rate = 1; rate <= 64; rate *= 2) {
      const p = model.predict(rate, load);
      if (!p.feasible) {
        expect(p.reason).toMatch(/budget|overloaded|prefill|max_num_seqs|KV/);
        break;
      }
      lastFeasibleRate = rate;
      expect(p.ttftP99Ns).toBeGreaterThanOrEqual(previous.ttftP99Ns);
      expect(p.tpotP99Ns).toBeGreaterThanOrEqual(previous.tpotP99Ns);
      expect(p.utilisation).toBeGreaterThanOrEqual(previous.utilisation);
      expect(p.ttftP99Ns).toBeGreaterThanOrEqual(p.ttftMeanNs);
      previous = p;
    }
    expect(lastFeasibleRate).toBeGreaterThanOrEqual(4);
    expect(lastFeasibleRate).toBeLessThan(64);
    expect(model.predict(64, load).feasible).toBe(false);
  });

  it('reports a configuration whose weights do not fit as infeasible with the reason', () => {
    const p = replicaModel('llama-3-70b', 'l40s', 1).predict(1, load);
    expect(p.feasible).toBe(false);
    expect(p.reason).toMatch(/exceed the usable/);
  });
});

describe('planDeployment (analytic screen)', () => {
  const slo = parseSlo('ttft-p99=300ms,tpot-p99=50ms');
  const load = loadProfile(40, REQUESTS);

  it('keeps the cheapest candidate that meets every target, with the fewest replicas of its configuration', () => {
    const plan = planDeployment({ model: 'llama-3-8b', slo, load, gpus: ['h100-sxm', 'a100-80g-sxm'] });
    const chosen = plan.chosen!;
    expect(chosen.meets).toBe(true);
    expect(plan.screened).toBeGreaterThan(20);
    for (const c of plan.candidates) if (c.meets) expect(c.usdPerHour).toBeGreaterThanOrEqual(chosen.usdPerHour);
    expect(chosen.prediction.ttftP99Ns).toBeLessThanOrEqual(0.9 * 3e8);
    expect(chosen.prediction.tpotP99Ns).toBeLessThanOrEqual(0.9 * 5e7);
    if (chosen.replicas > 1) {
      const fewer = planDeployment({ model: 'llama-3-8b', slo, load, gpus: [chosen.gpu], tensorParallel: [chosen.tp], precisions: [chosen.precision], maxReplicas: chosen.replicas - 1 });
      expect(fewer.chosen).toBeUndefined();
    }
    // More load never needs fewer GPUs for the same configuration.
    const heavier = planDeployment({ model: 'llama-3-8b', slo, load: loadProfile(80, REQUESTS), gpus: [chosen.gpu], tensorParallel: [chosen.tp], precisions: [chosen.precision] });
    expect(heavier.chosen!.replicas).toBeGreaterThanOrEqual(chosen.replicas);
  });

  it('explains an SLO no candidate can meet with the nearest candidates and what they miss by', () => {
    const plan = planDeployment({ model: 'llama-3-8b', slo: parseSlo('ttft-p99=2ms'), load, gpus: ['h100-sxm'] });
    expect(plan.chosen).toBeUndefined();
    expect(plan.nearest.length).toBeGreaterThan(0);
    expect(plan.nearest[0]!.misses.join(' ')).toMatch(/ttft-p99 [\d.]+ ms > 1\.8 ms allowed \(target 2\.0 ms\)/);
  });

  it('rejects configurations it cannot build, with the reason, and bad input with a clear error', () => {
    const plan = planDeployment({ model: 'llama-3-8b', slo, load, gpus: ['a100-80g-sxm', 'l40s'] });
    expect(plan.rejected.some((r) => r.gpu === 'a100-80g-sxm' && r.precision === 'fp8' && /no fp8/.test(r.reason))).toBe(true);
    expect(plan.rejected.some((r) => r.gpu === 'l40s' && r.tp === 2 && /NVLink domain/.test(r.reason))).toBe(true);
    expect(() => planDeployment({ model: 'llama-9', slo, load })).toThrow(WeftError);
    expect(() => planDeployment({ model: 'llama-3-8b', slo, load, headroom: 1 })).toThrow(/headroom/);
  });

  it('is deterministic', () => {
    const a = planDeployment({ model: 'qwen2.5-7b', slo, load, gpus: ['h100-sxm', 'l40s'] });
    const b = planDeployment({ model: 'qwen2.5-7b', slo, load, gpus: ['h100-sxm', 'l40s'] });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
