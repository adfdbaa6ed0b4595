import { NUM_CLASSES } from './spec.js';

/**
 * The forwarding decision among equal-cost next hops: ECMP on a seeded 5-tuple hash, per-packet
 * spraying, flowlet switching, and adaptive routing on egress queue depth.
 */

/** RoCEv2 runs over UDP destination port 4791. */
export const ROCEV2_UDP_PORT = 4_791;
const UDP = 17;

/** Murmur3's 32-bit finalizer: full avalanche of every input bit. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Hash of the 5-tuple (source address, destination address, UDP source port, UDP destination
 * port 4791, protocol UDP) under `seed`. Each switch uses its own seed so that successive
 * tiers do not make correlated choices (hash polarisation).
 */
export function fiveTupleHash(seed: number, srcAddr: number, dstAddr: number, srcPort: number): number {
  let h = mix32(seed ^ 0x9e3779b9);
  h = mix32(h ^ srcAddr);
  h = mix32(h ^ dstAddr);
  h = mix32(h ^ ((srcPort << 16) | ROCEV2_UDP_PORT));
  return mix32(h ^ UDP);
}

/** A stable 32-bit value for a name (FNV-1a), for per-switch hash seeds. */
export function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Among `count` candidates starting at `offset` in `ports`, the least loaded by `load(port)`;
 * ties go to the first from `start` (rotate with the hash to spread ties).
 */
export function leastLoaded(ports: Int32Array, offset: number, count: number, start: number, load: Float64Array): number {
  let best = ports[offset + (start % count)]!;
  let bestLoad = load[best]!;
  for (let k = 1; k < count; k++) {
    const port = ports[offset + ((start + k) % count)]!;
    const l = load[port]!;
    if (l < bestLoad) {
      best = port;
      bestLoad = l;
    }
  }
  return best;
}

/**
 * Adaptive routing on egress state: the hashed candidate while its queue holds at most
 * `thresholdBytes` and its class `cls` is not paused by PFC; otherwise the candidate with
 * the fewest queued bytes among those not paused (all of them when every one is paused).
 * Ties go to the first from the hashed one, so equal loads still spread by flow.
 *
 * `queuedBytes` is indexed by port, `paused` by `port * 8 + cls` (1 = XOFF received).
 * Allocation-free: it runs once per packet at every multi-path hop.
 */
export function adaptivePort(
  ports: Int32Array,
  offset: number,
  count: number,
  hash: number,
  queuedBytes: Float64Array,
  paused: Uint8Array,
  cls: number,
  thresholdBytes: number,
): number {
  const start = hash % count;
  const hashed = ports[offset + start]!;
  if (paused[hashed * NUM_CLASSES + cls] === 0 && queuedBytes[hashed]! <= thresholdBytes) return hashed;
  let best = -1;
  let bestLoad = Infinity;
  let bestPaused = 2;
  for (let k = 0; k < count; k++) {
    const port = ports[offset + ((start + k) % count)]!;
    const isPaused = paused[port * NUM_CLASSES + cls]!;
    const load = queuedBytes[port]!;
    if (isPaused < bestPaused || (isPaused === bestPaused && load < bestLoad)) {
      best = port;
      bestLoad = load;
      bestPaused = isPaused;
    }
  }
  return best;
}
