/**
 * The naive baseline of `npm run bench -- serving`: the same continuous-batching replicas, cost
 * model and round-robin routing as `fabric-sim/serving`, written the straightforward way: every
 * produced token is its own engine event (one per running request per step, as a per-token
 * simulator loop does), and the step's batch is rebuilt from plain arrays with no paged-KV or
 * prefix bookkeeping. Prefix caching, preemption and
 * KV limits are left out (the benchmark's replay never fills the cache), so with round-robin
 * routing both produce the same token times.
 */
import { efficiencyFor, nvlinkAlphaBetaCollectives, stepCost, StepTimer, type Deployment } from '../../gpu-model/index.js';
import { Engine } from '../../fabric-sim/engine/index.js';
import type { InferenceRequest } from '../../fabric-sim/workload/inference-request.js';

interface NaiveRequest {
  readonly arrivalNs: number;
  readonly prompt: number;
  readonly output: number;
  readonly replica: number;
  computed: number;
  generated: number;
  running: boolean;
  firstTokenNs: number;
  finishNs: number;
  scheduled: number;
}

/** Mean TTFT and e2e latency, and the events the run took. */
export interface NaiveServingResult {
  readonly meanTtftNs: number;
  readonly meanE2eNs: number;
  readonly events: number;
}

/**
 * @param costModel `step-timer`: the allocation-free timer Weft's replicas use (the comparison then
 *   measures the event loop alone); `step-cost`: gpu-model's general `stepCost` called with a
 *   fresh batch array every step, as a straightforward simulator would.
 */
export function runNaiveServing(
  requests: readonly InferenceRequest[],
  deployment: Deployment,
  replicas: number,
  costModel: 'step-timer' | 'step-cost',
  maxBatchedTokens = 8192,
  maxSequences = 256,
): NaiveServingResult {
  const engine = new Engine();
  const options = { collectives: nvlinkAlphaBetaCollectives(deployment.gpu), efficiency: efficiencyFor(deployment.gpu.name) };
  const timer = new StepTimer(deployment, options);
  const all: NaiveRequest[] = requests.map((r, i) => ({
    arrivalNs: r.arrivalNs,
    prompt: r.promptTokens,
    output: Math.max(1, r.outputTokens),
    replica: i % replicas,
    computed: 0,
    generated: 0,
    running: false,
    firstTokenNs: NaN,
    finishNs: NaN,
    scheduled: 0,
  }));
  const busy = new Array<boolean>(replicas).fill(false);
  const waiting: number[][] = Array.from({ length: replicas }, () => []);
  const running: number[][] = Array.from({ length: replicas }, () => []);
  const kToken = engine.register('naive/token', (i) => {
    const r = all[i]!;
    r.computed += r.scheduled;
    r.scheduled = 0;
    if (r.computed < r.prompt + r.generated) return;
    r.generated++;
    if (r.generated === 1) r.firstTokenNs = engine.nowNs;
    if (r.generated >= r.output) {
      r.finishNs = engine.nowNs;
      r.running = false;
    }
  });
  const startStep = (replica: number): void => {
    running[replica] = running[replica]!.filter((i) => all[i]!.running);
    const batch: number[] = [];
    let budget = maxBatchedTokens;
    for (const i of running[replica]) {
      if (budget <= 0) break;
      const r = all[i]!;
      r.scheduled = Math.min(r.prompt + r.generated - r.computed, budget);
      budget -= r.scheduled;
      batch.push(i);
    }
    const queue = waiting[replica]!;
    while (queue.length > 0 && budget > 0 && running[replica].length < maxSequences) {
      const i = queue.shift()!;
      const r = all[i]!;
      r.running = true;
      running[replica].push(i);
      r.scheduled = Math.min(r.prompt, budget);
      budget -= r.scheduled;
      batch.push(i);
    }
    if (batch.length === 0) {
      busy[replica] = false;
      return;
    }
    busy[replica] = true;
    const timeNs =
      costModel === 'step-timer'
        ? timer.timeNs(
            batch.map((i) => all[i]!.scheduled),
            batch.map((i) => all[i]!.computed),
            batch.length,
          )
        : stepCost(deployment, batch.map((i) => ({ newTokens: all[i]!.scheduled, cachedTokens: all[i]!.computed })), options).timeNs;
    for (const i of batch) engine.schedule(timeNs, kToken, i);
    engine.schedule(timeNs, kStepDone, replica);
  };
  const kStepDone = engine.register('naive/step-done', (replica) => { startStep(replica); });
  const kArrive = engine.register('naive/arrive', (i) => {
    const replica = all[i]!.replica;
    waiting[replica]!.push(i);
    if (!busy[replica]) startStep(replica);
  });
  all.forEach((r, i) => engine.scheduleAt(r.arrivalNs, kArrive, i));
  engine.runUntilIdle();
  let ttft = 0;
  let e2e = 0;
  for (const r of all) {
    ttft += r.firstTokenNs - r.arrivalNs;
    e2e += r.finishNs - r.arrivalNs;
  }
  return { meanTtftNs: ttft / all.length, meanE2eNs: e2e / all.length, events: engine.eventsProcessed };
}
