import type { Column } from '../../app/list.js';
import type { NodeView } from '../../model/snapshot.js';

export function usedGpus(node: NodeView): number {
  return node.gpus.reduce((sum, g) => sum + g.allocated, 0);
}

function workloadsOn(node: NodeView): string {
  return [...new Set(node.gpus.flatMap((g) => (g.workload === undefined ? [] : [g.workload])))].sort().join(',');
}

export const nodeColumns: readonly Column<NodeView>[] = [
  { key: 'name', title: 'NODE', width: 16, text: (n) => n.name },
  { key: 'type', title: 'GPU', width: 8, text: (n) => n.gpuType },
  { key: 'location', title: 'LOCATION', width: 14, text: (n) => n.location },
  { key: 'gpus', title: 'USED', width: 9, align: 'right', text: (n) => `${Number(usedGpus(n).toFixed(2))}/${n.gpus.length}`, value: (n) => usedGpus(n) },
  { key: 'lent', title: 'LENT', width: 4, align: 'right', text: (n) => String(n.gpus.filter((g) => g.lent).length), value: (n) => n.gpus.filter((g) => g.lent).length },
  { key: 'state', title: 'WORKLOADS', width: 30, text: workloadsOn },
];
