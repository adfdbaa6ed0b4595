import type { InferenceRequest } from '../workload/inference-request.js';

/**
 * One request inside the serving simulation, in vLLM V1's token-count terms: it has
 * `promptTokens + generated` known tokens, of which `computed` have their KV in the cache; each
 * step schedules some of the rest, and when every known token is computed the step samples one
 * more token. A decode step is the case where exactly one token is left; a prefill chunk any
 * larger number; a preempted request starts again from `computed = 0` (recompute) with its
 * generated tokens kept.
 *
 * Invariants: 0 <= computed <= promptTokens + generated; 0 <= generated <= outputTokens;
 * `blocks` hold at least `computed` tokens.
 */
export class Sequence {
  readonly id: number;
  readonly arrivalNs: number;
  readonly promptTokens: number;
  /** At least 1: an engine always samples a first token (a trace's 0 is served as 1). */
  readonly outputTokens: number;
  /** Prefix-cache keys of the prompt's full KV blocks, in order; empty without block hashes. */
  readonly blockKeys: readonly number[];

  generated = 0;
  computed = 0;
  readonly blocks: number[] = [];
  /** Tokens scheduled in the current step (0 when not in it). */
  scheduledTokens = 0;
  /** Replica currently serving it (the decode replica once handed over). */
  replica = -1;
  /** Replica that ran its prefill when disaggregated (-1 otherwise). */
  prefillReplica = -1;
  /** Set on prefill-only replicas: stop after the first token and hand the KV over. */
  prefillOnly = false;
  /** Its KV arrived by transfer: no prefix lookup on admission. */
  kvTransferred = false;

  firstScheduledNs = NaN;
  firstTokenNs = NaN;
  lastTokenNs = NaN;
  finishNs = NaN;
  maxItlNs = 0;
  preemptions = 0;
  /** Prompt tokens found in the prefix cache at first admission. */
  prefixHitTokens = 0;
  /** Whether the prefix cache was queried (counted once, at first admission). */
  prefixQueried = false;
  kvTransferBytes = 0;
  kvTransferNs = 0;

  constructor(id: number, request: InferenceRequest, blockKeys: readonly number[]) {
    this.id = id;
    this.arrivalNs = request.arrivalNs;
    this.promptTokens = request.promptTokens;
    this.outputTokens = Math.max(1, request.outputTokens);
    this.blockKeys = blockKeys;
  }

  /** Tokens known now: the prompt and every token generated so far. */
  get knownTokens(): number {
    return this.promptTokens + this.generated;
  }

  /** Tokens still to compute before the next token can be sampled. */
  get pendingTokens(): number {
    return this.knownTokens - this.computed;
  }
}

/**
 * Prefix-cache keys of a request's full KV blocks of `blockTokens` tokens, derived from the
 * trace's block hashes (Mooncake: one hash per 512 tokens). KV block j lies inside trace block
 * i = floor(j x blockTokens / traceBlockTokens), and its key names (hash i, offset of j inside
 * it), so two requests share the KV block exactly when they share the trace block. Only blocks
 * full of prompt tokens are keyed; a request without hashes gets none (its content is unique).
 * @throws RangeError when the trace's block size is not a multiple of `blockTokens`.
 */
export function prefixBlockKeys(request: InferenceRequest, blockTokens: number): number[] {
  const hashes = request.prefixBlockHashes;
  const traceTokens = request.prefixBlockTokens;
  if (hashes === undefined || traceTokens === undefined || hashes.length === 0) return [];
  if (traceTokens % blockTokens !== 0) {
    throw new RangeError(`prefix block of ${traceTokens} tokens is not a multiple of the KV block of ${blockTokens} tokens`);
  }
  const per = traceTokens / blockTokens;
  const fullBlocks = Math.min(Math.floor(request.promptTokens / blockTokens), hashes.length * per);
  const keys = new Array<number>(fullBlocks);
  for (let j = 0; j < fullBlocks; j++) {
    const i = Math.floor(j / per);
    keys[j] = hashes[i]! * per + (j - i * per);
  }
  return keys;
}
