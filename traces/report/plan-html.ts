import type { PointResult } from '../plan/evaluate-point.js';
import { escapeXml, RENDER_CHECK_SCRIPT, REPORT_CSS, scatterChart } from './svg-charts.js';

/** The figures of one design the plan report shows: the replay's, and the recommender's verdicts. */
export type PlanHtmlPoint = Pick<PointResult, 'design' | 'gpus' | 'gpuType' | 'oversubscription' | 'policy' | 'costPerHourUsd' | 'jctMeanS' | 'jctP99S'> & {
  readonly meetsTargets: boolean;
  readonly onFront: boolean;
  /** Share of inference requests meeting their SLO (null or absent: the trace has no inference workloads). */
  readonly inferenceAttainment?: PointResult['inferenceAttainment'];
};

export interface PlanHtmlInput {
  readonly trace: string;
  readonly targets: Readonly<Record<string, number | undefined>>;
  /** The recommended design's name, or undefined when none meets the targets. */
  readonly recommended: string | undefined;
  readonly points: readonly PlanHtmlPoint[];
}

/**
 * A self-contained HTML report of a capacity-planning sweep: the recommendation, cost per hour
 * against p99 job completion time for every design with the Pareto front, and the table.
 */
export function renderPlanHtml(input: PlanHtmlInput): string {
  const targets = Object.entries(input.targets).filter(([, v]) => v !== undefined).map(([k, v]) => `${k} ${String(v)}`);
  const chart = scatterChart(
    { id: 'cost-vs-jct', title: 'Cost against p99 job completion time', xLabel: 'cost, USD per hour', yLabel: 'JCT p99, s' },
    input.points.map((p) => ({ label: `${p.design}: $${p.costPerHourUsd.toFixed(0)}/h, p99 ${p.jctP99S.toFixed(0)} s`, x: p.costPerHourUsd, y: p.jctP99S, onFront: p.onFront, hollow: !p.meetsTargets })),
  );
  // Cost against inference SLO attainment, when the trace has inference workloads: the front is the designs no other beats on both.
  const serving = input.points.filter((p) => p.inferenceAttainment !== undefined && p.inferenceAttainment !== null);
  const attainmentChart = serving.length === 0 ? '' : scatterChart(
    { id: 'cost-vs-slo', title: 'Cost against inference SLO attainment', xLabel: 'cost, USD per hour', yLabel: 'requests meeting the SLO, %' },
    serving.map((p) => {
      const a = p.inferenceAttainment!;
      const dominated = serving.some((o) => o !== p && o.costPerHourUsd <= p.costPerHourUsd && o.inferenceAttainment! >= a && (o.costPerHourUsd < p.costPerHourUsd || o.inferenceAttainment! > a));
      return { label: `${p.design}: $${p.costPerHourUsd.toFixed(0)}/h, ${(100 * a).toFixed(1)}% of requests in SLO`, x: p.costPerHourUsd, y: 100 * a, onFront: !dominated, hollow: !p.meetsTargets };
    }),
  );
  const rows = input.points
    .map((p) => `<tr><td>${escapeXml(p.design)}${p.design === input.recommended ? ' <b>(recommended)</b>' : ''}</td><td>${p.gpus}</td><td>${escapeXml(p.gpuType)}</td><td>${p.oversubscription}:1</td><td>${escapeXml(p.policy)}</td><td>${p.costPerHourUsd.toFixed(2)}</td><td>${p.jctMeanS.toFixed(0)}</td><td>${p.jctP99S.toFixed(0)}</td><td>${p.meetsTargets ? 'yes' : 'no'}</td><td>${p.onFront ? 'yes' : ''}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Weft capacity plan: ${escapeXml(input.trace)}</title><style>${REPORT_CSS}</style></head>
<body>
<h1>Capacity plan for ${escapeXml(input.trace)}</h1>
<p>${input.points.length} cluster designs replayed with the trace. Targets: ${targets.length > 0 ? escapeXml(targets.join(', ')) : 'every job finishes'}.
${input.recommended === undefined ? '<b>No design meets the targets.</b>' : `Recommended (the cheapest that meets them): <b>${escapeXml(input.recommended)}</b>.`}</p>
<figure>${chart}</figure>
${attainmentChart === '' ? '' : `<figure>${attainmentChart}</figure>`}
<table><thead><tr><th>design</th><th>GPUs</th><th>GPU</th><th>uplinks</th><th>policy</th><th>USD/h</th><th>JCT mean s</th><th>JCT p99 s</th><th>meets targets</th><th>Pareto</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<script>${RENDER_CHECK_SCRIPT}</script>
</body></html>
`;
}
