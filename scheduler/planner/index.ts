/**
 * The one-click planner (issue 7): model + SLO + load -> GPU type, tensor parallelism, weight
 * precision and replicas. {@link planDeployment} is the analytic screen over
 * {@link ReplicaModel}; verifying the best few by simulating the request stream is the next step.
 */
export { loadProfile, tokenStats, type LoadProfile, type TokenStats } from './load-profile.js';
export { planDeployment, type Candidate, type DeploymentPlan, type PlanInput, type RejectedConfiguration } from './plan.js';
export { DEFAULT_ENGINE_LIMITS, ReplicaModel, type ReplicaEngineLimits, type ReplicaPrediction } from './replica-model.js';
export { formatSlo, parseDurationNs, parseSlo, type SloTargets } from './slo.js';
export { planAndVerify, resampledStream, verifyCandidate, type Verification, type VerifiedPlan, type VerifyOptions } from './verify.js';
export { DEPLOY_PROFILE, GANG_PROFILE, placeGang, placeGangOn, placeReplicas, placeReplicasOn, type GangDemand, type PlacementOutcome, type ReplicaDemand, type ReplicaPlacement } from './place.js';
export { checkStepOnFabric, type FabricStepCheck, type SimulatedDataParallelCollective } from './finetune-fabric.js';
