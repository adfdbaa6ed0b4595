import { WEFT_GROUP } from '../../../../operator/kube/objects.js';
import type { EventKindView, EventView } from '../../model/snapshot.js';
import type { EventObject } from './kube-reads.js';
import type { PodInfo } from './pod-info.js';

/** True for Events about Weft's own objects (ModelDeployments, FineTuneJobs). */
export function isWeftEvent(event: EventObject): boolean {
  return event.involvedObject?.apiVersion?.startsWith(`${WEFT_GROUP}/`) === true;
}

/** When the event last happened, ms since the epoch (NaN when it carries no time). */
export function eventTimeMs(event: EventObject): number {
  return Date.parse(event.lastTimestamp ?? event.eventTime ?? event.firstTimestamp ?? event.metadata.creationTimestamp ?? '');
}

/** The log's kind for an operator Event reason (operator/model-deployment, fine-tune, lending). */
export function eventKind(event: EventObject): EventKindView {
  const reason = event.reason ?? '';
  switch (reason) {
    case 'Scheduled':
      return 'placement';
    case 'ScaledDown':
      return 'scale-down';
    case 'Lent':
      return 'lend';
    case 'Reclaimed':
      return 'reclaim';
    case 'Unschedulable':
    case 'WaitingForGpus':
      return 'pending';
    case 'Autoscaled': {
      // "target replicas 2 -> 4: ..."
      const m = /(\d+)\s*->\s*(\d+)/.exec(event.message ?? '');
      return m !== null && Number(m[2]) < Number(m[1]) ? 'scale-down' : 'scale-up';
    }
  }
  // MetricsMissSLO, PredictionMissSLO (SLOMet), PredictedLate (DeadlineMet); not NoLatency.
  if (reason.endsWith('MissSLO') || reason === 'PredictedLate') return 'violation';
  return 'info';
}

/**
 * One log line per Event: `<namespace>/<name> <reason>: <message>`, `Warning` when it is one.
 * Time on the dashboard's clock (ns since it started); an Event from before the start is dated
 * at 0 and says its own time, since the log cannot show negative times.
 */
export function eventView(event: EventObject, startMs: number): EventView {
  const at = eventTimeMs(event);
  const o = event.involvedObject ?? {};
  const who = `${o.namespace ?? event.metadata.namespace ?? ''}/${o.name ?? '?'}`;
  const before = Number.isFinite(at) && at < startMs ? `[${new Date(at).toISOString().slice(11, 19)}Z] ` : '';
  const warning = event.type === 'Warning' ? 'Warning ' : '';
  const count = event.count !== undefined && event.count > 1 ? ` (x${event.count})` : '';
  return {
    timeNs: Number.isFinite(at) ? Math.max(0, at - startMs) * 1e6 : 0,
    kind: eventKind(event),
    message: `${before}${warning}${who} ${event.reason ?? ''}: ${event.message ?? ''}${count}`,
  };
}

/** The log lines a GPU pod's change gives (binding, phase changes, deletion); none for other pods. */
export function podChangeEvents(before: PodInfo | undefined, after: PodInfo | undefined, timeNs: number): EventView[] {
  const pod = after ?? before;
  if (pod === undefined || pod.gpus === 0) return [];
  const gpus = `${pod.gpus} GPU${pod.gpus === 1 ? '' : 's'}`;
  if (after === undefined) return [{ timeNs, kind: 'departure', message: `pod ${pod.key} deleted${before?.node === undefined ? '' : ` from ${before.node}`} (${gpus})` }];
  const out: EventView[] = [];
  if (before === undefined) out.push({ timeNs, kind: after.node === undefined ? 'pending' : 'placement', message: `pod ${after.key} created (${gpus})${after.node === undefined ? ', not bound yet' : ` on ${after.node}`}` });
  else if (before.node === undefined && after.node !== undefined) out.push({ timeNs, kind: 'placement', message: `pod ${after.key} bound to ${after.node} (${gpus})` });
  if (before !== undefined && before.phase !== after.phase) {
    const kind: EventKindView = after.phase === 'Running' ? 'start' : after.phase === 'Succeeded' ? 'finish' : after.phase === 'Failed' ? 'violation' : 'info';
    out.push({ timeNs, kind, message: `pod ${after.key} ${before.phase} -> ${after.phase}${after.node === undefined ? '' : ` on ${after.node}`}` });
  }
  return out;
}
