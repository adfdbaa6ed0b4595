import type { DurationStats, JobReplayReport } from '../replay/job-report.js';
import { escapeXml, lineChart, RENDER_CHECK_SCRIPT, REPORT_CSS, type Series } from './svg-charts.js';

/** The replay document the HTML is rendered from (what `weft replay --json` prints). */
export interface ReplayHtmlInput {
  readonly trace: string;
  readonly format: string;
  readonly readSummary: string;
  readonly reports: readonly JobReplayReport[];
}

/** CDF points from the 51 quantiles (0, 2, ... 100%). */
function cdf(stats: DurationStats): [number, number][] {
  const n = stats.quantiles.length;
  return stats.quantiles.map((q, k) => [q, n <= 1 ? 1 : k / (n - 1)]);
}

const s = (x: number): string => x.toFixed(0);
const pct = (x: number): string => (100 * x).toFixed(1);

/**
 * A self-contained HTML report of a job replay: a summary table per policy, utilisation and
 * fragmentation over time, and the CDFs of completion time and queueing delay. Inline CSS and
 * SVG only (plus a few lines that mark the charts as laid out for the headless-browser test).
 */
export function renderReplayHtml(input: ReplayHtmlInput): string {
  const first = input.reports[0];
  if (first === undefined) throw new RangeError('renderReplayHtml needs at least one report');
  const c = first.cluster;
  const hours = (points: readonly { timeNs: number }[]): number[] => points.map((p) => p.timeNs / 3.6e12);
  const overTime = (pick: (sample: JobReplayReport['samples'][number]) => number): Series[] =>
    input.reports.map((r) => {
      const t = hours(r.samples);
      return { name: r.policy, points: r.samples.map((sample, i) => [t[i]!, pick(sample)] as const) };
    });
  const rows = input.reports
    .map((r) => `<tr><td>${escapeXml(r.policy)}</td><td>${r.jobs.finished}</td><td>${r.jobs.stillWaiting}</td><td>${s(r.jctS.mean)}</td><td>${s(r.jctS.p50)}</td><td>${s(r.jctS.p99)}</td><td>${s(r.jctMultiServerS.mean)}</td><td>${s(r.queueingS.mean)}</td><td>${s(r.queueingS.p99)}</td><td>${pct(r.utilisation.mean)}</td><td>${pct(r.fragmentation.mean)}</td><td>${r.preemptions}</td></tr>`)
    .join('\n');
  const accounting = [
    ...Object.entries(first.jobs.skipped).map(([why, n]) => `${n} not replayed: ${why}`),
    ...Object.entries(first.jobs.unplaceable).map(([why, n]) => `${n} unplaceable: ${why}`),
  ];
  const ms = (x: number | null): string => (x === null ? '-' : x.toFixed(0));
  const withInference = input.reports.filter((r) => r.inference !== undefined);
  const inference = withInference.length === 0 ? '' : `<h2>Inference workloads (serving deployments)</h2>
<p>Each inference workload is a deployment placed by the same scheduler; its requests (${escapeXml(withInference[0]!.inference!.load)}) are simulated through its replicas on the GPUs it got, from its start to the end of its recorded lifetime; requests that arrived while it waited or was preempted were not served. Attainment: share of all its requests that met every target.</p>
<table><thead><tr><th>policy</th><th>deployments</th><th>ran</th><th>never ran</th><th>unplaceable</th><th>met SLO</th><th>served %</th><th>attainment %</th><th>TTFT p99 ms</th><th>TPOT p99 ms</th></tr></thead>
<tbody>
${withInference.map((r) => { const i = r.inference!; return `<tr><td>${escapeXml(r.policy)}</td><td>${i.deployments}</td><td>${i.ran}</td><td>${i.neverRan}</td><td>${i.unplaceable}</td><td>${i.meetingSlo}</td><td>${pct(i.servedFraction)}</td><td>${pct(i.requestAttainment)}</td><td>${ms(i.ttftP99Ms)}</td><td>${ms(i.tpotP99Ms)}</td></tr>`; }).join('\n')}
</tbody></table>`;
  const charts = [
    lineChart({ id: 'utilisation', title: 'GPU utilisation over time', xLabel: 'hours since the first arrival', yLabel: 'allocated GPUs / all', yRange: [0, 1] }, overTime((p) => p.utilisation)),
    lineChart({ id: 'fragmentation', title: 'Fragmentation over time', xLabel: 'hours since the first arrival', yLabel: 'stranded free GPUs / all', yRange: [0, 1] }, overTime((p) => p.fragmentation)),
    lineChart({ id: 'jct-cdf', title: 'Job completion time (CDF)', xLabel: 'JCT, s', yLabel: 'share of finished jobs', yRange: [0, 1] }, input.reports.map((r) => ({ name: r.policy, points: cdf(r.jctS) }))),
    lineChart({ id: 'queueing-cdf', title: 'Queueing delay (CDF)', xLabel: 'delay before first start, s', yLabel: 'share of started jobs', yRange: [0, 1] }, input.reports.map((r) => ({ name: r.policy, points: cdf(r.queueingS) }))),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Weft replay: ${escapeXml(input.trace)}</title><style>${REPORT_CSS}</style></head>
<body>
<h1>Trace replay: ${escapeXml(input.trace)} (${escapeXml(input.format)})</h1>
<p>${first.jobs.rows} jobs, ${first.jobs.replayed} replayed, on <b>${escapeXml(c.name)}</b>: ${c.servers} servers, ${c.gpus} ${escapeXml(c.gpuType)} GPUs, ${c.nicGbps} Gb/s NICs, ${c.oversubscription}:1 leaf uplinks. Recorded run times are scaled from ${escapeXml(first.referenceGpu)}; each job's step is its model class's compute plus a ring all-reduce of its gradients over the fabric where it was placed. Seed ${first.seed}.</p>
${accounting.length > 0 ? `<p class="note">${accounting.map(escapeXml).join('; ')}</p>` : ''}
<p class="note">${escapeXml(input.readSummary)}</p>
<table><thead><tr><th>policy</th><th>finished</th><th>waiting at end</th><th>JCT mean s</th><th>JCT p50 s</th><th>JCT p99 s</th><th>multi-server JCT mean s</th><th>queue mean s</th><th>queue p99 s</th><th>util %</th><th>frag %</th><th>preemptions</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${inference}
${charts.map((chart) => `<figure>${chart}</figure>`).join('\n')}
<script>${RENDER_CHECK_SCRIPT}</script>
</body></html>
`;
}
