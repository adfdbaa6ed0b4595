import { simulateServing, scaleArrivals } from '../../fabric-sim/serving/index.js';
import type { InferenceRequest } from '../../fabric-sim/workload/inference-request.js';
import { getGpu, getModel, makeDeployment } from '../../gpu-model/index.js';
import { readAzureLlmTrace } from '../../traces/formats/azure-llm.js';
import { ReadSummary } from '../../traces/read/read-summary.js';
import { samplePath } from '../../traces/samples/locate.js';
import { runNaiveServing } from '../baselines/naive-serving.js';
import type { Figure, Suite } from '../figures.js';
import { median } from '../timing.js';

/**
 * `npm run bench -- serving` (issue 5): replay the Azure conversation trace (19,366 requests)
 * through 8 replicas of Qwen2.5-7B on H100 with Weft's serving simulation and with the naive
 * per-token event loop (`bench/baselines/naive-serving.ts`) in the same run, then a sweep of 20
 * load levels (the trace replayed 0.5x to 10x faster) with Weft. The naive loop runs twice: with
 * Weft's step timer (the event loop alone differs) and, once, calling gpu-model's stepCost. Round-robin routing and no
 * prefix caching, so that both simulate the same system. Timings are medians of ROUNDS rounds, the order of the contenders alternating.
 */
const ROUNDS = 3;
const REPLICAS = 8;

async function wallMs(fn: () => unknown): Promise<{ ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  await fn();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000 };
}

export const servingSuite: Suite = {
  name: 'serving',
  description: `Azure conversation trace through ${REPLICAS} x qwen2.5-7b on H100: Weft vs a naive per-token event loop; a 20-level load sweep`,
  async run(log) {
    const path = samplePath('azure2023/AzureLLMInferenceTrace_conv.csv.gz');
    const requests: InferenceRequest[] = [];
    for await (const r of readAzureLlmTrace(path, new ReadSummary(path))) requests.push(r);
    const deployment = makeDeployment({ model: getModel('qwen2.5-7b'), gpu: getGpu('h100-sxm') });
    const config = { deployment, replicas: REPLICAS, routing: 'round-robin' as const, prefixCaching: false };
    log(`  ${requests.length} requests, ${REPLICAS} replicas`);

    const weftMs: number[] = [];
    const naiveMs: number[] = [];
    let weftTtft = 0;
    let naiveTtft = 0;
    let weftEvents = 0;
    let naiveEvents = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? ['weft', 'naive'] : ['naive', 'weft'];
      for (const who of order) {
        if (who === 'weft') {
          const t = await wallMs(async () => {
            const result = await simulateServing(requests, config);
            weftTtft = result.summary.ttft.meanNs;
            weftEvents = result.events;
          });
          weftMs.push(t.ms);
        } else {
          const t = await wallMs(() => {
            const result = runNaiveServing(requests, deployment, REPLICAS, 'step-timer');
            naiveTtft = result.meanTtftNs;
            naiveEvents = result.events;
          });
          naiveMs.push(t.ms);
        }
      }
      log(`  round ${round + 1}: weft ${weftMs.at(-1)!.toFixed(0)} ms, naive ${naiveMs.at(-1)!.toFixed(0)} ms`);
    }
    const weft = median(weftMs);
    const naive = median(naiveMs);
    // Once: the naive loop calling gpu-model's general stepCost each step (what a straightforward
    // simulator does), to separate the cost evaluation from the event loop.
    const general = await wallMs(() => runNaiveServing(requests, deployment, REPLICAS, 'step-cost'));
    log(`  naive loop with stepCost per step: ${general.ms.toFixed(0)} ms wall, ${general.cpuMs.toFixed(0)} ms CPU`);
    const speedups = Array.from({ length: 20 }, (_, i) => 0.5 * Math.pow(20, i / 19));
    const sweep = await wallMs(async () => {
      for (const s of speedups) await simulateServing(scaleArrivals(requests, s), config);
    });
    log(`  sweep of 20 load levels (x${speedups[0]!.toFixed(2)} to x${speedups.at(-1)!.toFixed(1)}): ${(sweep.ms / 1000).toFixed(1)} s wall, ${(sweep.cpuMs / 1000).toFixed(1)} s CPU`);
    const figures: Figure[] = [
      { name: 'weft replay wall', value: Math.round(weft), unit: 'ms' },
      { name: 'weft simulated requests per wall-second', value: Math.round(requests.length / (weft / 1000)), unit: 'req/s' },
      { name: 'weft events', value: weftEvents, unit: 'events' },
      { name: 'naive per-token loop replay wall', value: Math.round(naive), unit: 'ms' },
      { name: 'naive simulated requests per wall-second', value: Math.round(requests.length / (naive / 1000)), unit: 'req/s' },
      { name: 'naive events', value: naiveEvents, unit: 'events' },
      { name: 'naive per-token loop calling stepCost each step, wall', value: Math.round(general.ms), unit: 'ms' },
      { name: 'mean TTFT weft / naive', value: Number((weftTtft / 1e6).toFixed(3)), unit: `ms (naive ${(naiveTtft / 1e6).toFixed(3)} ms)` },
      { name: '20-level load sweep wall', value: Number((sweep.ms / 1000).toFixed(2)), unit: 's' },
      { name: '20-level load sweep CPU', value: Number((sweep.cpuMs / 1000).toFixed(2)), unit: 's' },
    ];
    return {
      suite: 'serving',
      description: servingSuite.description,
      figures,
      ratios: [
        { name: 'weft speed-up over the naive per-token event loop (same step timer)', value: naive / weft, unit: 'x' },
        { name: 'weft speed-up over the naive loop calling stepCost', value: general.ms / weft, unit: 'x' },
      ],
      quoted: [],
    };
  },
};
