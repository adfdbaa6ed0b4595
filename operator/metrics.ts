import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The operator's Prometheus metrics, in a registry of its own (two operators in one process,
 * as in the tests, do not share counters). Served at `/metrics` beside the probes.
 */
export class OperatorMetrics {
  readonly registry = new Registry();
  readonly reconciles = new Counter({ name: 'weft_operator_reconciles_total', help: 'Reconciles run, by kind and result (ok, error).', labelNames: ['kind', 'result'] as const, registers: [this.registry] });
  readonly reconcileSeconds = new Histogram({
    name: 'weft_operator_reconcile_duration_seconds',
    help: 'Wall time of one reconcile, by kind.',
    labelNames: ['kind'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });
  readonly errors = new Counter({ name: 'weft_operator_errors_total', help: 'Errors seen, by where (informer, election, reconcile).', labelNames: ['where'] as const, registers: [this.registry] });
  /** Read at scrape time: the work queue's depth and whether this instance leads. */
  sources: { queueDepth: () => number; leader: () => boolean } = { queueDepth: () => 0, leader: () => false };
  readonly queueDepth: Gauge = new Gauge({
    name: 'weft_operator_queue_depth',
    help: 'Keys waiting in the work queue (0 on a standby).',
    registers: [this.registry],
    collect: () => {
      this.queueDepth.set(this.sources.queueDepth());
    },
  });
  readonly leader: Gauge = new Gauge({
    name: 'weft_operator_leader',
    help: '1 while this instance reconciles (leads), else 0.',
    registers: [this.registry],
    collect: () => {
      this.leader.set(this.sources.leader() ? 1 : 0);
    },
  });
  readonly decisions = new Counter({
    name: 'weft_operator_decisions_total',
    help: 'Decisions carried out: bind, delete, plan, scale_up, scale_down, lend, reclaim, unschedulable.',
    labelNames: ['decision'] as const,
    registers: [this.registry],
  });
  readonly decisionSeconds = new Histogram({
    name: 'weft_operator_decision_duration_seconds',
    help: 'Wall time of one placement decision (snapshot + scheduling framework), by workload kind.',
    labelNames: ['kind'] as const,
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
    registers: [this.registry],
  });
  readonly sloAttainment = new Gauge({
    name: 'weft_operator_slo_ttft_attainment_ratio',
    help: "Share of a deployment's requests in the latency window whose TTFT met spec.slo.ttftP99 (from vLLM metrics).",
    labelNames: ['namespace', 'deployment'] as const,
    registers: [this.registry],
  });
  readonly sloMet = new Gauge({
    name: 'weft_operator_slo_met',
    help: 'SLOMet condition per deployment: 1 True, 0 False, -1 Unknown; label source is metrics or prediction.',
    labelNames: ['namespace', 'deployment', 'source'] as const,
    registers: [this.registry],
  });

  /** Times `work` into the reconcile histogram and counts its result. */
  async timeReconcile<T>(kind: string, work: () => Promise<T>): Promise<T> {
    const end = this.reconcileSeconds.startTimer({ kind });
    try {
      const result = await work();
      this.reconciles.inc({ kind, result: 'ok' });
      return result;
    } catch (error) {
      this.reconciles.inc({ kind, result: 'error' });
      throw error;
    } finally {
      end();
    }
  }

  /** Drops a deleted deployment's per-deployment series. */
  forgetDeployment(namespace: string, deployment: string): void {
    this.sloAttainment.remove({ namespace, deployment });
    for (const source of ['metrics', 'prediction', 'none']) this.sloMet.remove({ namespace, deployment, source });
  }
}
