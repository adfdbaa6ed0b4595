import type { QueuedPod, QueueSortPlugin } from '../framework/plugin.js';

/** Queue-sort: higher priority first, then first come first served. */
export class PrioritySort implements QueueSortPlugin {
  readonly name = 'PrioritySort';
  less(a: QueuedPod, b: QueuedPod): boolean {
    return a.pod.priority !== b.pod.priority ? a.pod.priority > b.pod.priority : a.sequence < b.sequence;
  }
}
