/**
 * Fine-tuning execution: a job's optimizer steps (compute + collectives) and synchronous
 * checkpoints on the engine, and a collective-cost model that spans servers over the fabric.
 */
export { checkpointTimeNs, CHECKPOINT_BYTES_PER_PARAM, FineTuneRun, type FineTuneProgress, type FineTuneRunOptions } from './finetune-run.js';
export { fabricCollectives, type FabricCollectiveOptions } from './fabric-collectives.js';
