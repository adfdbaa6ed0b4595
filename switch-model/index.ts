export * from './spec.js';
export * from './presets.js';
export { SharedBuffer, Charge } from './buffer.js';
export { EcnMarker } from './ecn.js';
export { EgressScheduler, DWRR_QUANTUM_BYTES } from './egress.js';
export { fiveTupleHash, mix32, nameHash, leastLoaded, adaptivePort, ROCEV2_UDP_PORT } from './forwarding.js';
export { encodeSwitchSpec, decodeSwitchSpec } from './codec.js';
