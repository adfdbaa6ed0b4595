/**
 * One LLM inference request as the simulator consumes it. A request stream is a plain
 * (async) iterable of these in non-decreasing `arrivalNs` order; `traces/` produces streams
 * from public traces and generators, `fabric-sim/` consumes them.
 */
export interface InferenceRequest {
  /** Arrival time relative to the start of the stream, ns. */
  arrivalNs: number;
  /** Prompt (context) tokens. */
  promptTokens: number;
  /** Tokens to generate. */
  outputTokens: number;
  /**
   * Hashes of the prompt's fixed-size token blocks, for prefix-cache reuse (Mooncake traces:
   * 512 tokens a block). Equal hashes at the same position mean a shared prefix.
   */
  prefixBlockHashes?: readonly number[];
  /** Tokens per prefix block when `prefixBlockHashes` is given. */
  prefixBlockTokens?: number;
}
