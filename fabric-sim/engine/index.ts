export { EventQueue } from './event-queue.js';
export { RandomStream } from './random.js';
export { ZipfDistribution, EmpiricalCdf } from './distributions.js';
export { Engine } from './engine.js';
export type { EventHandler, EventKind, RunOutcome, ProgressReport, ProgressOptions, EngineOptions } from './engine.js';
export { runBounded } from './run-bounded.js';
