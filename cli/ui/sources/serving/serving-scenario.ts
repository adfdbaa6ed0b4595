import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { ROUTING_POLICIES, syntheticRequests, type ServingConfig, type ServingController } from '../../../../fabric-sim/serving/index.js';
import type { InferenceRequest } from '../../../../fabric-sim/workload/inference-request.js';
import { getGpu, getModel, gpusPerReplica, makeDeployment, parseWeightPrecision } from '../../../../gpu-model/index.js';
import { KpaPolicy, modelLoadTimeNs } from '../../../../scheduler/elastic/index.js';
import { parseSlo, type SloTargets } from '../../../../scheduler/planner/index.js';
import { traceStream } from '../../../commands/model-serve.js';
import { atScenarioField } from '../scenario-field-error.js';

/**
 * A serving scenario for `weft ui --scenario`: one or more deployments, each described with the
 * settings `weft model serve` takes (model, GPU, parallelism, replicas, a synthetic stream or a
 * trace, routing, batching, SLO targets), simulated side by side on one clock.
 *
 * @example
 * kind: serving
 * name: chat-and-code
 * deployments:
 *   - { name: chat, model: llama-3-8b, gpu: h100-sxm, replicas: 2, rate: 30, slo: "ttft-p99=300ms,tpot-p99=50ms" }
 *   - { name: code, model: qwen2.5-32b, gpu: h100-sxm, tp: 2, rate: 4, prompt: 4096, output: 256 }
 */
const DeploymentSchema = z
  .object({
    name: z.string().min(1),
    model: z.string().min(1),
    gpu: z.string().min(1),
    tp: z.number().int().min(1).default(1),
    pp: z.number().int().min(1).default(1),
    ep: z.number().int().min(1).default(1),
    precision: z.string().min(1).default('bf16'),
    replicas: z.number().int().min(1).max(10_000).default(1),
    /** Azure LLM CSV or Mooncake JSONL (.gz accepted), relative to the scenario file. */
    trace: z.string().min(1).optional(),
    /** Requests taken from the trace or generated (default: the whole trace, or 1000). */
    requests: z.number().int().min(1).optional(),
    /** Synthetic stream (without `trace`): arrivals per second (10), gap CV (1), fixed prompt (1024) and output (128) tokens. */
    rate: z.number().positive().optional(),
    cv: z.number().positive().optional(),
    prompt: z.number().int().min(1).optional(),
    output: z.number().int().min(1).optional(),
    /** Replays arrivals this many times faster. */
    speedup: z.number().positive().default(1),
    routing: z.enum(ROUTING_POLICIES).default('least-outstanding'),
    prefixCaching: z.boolean().default(true),
    maxBatchedTokens: z.number().int().min(1).optional(),
    /** `--slo` syntax: `ttft-p99=300ms,tpot-p99=50ms,e2e-p99=20s`. */
    slo: z.string().min(1).optional(),
    /**
     * Knative-style autoscaling (scheduler/elastic KpaPolicy on requests in flight per replica),
     * ticking every `periodS`; a new replica serves after `startS` (default: the model's load
     * time from storage plus engine warm-up, scheduler/elastic modelLoadTimeNs).
     */
    autoscale: z
      .object({
        minReplicas: z.number().int().min(1).default(1),
        maxReplicas: z.number().int().min(1),
        targetInFlight: z.number().positive(),
        periodS: z.number().positive().default(2),
        stableWindowS: z.number().positive().default(60),
        startS: z.number().min(0).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const ServingScenarioSchema = z
  .object({
    kind: z.literal('serving'),
    name: z.string().min(1).default('serving'),
    deployments: z.array(DeploymentSchema).min(1),
    /** Rolling window of the p99 figures, simulated seconds. */
    windowS: z.number().positive().default(30),
    /** Sparkline sample period, simulated seconds. */
    sampleS: z.number().positive().default(1),
    /** GPUs per node when laying the replicas out on the GPU grid. */
    gpusPerNode: z.number().int().min(1).max(64).default(8),
  })
  .strict()
  .superRefine((scenario, ctx) => {
    const seen = new Set<string>();
    scenario.deployments.forEach((d, i) => {
      if (seen.has(d.name)) ctx.addIssue({ code: 'custom', path: ['deployments', i, 'name'], message: `deployment name "${d.name}" is used twice` });
      seen.add(d.name);
      if (d.autoscale !== undefined && d.autoscale.maxReplicas < d.autoscale.minReplicas) {
        ctx.addIssue({ code: 'custom', path: ['deployments', i, 'autoscale', 'maxReplicas'], message: `maxReplicas must be >= minReplicas (${d.autoscale.minReplicas})` });
      }
      const synthetic = (['rate', 'cv', 'prompt', 'output'] as const).filter((k) => d[k] !== undefined);
      if (d.trace !== undefined && synthetic.length > 0) {
        ctx.addIssue({ code: 'custom', path: ['deployments', i, synthetic[0]!], message: `a trace sets its own arrivals and lengths: drop ${synthetic.join(', ')}` });
      }
    });
  });

export type ServingScenario = z.output<typeof ServingScenarioSchema>;

/** A deployment ready to simulate. */
export interface ServingDeploymentPlan {
  name: string;
  config: ServingConfig;
  slo: SloTargets;
  gpusPerReplica: number;
  /** `llama-3-8b on 2 x h100-sxm`. */
  description: string;
  /** Arrivals in time order (lazily generated for a synthetic stream). */
  requests: Iterable<InferenceRequest>;
  /** A fresh autoscaling controller per call (each simulation needs its own policy state). */
  controller?: () => ServingController;
}

/**
 * Checks every deployment against the catalogs (model, GPU, precision, parallelism, SLO
 * syntax), reads traces, and builds the request streams. A bad value is one error naming the
 * scenario file, line and field.
 */
export async function planServingScenario(scenario: ServingScenario, file: string, text: string, seed: number): Promise<ServingDeploymentPlan[]> {
  const plans: ServingDeploymentPlan[] = [];
  for (const [i, d] of scenario.deployments.entries()) {
    const at = (field: string) => ['deployments', i, field] as const;
    const check = <T,>(field: string, build: () => T): T => {
      try {
        return build();
      } catch (error) {
        return atScenarioField(error, file, text, at(field));
      }
    };
    const model = check('model', () => getModel(d.model));
    const gpu = check('gpu', () => getGpu(d.gpu));
    const precision = check('precision', () => parseWeightPrecision(d.precision));
    const deployment = check('tp', () => makeDeployment({ model, gpu, tp: d.tp, pp: d.pp, ep: d.ep, weightPrecision: precision, kvCachePrecision: precision === 'fp8' ? 'fp8' : 'bf16' }));
    const slo = d.slo === undefined ? {} : check('slo', () => parseSlo(d.slo!, 'slo'));
    let requests: Iterable<InferenceRequest>;
    if (d.trace !== undefined) {
      const path = isAbsolute(d.trace) ? d.trace : resolve(dirname(file), d.trace);
      const loaded: InferenceRequest[] = [];
      try {
        for await (const r of traceStream(path)) {
          loaded.push(r);
          if (d.requests !== undefined && loaded.length >= d.requests) break;
        }
      } catch (error) {
        atScenarioField(error, file, text, at('trace'));
      }
      requests = loaded;
    } else {
      requests = syntheticRequests({
        ratePerSec: d.rate ?? 10,
        cv: d.cv ?? 1,
        count: d.requests ?? 1000,
        prompt: { kind: 'fixed', tokens: d.prompt ?? 1024 },
        output: { kind: 'fixed', tokens: d.output ?? 128 },
        // Each deployment draws its own stream: same seed, distinct per position.
        seed: seed + i * 7919,
      });
    }
    if (d.speedup !== 1) requests = fasterArrivals(requests, d.speedup);
    const scale = d.autoscale;
    const replicaStartNs = scale === undefined ? 0 : scale.startS === undefined ? modelLoadTimeNs(model, precision) : scale.startS * 1e9;
    plans.push({
      name: d.name,
      config: {
        deployment,
        replicas: d.replicas,
        routing: d.routing,
        prefixCaching: d.prefixCaching,
        ...(d.maxBatchedTokens === undefined ? {} : { maxBatchedTokens: d.maxBatchedTokens }),
        slo: { ttftNs: slo.ttftP99Ns, tpotNs: slo.tpotP99Ns, e2eNs: slo.e2eP99Ns },
      },
      slo,
      gpusPerReplica: gpusPerReplica(deployment),
      description: `${model.name} on ${gpusPerReplica(deployment)} x ${gpu.name}`,
      requests,
      ...(scale === undefined
        ? {}
        : {
            controller: (): ServingController => {
              const policy = new KpaPolicy({ minReplicas: scale.minReplicas, maxReplicas: scale.maxReplicas, targetPerReplica: scale.targetInFlight, stableWindowNs: scale.stableWindowS * 1e9 });
              return {
                periodNs: scale.periodS * 1e9,
                replicaStartNs,
                desiredReplicas: (view) => {
                  policy.observe(view.nowNs, { requestsPerSec: view.requestsPerSec, inFlight: view.inFlight });
                  return policy.desiredReplicas(view.nowNs, view.readyReplicas);
                },
              };
            },
          }),
    });
  }
  return plans;
}

/** Arrivals `speedup` times faster (as `weft model serve --speedup`). */
function* fasterArrivals(requests: Iterable<InferenceRequest>, speedup: number): Generator<InferenceRequest> {
  for (const r of requests) yield { ...r, arrivalNs: Math.round(r.arrivalNs / speedup) };
}
