/** The SLO checker: finished requests against latency targets, per request and per window, with causes. */
export {
  checkSlo,
  tpotNs,
  type ControlInterval,
  type FinishedRequest,
  type LatencyPercentiles,
  type LatencySummary,
  type SloCheckOptions,
  type SloReport,
  type SloWindow,
  type ViolationCause,
} from './slo-check.js';
