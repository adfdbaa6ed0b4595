/**
 * Numeric precisions of weights and of the KV cache, and what they cost in bytes and compute.
 */
import { badInput } from '../core/errors.js';

/** Weight precision of the transformer's linear layers. */
export type WeightPrecision = 'bf16' | 'fp8' | 'int4';

/** Precision of cached keys and values. */
export type KvCachePrecision = 'bf16' | 'fp8';

export const WEIGHT_PRECISIONS: readonly WeightPrecision[] = ['bf16', 'fp8', 'int4'];

/**
 * Bytes per weight of a quantized linear layer. int4 carries one bf16 scale per group of 128
 * weights (the AWQ/GPTQ default group size), so 0.5 + 2/128 bytes; fp8 scales are per tensor or
 * per channel and negligible. Embeddings, the output head, norms and routers stay bf16.
 */
export function weightBytesPerParam(precision: WeightPrecision): number {
  switch (precision) {
    case 'bf16':
      return 2;
    case 'fp8':
      return 1;
    case 'int4':
      return 0.5 + 2 / 128;
  }
}

/** Bytes per cached element. */
export function kvBytesPerElement(precision: KvCachePrecision): number {
  return precision === 'bf16' ? 2 : 1;
}

/**
 * The tensor-core precision the matmuls run at: fp8 weights with fp8 activations (W8A8) where
 * the GPU has fp8; int4 is weight-only (W4A16), dequantized to bf16 before the matmul.
 */
export function computePrecision(precision: WeightPrecision): 'bf16' | 'fp8' {
  return precision === 'fp8' ? 'fp8' : 'bf16';
}

/** Bytes per activation element moved between GPUs (bf16 in every engine modelled here). */
export const ACTIVATION_BYTES = 2;

/**
 * Parses a precision flag.
 * @throws WeftError BAD_INPUT naming the valid precisions.
 */
export function parseWeightPrecision(value: string, field = 'precision'): WeightPrecision {
  const found = WEIGHT_PRECISIONS.find((p) => p === value.trim().toLowerCase());
  if (found === undefined) {
    throw badInput(`unknown weight precision "${value}"`, { field, value, expected: `one of: ${WEIGHT_PRECISIONS.join(', ')}` });
  }
  return found;
}
