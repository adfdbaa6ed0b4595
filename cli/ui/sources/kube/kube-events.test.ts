import { describe, expect, it } from 'vitest';
import { eventKind, eventView } from './kube-events.js';
import type { EventObject } from './kube-reads.js';

const event = (reason: string, message = '', extra: Partial<EventObject> = {}): EventObject => ({
  metadata: { name: 'e', namespace: 'default' },
  involvedObject: { apiVersion: 'weft.dev/v1alpha1', kind: 'ModelDeployment', name: 'chat', namespace: 'default' },
  reason,
  message,
  ...extra,
});

describe('operator Events on the log', () => {
  it('maps the operator\'s reasons to log kinds', () => {
    const kinds = Object.fromEntries(
      ['Scheduled', 'ScaledDown', 'Lent', 'Reclaimed', 'Unschedulable', 'WaitingForGpus', 'MetricsMissSLO', 'PredictionMissSLO', 'PredictedLate', 'NoLatency', 'MetricsMeetSLO', 'Planned'].map((r) => [r, eventKind(event(r))]),
    );
    expect(kinds).toEqual({
      Scheduled: 'placement', ScaledDown: 'scale-down', Lent: 'lend', Reclaimed: 'reclaim', Unschedulable: 'pending', WaitingForGpus: 'pending',
      MetricsMissSLO: 'violation', PredictionMissSLO: 'violation', PredictedLate: 'violation', NoLatency: 'info', MetricsMeetSLO: 'info', Planned: 'info',
    });
    expect(eventKind(event('Autoscaled', 'target replicas 2 -> 4: queue'))).toBe('scale-up');
    expect(eventKind(event('Autoscaled', 'target replicas 4 -> 1: idle'))).toBe('scale-down');
  });

  it('dates Events on the dashboard clock, an earlier one at 0 with its own time', () => {
    const start = Date.parse('2026-11-29T10:00:00Z');
    expect(eventView(event('Scheduled', 'bound chat-0', { lastTimestamp: '2026-11-29T10:00:01.500Z' }), start)).toEqual({ timeNs: 1.5e9, kind: 'placement', message: 'default/chat Scheduled: bound chat-0' });
    expect(eventView(event('UnknownModel', 'spec.model', { type: 'Warning', count: 3, lastTimestamp: '2026-11-29T09:58:07Z' }), start)).toEqual({
      timeNs: 0, kind: 'info', message: '[09:58:07Z] Warning default/chat UnknownModel: spec.model (x3)',
    });
  });
});
