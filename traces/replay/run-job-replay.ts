import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { badInput } from '../../core/errors.js';
import { JobReplay, type JobReplayOptions, type ReplayState } from './job-replay.js';
import type { ReplayJob } from './replay-job.js';

/**
 * Drives a job replay over jobs in arrival order, in segments of `SEGMENT_EVENTS` events: at
 * the end of every segment the replay is serialised and rebuilt from the serialised state, so a
 * replay resumed from a checkpoint (which is such a state) runs exactly as one that never
 * stopped. Checkpoints are written at segment ends, at most every `everyMs` of wall time (the
 * wall clock only decides when to save, never what happens), and once more when
 * `stopAfterEvents` is reached (for tests and for splitting a long run).
 */
export const SEGMENT_EVENTS = 4096;

// 2: serving deployments (ReplayResults.deployments, JobState.served).
const CHECKPOINT_VERSION = 2;

export interface CheckpointOptions {
  readonly path: string;
  /** Save at the first segment end after this much wall time since the last save. */
  readonly everyMs: number;
  /** Save and stop at the first segment end at or after this many events. */
  readonly stopAfterEvents?: number;
  /** Identifies the replay's inputs; a checkpoint of other inputs is refused. */
  readonly fingerprint: string;
}

export interface RunJobReplayOptions {
  readonly replay: JobReplayOptions;
  /** Replay jobs in arrival order. */
  readonly jobs: Iterable<ReplayJob>;
  readonly checkpoint?: CheckpointOptions;
  /** Called now and then with the arrivals processed. */
  readonly onProgress?: (arrivals: number, events: number) => void;
  /** Events per segment (tests use small ones); default SEGMENT_EVENTS. */
  readonly segmentEvents?: number;
}

export interface RunJobReplayResult {
  readonly state: ReplayState;
  /** True when stopped at `stopAfterEvents` (the checkpoint holds the rest). */
  readonly stopped: boolean;
  /** Arrivals the run started from (0 unless resumed). */
  readonly resumedAt: number;
}

/** A stable digest of the inputs a checkpoint belongs to. */
export function fingerprintOf(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

function readCheckpoint(options: CheckpointOptions): ReplayState | undefined {
  if (!existsSync(options.path)) return undefined;
  let parsed: { version?: unknown; fingerprint?: unknown; state?: unknown };
  try {
    parsed = JSON.parse(readFileSync(options.path, 'utf8')) as typeof parsed;
  } catch (error) {
    throw badInput('unreadable checkpoint', { file: options.path, value: error instanceof Error ? error.message : String(error), expected: 'a checkpoint written by weft replay (delete it to start over)' });
  }
  if (parsed.version !== CHECKPOINT_VERSION) throw badInput('unsupported checkpoint', { file: options.path, field: 'version', value: String(parsed.version), expected: String(CHECKPOINT_VERSION) });
  if (parsed.fingerprint !== options.fingerprint) {
    throw badInput('the checkpoint belongs to another replay', { file: options.path, field: 'fingerprint', value: String(parsed.fingerprint), expected: `${options.fingerprint} (the same trace, cluster, policy, seed and options; delete the file to start over)` });
  }
  return parsed.state as ReplayState;
}

function writeCheckpoint(options: CheckpointOptions, stateJson: string): void {
  const temporary = `${options.path}.${process.pid}.tmp`;
  writeFileSync(temporary, `{"version":${CHECKPOINT_VERSION},"fingerprint":${JSON.stringify(options.fingerprint)},"state":${stateJson}}\n`);
  renameSync(temporary, options.path);
}

/** Runs (or resumes) a replay to its end or to `stopAfterEvents`. */
export function runJobReplay(options: RunJobReplayOptions): RunJobReplayResult {
  const checkpoint = options.checkpoint;
  const segmentEvents = options.segmentEvents ?? SEGMENT_EVENTS;
  const saved = checkpoint === undefined ? undefined : readCheckpoint(checkpoint);
  let replay = saved === undefined ? new JobReplay(options.replay) : JobReplay.restore(options.replay, saved);
  const resumedAt = replay.state.arrivals;
  let lastSaveMs = Date.now();
  /** Ends a segment when due; true when the run must stop. */
  const segmentEnd = (): boolean => {
    const state = replay.state;
    if (state.events < (state.segment + 1) * segmentEvents) return false;
    state.segment = Math.floor(state.events / segmentEvents);
    // The results (per-job figures, samples) never feed a decision, so they are carried over as
    // they are; everything else goes through JSON, exactly as a checkpoint's state does.
    const { results, ...decisions } = state;
    const rebuilt = JSON.parse(JSON.stringify(decisions)) as Omit<ReplayState, 'results'>;
    replay = new JobReplay(options.replay, { ...rebuilt, results });
    options.onProgress?.(state.arrivals, state.events);
    if (checkpoint === undefined) return false;
    const stop = checkpoint.stopAfterEvents !== undefined && state.events >= checkpoint.stopAfterEvents;
    if (stop || Date.now() - lastSaveMs >= checkpoint.everyMs) {
      writeCheckpoint(checkpoint, JSON.stringify(state));
      lastSaveMs = Date.now();
    }
    return stop;
  };
  let skipped = 0;
  for (const job of options.jobs) {
    if (skipped < resumedAt) {
      skipped++;
      continue;
    }
    replay.arrive(job);
    if (segmentEnd()) return { state: replay.state, stopped: true, resumedAt };
  }
  if (skipped < resumedAt) throw badInput('the checkpoint is past the end of the trace', { file: checkpoint?.path, value: resumedAt, expected: `at most ${skipped} arrivals` });
  while (replay.step()) {
    if (segmentEnd()) return { state: replay.state, stopped: true, resumedAt };
  }
  replay.drain();
  options.onProgress?.(replay.state.arrivals, replay.state.events);
  if (checkpoint !== undefined) rmSync(checkpoint.path, { force: true });
  return { state: replay.state, stopped: false, resumedAt };
}
