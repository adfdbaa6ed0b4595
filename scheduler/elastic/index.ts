/**
 * The elastic controller's decisions (issue 7): autoscaling policies as plugins behind
 * {@link ScalingPolicy} (Knative-style {@link KpaPolicy}, SLO-driven {@link SloPolicy}, and
 * {@link StaticPolicy} for the static baselines), lending and reclaiming GPUs between inference
 * and elastic fine-tuning ({@link planLending}), and the scale-up lag ({@link modelLoadTimeNs}).
 */
export { KpaPolicy, type KpaOptions } from './kpa-policy.js';
export { runLending, type LendingRunInput, type LendingRunResult, type LentJobSpec } from './lending-run.js';
export { planLending, type ElasticJob, type LendingAction, type LendingOptions, type LendingState } from './lending.js';
export { modelLoadTimeNs, type ModelLoadOptions } from './model-load.js';
export { clampReplicas, ScaleDownDelay, StaticPolicy, type LoadSample, type ReplicaBounds, type ScalingPolicy } from './scaling-policy.js';
export { SlidingWindowMean } from './sliding-window.js';
export { SloPolicy, type ReplicaLatencyPredictor, type SloPolicyOptions } from './slo-policy.js';
export { ElasticJobRun, type JobProgress } from './job-progress.js';
export { heldGpuSeries, PoolController, type PoolBorrower, type PoolControllerOptions, type TimedLendingAction } from './pool-controller.js';
