import type { ClusterSpec } from '../../fabric-sim/cluster/spec.js';
import { parseScenario, runScenario } from '../../fabric-sim/scenario.js';

/** One busy link of the fabric. */
export interface HotLink {
  readonly link: string;
  /** Wire bytes over the collective's time / (rate x time). */
  readonly utilisation: number;
  readonly maxQueueBytes: number;
  readonly pfcPausesReceived: number;
}

/** The fine-tuning job's gradient all-reduce at packet level. */
export interface FabricHotSpots {
  readonly ranks: number;
  readonly servers: number;
  readonly bytes: number;
  /** Simulated completion of the all-reduce, ns. */
  readonly timeNs: number;
  /** The ring closed form over the slowest pair's alpha and bandwidth, ns. */
  readonly closedFormNs: number;
  readonly events: number;
  readonly ecnMarks: number;
  readonly pfcPauseFrames: number;
  readonly retransmittedPackets: number;
  /** The busiest links, most utilised first. */
  readonly hotLinks: readonly HotLink[];
  /** Mean utilisation of the links that carried traffic, by tier. */
  readonly tiers: readonly { readonly tier: string; readonly links: number; readonly meanUtilisation: number; readonly maxUtilisation: number }[];
}

/** Tier of a port name such as `rail3->spine1` or `srv2/nic5->rail5`. */
function tierOf(link: string): string {
  const [from = '', to = ''] = link.split('->');
  const kind = (name: string): string => (name.includes('/nic') ? 'nic' : name.includes('nvswitch') ? 'nvlink' : name.replace(/\d+$/, '').replace(/^pod\d+-/, ''));
  const a = kind(from);
  const b = kind(to);
  if (a === 'nvlink' || b === 'nvlink') return 'nvlink';
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

/**
 * Runs a ring all-reduce of `bytes` over `gpuIds` (ordered as NCCL orders a ring: by server,
 * then GPU) through the packet-level fabric of `cluster`, and reports where it queued: the
 * busiest links with their utilisation over the collective's time, queue peaks, PFC pauses and
 * ECN marks. The ring's hops inside a server cross NVLink; the hop from one server's last GPU
 * to the next server's first GPU changes rail, so it climbs to the spine: those uplinks are where
 * a rail-optimized fabric runs hot when a job is spread over whatever GPUs were free.
 */
export function fabricHotSpots(cluster: ClusterSpec, gpuIds: readonly string[], bytes: number, options: { seed: number; top?: number; onProgress?: (simulatedNs: number, events: number) => void }): FabricHotSpots {
  const scenario = parseScenario({
    name: 'fine-tune gradient all-reduce',
    cluster,
    traffic: [{ kind: 'all-reduce', ranks: [...gpuIds], bytes: Math.max(1, Math.round(bytes)) }],
    fidelity: 'packet',
  });
  const result = runScenario(scenario, { seed: options.seed, ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }) });
  const collective = result.collectives[0]!;
  const byTier = new Map<string, number[]>();
  for (const l of result.links) {
    const tier = tierOf(l.link);
    let list = byTier.get(tier);
    if (list === undefined) byTier.set(tier, (list = []));
    list.push(l.utilisation);
  }
  const tiers = [...byTier].sort(([a], [b]) => a.localeCompare(b)).map(([tier, u]) => ({
    tier,
    links: u.length,
    meanUtilisation: u.reduce((s, x) => s + x, 0) / u.length,
    maxUtilisation: Math.max(...u),
  }));
  // Parallel links between the same two switches share a port name: number them apart.
  const seen = new Map<string, number>();
  const links = result.links.map((l) => {
    const k = (seen.get(l.link) ?? 0) + 1;
    seen.set(l.link, k);
    return k === 1 ? l : { ...l, link: `${l.link} #${k}` };
  });
  const hotLinks = links
    .filter((l) => tierOf(l.link) !== 'nvlink')
    .sort((a, b) => b.utilisation - a.utilisation || a.link.localeCompare(b.link))
    .slice(0, options.top ?? 5)
    .map((l) => ({ link: l.link, utilisation: l.utilisation, maxQueueBytes: l.maxQueueBytes, pfcPausesReceived: l.pfcPausesReceived }));
  return {
    ranks: gpuIds.length,
    servers: new Set(gpuIds.map((id) => id.split('/')[0])).size,
    bytes,
    timeNs: collective.timeNs ?? Number.NaN,
    closedFormNs: collective.closedFormNs,
    events: result.events,
    ecnMarks: result.summary.ecnMarks,
    pfcPauseFrames: result.summary.pfcPauseFrames,
    retransmittedPackets: result.summary.retransmittedPackets,
    hotLinks,
    tiers,
  };
}
