import { badInput } from '../core/errors.js';
import { validateSwitchSpec, type SwitchSpec, type TrafficClassSpec } from './spec.js';

/**
 * Built-in switch presets. Every figure names where it comes from in `sources`; figures a
 * vendor does not publish are marked "not published" and the value used is an assumption that
 * a user can override.
 *
 * Class plan shared by the presets (a common RoCEv2 deployment): class 3 carries RDMA data
 * (lossless, PFC + ECN), class 6 carries ACK/NACK/CNP (strict priority), the rest are lossy DWRR.
 */

/** Class of RDMA data packets in the presets. */
export const DATA_CLASS = 3;
/** Class of transport control packets (ACK, NACK, CNP) in the presets. */
export const CONTROL_CLASS = 6;

const DCQCN_ECN = {
  source:
    'Zhu et al., "Congestion Control for Large-Scale RDMA Deployments" (DCQCN), SIGCOMM 2015: Kmin = 5 KB, Kmax = 200 KB, Pmax = 1%',
  kminBytes: 5_000,
  kmaxBytes: 200_000,
  pmax: 0.01,
};

function classes(options: { dataLossless: boolean }): TrafficClassSpec[] {
  const out: TrafficClassSpec[] = [];
  for (let id = 0; id < 8; id++) {
    const isData = id === DATA_CLASS;
    const isControl = id === CONTROL_CLASS;
    out.push({
      id,
      scheduling: isControl || id === 7 ? 'STRICT_PRIORITY' : 'DWRR',
      dwrrWeight: isData ? 4 : 1,
      lossless: isData && options.dataLossless,
      ecn: {
        enabled: isData,
        kminBytes: DCQCN_ECN.kminBytes,
        kmaxBytes: DCQCN_ECN.kmaxBytes,
        pmax: DCQCN_ECN.pmax,
      },
      pfc: { enabled: isData && options.dataLossless, xoffBytes: 0, xonOffsetBytes: 2 * 4_178 },
    });
  }
  return out;
}

/** PFC headroom: two round trips of a 100 m cable (500 ns each way) at the port rate plus two MTUs in flight. */
function headroomBytes(portSpeedGbps: number): number {
  const bytesPerNs = portSpeedGbps / 8;
  return Math.ceil(2 * 2 * 500 * bytesPerNs + 2 * 4_178);
}

const NOT_PUBLISHED = 'not published';

const tomahawk5: SwitchSpec = {
  name: 'tomahawk5-64x800g',
  description: '51.2 Tb/s, 64 x 800G shared-buffer switch (Broadcom Tomahawk 5 / BCM78900 class)',
  radix: 64,
  portSpeedGbps: 800,
  buffer: {
    sharedBytes: 165_000_000,
    reservedPerPortClassBytes: 8_192,
    pfcHeadroomPerPortClassBytes: headroomBytes(800),
    dynamicThresholdAlpha: 1,
  },
  forwarding: 'CUT_THROUGH',
  portToPortLatencyNs: 700,
  classes: classes({ dataLossless: true }),
  loadBalancing: { mode: 'ECMP', hashSeed: 0, flowletGapNs: 0, adaptiveThresholdBytes: 0 },
  int: { enabled: false, bytesPerHop: 0 },
  sources: [
    { field: 'radix, portSpeedGbps', reference: 'Broadcom press release "Broadcom ships Tomahawk 5" (Aug 2022): 51.2 Tb/s, 64 x 800GbE, shared-buffer architecture' },
    { field: 'buffer.sharedBytes', reference: `${NOT_PUBLISHED} by Broadcom; 165 MB is an assumption in line with third-party estimates ("100+ MB")` },
    { field: 'buffer.reservedPerPortClassBytes', reference: `${NOT_PUBLISHED}; assumed two MTU-size packets` },
    { field: 'buffer.pfcHeadroomPerPortClassBytes', reference: 'computed: 2 x 2 x 500 ns (100 m cable) x port rate + 2 MTU frames' },
    { field: 'buffer.dynamicThresholdAlpha', reference: `${NOT_PUBLISHED}; alpha = 1 assumed (Choudhury & Hahne, IEEE/ACM ToN 1998, dynamic thresholds)` },
    { field: 'portToPortLatencyNs', reference: `${NOT_PUBLISHED}; 700 ns assumed (cut-through, same-speed ports)` },
    { field: 'classes[*].ecn', reference: DCQCN_ECN.source },
    { field: 'loadBalancing', reference: 'ECMP on the 5-tuple hash (the merchant-silicon default)' },
  ],
};

const tomahawk4: SwitchSpec = {
  name: 'tomahawk4-64x400g',
  description: '25.6 Tb/s, 64 x 400G shared-buffer switch (Broadcom Tomahawk 4 / BCM56990 class)',
  radix: 64,
  portSpeedGbps: 400,
  buffer: {
    sharedBytes: 113_000_000,
    reservedPerPortClassBytes: 8_192,
    pfcHeadroomPerPortClassBytes: headroomBytes(400),
    dynamicThresholdAlpha: 1,
  },
  forwarding: 'CUT_THROUGH',
  portToPortLatencyNs: 800,
  classes: classes({ dataLossless: true }),
  loadBalancing: { mode: 'ECMP', hashSeed: 0, flowletGapNs: 0, adaptiveThresholdBytes: 0 },
  int: { enabled: false, bytesPerHop: 0 },
  sources: [
    { field: 'radix, portSpeedGbps', reference: 'Broadcom press release on Tomahawk 4 / BCM56990 (Dec 2019): 25.6 Tb/s, 64 x 400GbE' },
    { field: 'buffer.sharedBytes', reference: `${NOT_PUBLISHED} by Broadcom; 113 MB assumed (third-party reports)` },
    { field: 'buffer.reservedPerPortClassBytes', reference: `${NOT_PUBLISHED}; assumed two MTU-size packets` },
    { field: 'buffer.pfcHeadroomPerPortClassBytes', reference: 'computed: 2 x 2 x 500 ns (100 m cable) x port rate + 2 MTU frames' },
    { field: 'buffer.dynamicThresholdAlpha', reference: `${NOT_PUBLISHED}; alpha = 1 assumed` },
    { field: 'portToPortLatencyNs', reference: `${NOT_PUBLISHED}; 800 ns assumed` },
    { field: 'classes[*].ecn', reference: DCQCN_ECN.source },
    { field: 'loadBalancing', reference: 'ECMP on the 5-tuple hash (the merchant-silicon default)' },
  ],
};

const weftAi: SwitchSpec = {
  name: 'weft-ai',
  description: 'Weft reference AI switch: 51.2 Tb/s, 64 x 800G, adaptive per-packet spraying on egress queue depth',
  radix: 64,
  portSpeedGbps: 800,
  buffer: {
    sharedBytes: 165_000_000,
    reservedPerPortClassBytes: 8_192,
    pfcHeadroomPerPortClassBytes: headroomBytes(800),
    dynamicThresholdAlpha: 1,
  },
  forwarding: 'CUT_THROUGH',
  portToPortLatencyNs: 600,
  classes: classes({ dataLossless: true }),
  loadBalancing: { mode: 'ADAPTIVE', hashSeed: 0, flowletGapNs: 0, adaptiveThresholdBytes: 0 },
  int: { enabled: true, bytesPerHop: 0 },
  sources: [
    { field: '*', reference: 'a design target of this project, not a product: figures are Tomahawk-5 class assumptions' },
    { field: 'loadBalancing', reference: 'adaptive routing with per-packet spraying (every packet takes the least-loaded next hop)' },
    { field: 'portToPortLatencyNs', reference: `${NOT_PUBLISHED}; 600 ns design target` },
  ],
};

/** The presets by name. */
export const SWITCH_PRESETS: Readonly<Record<string, SwitchSpec>> = {
  [tomahawk5.name]: validateSwitchSpec(tomahawk5, 'preset tomahawk5-64x800g'),
  [tomahawk4.name]: validateSwitchSpec(tomahawk4, 'preset tomahawk4-64x400g'),
  [weftAi.name]: validateSwitchSpec(weftAi, 'preset weft-ai'),
};

export const SWITCH_PRESET_NAMES = Object.keys(SWITCH_PRESETS);

/** A deep copy of a preset (callers may modify it). */
export function switchPreset(name: string): SwitchSpec {
  const preset = SWITCH_PRESETS[name];
  if (preset === undefined) {
    throw badInput('unknown switch preset', { field: 'switch', value: name, expected: `one of: ${SWITCH_PRESET_NAMES.join(', ')}` });
  }
  return structuredClone(preset);
}
