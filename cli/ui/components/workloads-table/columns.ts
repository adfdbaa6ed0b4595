import type { Column } from '../../app/list.js';
import { percent } from '../../format.js';
import type { WorkloadView } from '../../model/snapshot.js';
import { theme } from '../../theme.js';

function latency(actual: number | undefined, target: number | undefined): string {
  if (actual === undefined) return '-';
  return target === undefined ? actual.toFixed(0) : `${actual.toFixed(0)}/${target}`;
}

/** True when any latency figure is over its target. */
export function violatesSlo(w: WorkloadView): boolean {
  return (
    (w.ttftP99Ms !== undefined && w.ttftTargetMs !== undefined && w.ttftP99Ms > w.ttftTargetMs) ||
    (w.tpotP99Ms !== undefined && w.tpotTargetMs !== undefined && w.tpotP99Ms > w.tpotTargetMs)
  );
}

export const workloadColumns: readonly Column<WorkloadView>[] = [
  { key: 'name', title: 'NAME', width: 26, text: (w) => w.name },
  { key: 'kind', title: 'KIND', width: 10, text: (w) => w.kind },
  { key: 'replicas', title: 'REPLICAS', width: 8, align: 'right', text: (w) => String(w.replicas), value: (w) => w.replicas },
  { key: 'gpus', title: 'GPUS', width: 5, align: 'right', text: (w) => String(w.gpus), value: (w) => w.gpus },
  { key: 'ttft', title: 'TTFT p99 ms', width: 12, align: 'right', text: (w) => latency(w.ttftP99Ms, w.ttftTargetMs), value: (w) => w.ttftP99Ms ?? -1 },
  { key: 'tpot', title: 'TPOT p99 ms', width: 12, align: 'right', text: (w) => latency(w.tpotP99Ms, w.tpotTargetMs), value: (w) => w.tpotP99Ms ?? -1 },
  { key: 'progress', title: 'PROGRESS', width: 8, align: 'right', text: (w) => (w.progress === undefined ? '-' : percent(w.progress)), value: (w) => w.progress ?? -1 },
  { key: 'state', title: 'STATE', width: 12, text: (w) => w.state },
];

export function workloadRowColor(w: WorkloadView): string | undefined {
  return violatesSlo(w) ? theme.bad : undefined;
}
