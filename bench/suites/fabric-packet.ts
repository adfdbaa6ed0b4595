import { resourceUsage } from 'node:process';
import { runScenario, type Scenario } from '../../fabric-sim/scenario.js';

/** What the fabric benchmark measures of one packet-level run. */
export interface PacketRun {
  wallMs: number;
  /** CPU time of the run (user + system), less sensitive than wall to other load on a shared machine. */
  cpuMs: number;
  events: number;
  /** Every switch hop of every data or control packet (`counters.switchPacketsForwarded`). */
  forwarded: number;
  /** The process's peak RSS at the end of the run. */
  maxRssMB: number;
  flows: number;
  completed: number;
  belowIdeal: number;
  bestCrossPodSlowdown: number | null;
  simulatedNs: number;
  /** The first collective's time and closed form, if the scenario runs one. */
  collective: { timeNs: number | null; closedFormNs: number } | null;
}

/** Runs a scenario at packet level and checks every flow against its path's ideal. */
export function runPacket(scenario: Scenario): PacketRun {
  let forwarded = 0;
  const cpu = process.cpuUsage();
  const t = performance.now();
  const result = runScenario(scenario, {
    onPacketNetwork: (net) => {
      forwarded = net.counters.switchPacketsForwarded;
    },
  });
  const wallMs = performance.now() - t;
  const used = process.cpuUsage(cpu);
  // Cross-pod flows are the longest paths (host, edge, aggregation, core, aggregation, edge, host).
  // A loop, not Math.max(...): a 1,024-GPU collective has 274,432 flows.
  let longest = 0;
  for (const f of result.flows) longest = Math.max(longest, f.path.length);
  let best: number | null = null;
  let belowIdeal = 0;
  for (const f of result.flows) {
    if (f.fctNs === null) continue;
    // Rounded to 1 ps in the metrics; a completion below its ideal by more is a model error.
    if (f.fctNs < f.idealNs - 1e-3) belowIdeal++;
    if (f.path.length === longest && (best === null || f.slowdown! < best)) best = f.slowdown!;
  }
  return {
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    events: result.events,
    forwarded,
    maxRssMB: resourceUsage().maxRSS / 1024,
    flows: result.summary.flows,
    completed: result.summary.completed,
    belowIdeal,
    bestCrossPodSlowdown: best,
    simulatedNs: result.simulatedNs,
    collective: result.collectives[0] ?? null,
  };
}
