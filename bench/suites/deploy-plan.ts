import type { InferenceRequest } from '../../fabric-sim/workload/inference-request.js';
import { loadProfile, parseSlo, planDeployment, verifyCandidate, type Candidate, type LoadProfile, type PlanInput } from '../../scheduler/planner/index.js';
import { readAzureLlmTrace } from '../../traces/formats/azure-llm.js';
import { ReadSummary } from '../../traces/read/read-summary.js';
import { samplePath } from '../../traces/samples/locate.js';
import type { Figure, Suite } from '../figures.js';

/**
 * One-click planning (`weft deploy`) for Llama-3-8B at 40 req/s with Azure conversation lengths
 * and p99 targets TTFT 300 ms / TPOT 50 ms:
 * - the planner over the whole catalog (every GPU type x TP 1-8 x bf16/fp8/int4): the analytic
 *   screen, then the cheapest 5 candidates verified by simulating 10,000 requests each;
 * - the baseline, in the same run, on the H100 configurations only (so it finishes in about a
 *   minute): a simulation-only capacity search, as a simulator without an analytic model must
 *   do it: for each configuration the fewest replicas meeting the SLO, found by the same
 *   doubling-then-bisection, each probe a 10,000-request simulation. The ratio compares it
 *   with the planner on the same H100 space.
 */
const REQUESTS_PER_SIMULATION = 10_000;
const VERIFY_TOP = 5;

async function azureConversationLoad(rate: number): Promise<LoadProfile> {
  const path = samplePath('azure2023/AzureLLMInferenceTrace_conv.csv.gz');
  const requests: InferenceRequest[] = [];
  for await (const r of readAzureLlmTrace(path, new ReadSummary(path))) requests.push({ ...r, outputTokens: Math.max(1, r.outputTokens) });
  return loadProfile(rate, requests);
}

async function plannerWallMs(input: PlanInput): Promise<{ wallMs: number; screened: number; verified: number; chosen: string }> {
  const start = performance.now();
  const plan = planDeployment(input);
  let chosen = 'none';
  const top = plan.candidates.filter((c) => c.meets).slice(0, VERIFY_TOP);
  for (const candidate of top) {
    const v = await verifyCandidate(candidate, input.model, input.load, input.slo, { requests: REQUESTS_PER_SIMULATION, seeds: [1] });
    if (v.meets && chosen === 'none') chosen = `${candidate.gpu} tp${candidate.tp} ${candidate.precision} x${candidate.replicas}`;
  }
  return { wallMs: performance.now() - start, screened: plan.screened, verified: top.length, chosen };
}

/** Simulation-only search over the configurations of `input` (no analytic screen). */
async function simulationOnlyWallMs(input: PlanInput, maxReplicas: number): Promise<{ wallMs: number; simulations: number }> {
  const start = performance.now();
  let simulations = 0;
  // The screen is used only to list the buildable configurations; every decision is simulated.
  // (Configurations whose weights do not fit a replica's memory are skipped: no count helps.)
  const configurations = planDeployment({ ...input, maxReplicas: 1 }).candidates.filter((c) => c.prediction.reason?.includes('exceed the usable') !== true);
  for (const base of configurations) {
    const meets = async (replicas: number): Promise<boolean> => {
      simulations++;
      const candidate: Candidate = { ...base, replicas, gpus: replicas * base.tp };
      return (await verifyCandidate(candidate, input.model, input.load, input.slo, { requests: REQUESTS_PER_SIMULATION, seeds: [1] })).meets;
    };
    let low = 0;
    let high = -1;
    for (let r = 1; r <= maxReplicas; r *= 2) {
      if (await meets(r)) {
        high = r;
        break;
      }
      low = r;
    }
    while (high > 0 && high - low > 1) {
      const mid = (low + high) >> 1;
      if (await meets(mid)) high = mid;
      else low = mid;
    }
  }
  return { wallMs: performance.now() - start, simulations };
}

export const deployPlanSuite: Suite = {
  name: 'deploy-plan',
  description: 'one-click planning: analytic screen + 5 verifications of 10,000 requests, vs simulation-only capacity search',
  async run(log) {
    const load = await azureConversationLoad(40);
    const slo = parseSlo('ttft-p99=300ms,tpot-p99=50ms');
    const base: PlanInput = { model: 'llama-3-8b', slo, load, precisions: ['bf16', 'fp8', 'int4'] };
    const full = await plannerWallMs(base);
    log(`  planner, whole catalog: ${full.screened} candidates screened, ${full.verified} verified, ${(full.wallMs / 1000).toFixed(2)} s wall; chose ${full.chosen}`);
    const h100: PlanInput = { ...base, gpus: ['h100-sxm'] };
    const planner = await plannerWallMs(h100);
    log(`  planner, H100 only: ${planner.screened} screened, ${planner.verified} verified, ${(planner.wallMs / 1000).toFixed(2)} s`);
    const baseline = await simulationOnlyWallMs(h100, 16);
    log(`  simulation-only search, H100 only: ${baseline.simulations} simulations, ${(baseline.wallMs / 1000).toFixed(2)} s`);
    const figures: Figure[] = [
      { name: 'planner wall time, whole catalog', value: Math.round(full.wallMs), unit: 'ms' },
      { name: 'candidates screened, whole catalog', value: full.screened, unit: 'candidates' },
      { name: 'candidates verified by simulation', value: full.verified, unit: 'candidates' },
      { name: 'requests simulated per verification', value: REQUESTS_PER_SIMULATION, unit: 'requests' },
      { name: 'planner wall time, H100 only', value: Math.round(planner.wallMs), unit: 'ms' },
      { name: 'simulation-only search wall time, H100 only', value: Math.round(baseline.wallMs), unit: 'ms' },
      { name: 'simulation-only search simulations, H100 only', value: baseline.simulations, unit: 'simulations' },
    ];
    return {
      suite: 'deploy-plan',
      description: deployPlanSuite.description,
      figures,
      ratios: [{ name: 'simulation-only search / planner wall time, H100 only', value: Math.round((baseline.wallMs / planner.wallMs) * 100) / 100, unit: 'x' }],
      quoted: [
        { name: "Vidur's capacity search (Vidur-Search)", value: 3600, unit: 's CPU', source: 'issue #7, after Agrawal et al., Vidur (MLSys 2024): about an hour of CPU per search' },
        { name: "NVIDIA AIConfigurator's search", value: 30, unit: 's', source: 'issue #7' },
      ],
    };
  },
};
