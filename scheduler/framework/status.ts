/**
 * Outcome of one plugin at one extension point, as in the Kubernetes scheduling framework.
 * `Unschedulable` means preemption might help (the node lacks free resources);
 * `UnschedulableAndUnresolvable` means it cannot (wrong GPU model, taint, affinity, cordon).
 *
 * Filters run once per node per pod, so failure statuses are built once per plugin and reused:
 * returning a status allocates nothing.
 */
export type StatusCode = 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Wait' | 'Error';

export class Status {
  static readonly SUCCESS = new Status('Success', '');

  readonly code: StatusCode;
  /** Short reason users aggregate on, for example `Insufficient GPU`. */
  readonly reason: string;
  /** `code === 'Success'`, as a field: it is read once per node per filter. */
  readonly isSuccess: boolean;

  constructor(code: StatusCode, reason: string) {
    this.code = code;
    this.reason = reason;
    this.isSuccess = code === 'Success';
  }

  static unschedulable(reason: string): Status {
    return new Status('Unschedulable', reason);
  }
  static unresolvable(reason: string): Status {
    return new Status('UnschedulableAndUnresolvable', reason);
  }
}
