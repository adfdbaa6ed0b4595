import type { DaySummary, PolicySummary } from '../../scheduler/day/day-report.js';
import { formatTable } from '../table.js';

const POLICY_NAMES: Record<PolicySummary['policy'], string> = {
  'static-peak': 'static peak',
  'static-average': 'static average',
  elastic: 'elastic (SLO)',
  'elastic-lending': 'elastic + lending',
  kpa: 'elastic (Knative KPA)',
};

const table = (header: readonly string[], rows: readonly (readonly string[])[]): string => formatTable(header, rows).trimEnd();
const pct = (x: number, digits = 1): string => `${x.toFixed(digits)}%`;
const count = (n: number): string => n.toLocaleString('en-US');

/** `srv0, srv1, ..., srv9` as `srv0-srv9` when the numbers run consecutively. */
function nodeRange(nodes: readonly string[]): string {
  const numbers = nodes.map((n) => /^(.*?)(\d+)$/.exec(n));
  const prefix = numbers[0]?.[1];
  const consecutive = numbers.every((m, i) => m !== null && m[1] === prefix && Number(m[2]) === Number(numbers[0]![2]) + i);
  return consecutive && nodes.length > 2 ? `${nodes[0]}-${nodes[nodes.length - 1]}` : nodes.join(',');
}

function violations(p: PolicySummary): string {
  if (p.violationWindows === 0) return '-';
  return `${p.violationWindows} (${p.causes.map((c) => `${c.cause} ${c.windows}`).join(', ')})`;
}

/** The demo's report as text: plans, SLO per policy, GPU use, the fine-tuning job, the fabric. */
export function renderDayReport(s: DaySummary): string {
  const out: string[] = [];
  const c = s.cluster;
  out.push(`One day on ${c.name}: ${c.nodes} nodes x ${c.gpus / c.nodes} ${c.gpu}, ${c.topology} fabric of ${c.switch} switches.`);
  out.push(
    `The day's load shape runs compressed into ${s.day.simulatedMinutes} simulated minutes (1 s = ${s.day.compression} s of the day); ` +
      `model loads, cooldowns and the reclaim grace keep their real lengths. GPU-hours are per real day. Seed ${s.day.seed}.`,
  );
  out.push('', 'Plans (one-click planner at the daily peak; replicas placed by the scheduler):', '');
  out.push(
    table(
      ['deployment', 'model', 'SLO', 'request lengths', 'peak req/s', 'plan', 'replicas peak/avg/trough', 'GPUs', 'nodes', 'load s'],
      s.deployments.map((d) => [d.name, d.model, d.slo, d.lengths, String(d.peakRequestsPerSec), d.plan, `${d.replicas.peak}/${d.replicas.average}/${d.replicas.trough}`, String(d.ownedGpus), nodeRange(d.nodes), d.modelLoadS.toFixed(1)]),
    ),
  );
  out.push('', 'SLO over the day (p99 targets; windows of a quarter hour of the day):', '');
  out.push(
    table(
      ['deployment', 'policy', 'SLO', 'requests met', 'windows met', 'TTFT p99 ms', 'TPOT p99 ms', 'GPU-h/day', 'missed windows (cause)'],
      s.deployments.flatMap((d) =>
        d.policies.map((p) => [d.name, POLICY_NAMES[p.policy], p.met ? 'met' : 'MISSED', pct(p.requestAttainmentPct, 2), pct(p.windowAttainmentPct), p.ttftP99Ms.toFixed(0), p.tpotP99Ms.toFixed(1), p.gpuHoursPerDay.toFixed(0), violations(p)]),
      ),
    ),
  );
  const owned = s.utilisation[0]?.ownedGpus ?? 0;
  out.push('', `The deployments' ${owned} GPUs, mean over the day:`, '');
  out.push(
    table(
      ['policy', 'serving', 'lent to fine-tuning', 'idle', 'requests per serving GPU-h'],
      s.utilisation.map((u) => [POLICY_NAMES[u.policy], u.servingGpus.toFixed(1), u.lentGpus.toFixed(1), u.idleGpus.toFixed(1), u.requestsPerGpuHour.toFixed(0)]),
    ),
  );
  const f = s.fineTune;
  out.push('', `Fine-tuning ${f.name} (${f.method} of ${f.model}) on the free GPUs and on GPUs the deployments lend:`, '');
  out.push(
    `  ${f.baseWorkers} workers on free GPUs, up to ${f.maxWorkers} with lent ones; ${f.lends} lends and ${f.reclaims} reclaims (each done within the ${f.reclaimGraceS} s grace), ${f.restarts} restarts from a checkpoint`,
    `  ${count(f.steps)} steps, ${(f.tokens / 1e9).toFixed(1)} B tokens: ${f.gainPct >= 0 ? '+' : ''}${f.gainPct}% over its free GPUs alone (${(f.baseOnlyTokens / 1e9).toFixed(1)} B); ${f.stepsLost} steps lost to reclaims; ${count(Math.round(f.lentGpuHours))} lent GPU-h`,
  );
  const fab = s.fabric;
  if (fab !== undefined) {
    out.push('', `Fabric hot spots: the job's ${fab.megabytes} MB gradient all-reduce at its widest (${fab.ranks} GPUs on ${fab.servers} servers), packet level:`, '');
    out.push(
      `  ${fab.packetUs.toFixed(0)} us simulated; ring closed form ${fab.closedFormUs.toFixed(0)} us; the step-time model assumed ${fab.stepModelUs.toFixed(0)} us. ` +
        `${count(fab.events)} events, ${count(fab.ecnMarks)} ECN marks, ${count(fab.pfcPauseFrames)} PFC pauses.`,
      '',
    );
    out.push(table(['tier', 'links used', 'mean utilisation', 'max utilisation'], fab.tiers.map((t) => [t.tier, String(t.links), pct(t.meanPct), pct(t.maxPct)])));
    out.push('');
    out.push(table(['busiest links', 'utilisation', 'max queue KiB', 'PFC pauses'], fab.hotLinks.map((l) => [l.link, pct(l.utilisationPct), l.maxQueueKiB.toFixed(1), String(l.pfcPauses)])));
  }
  return `${out.join('\n')}\n`;
}
