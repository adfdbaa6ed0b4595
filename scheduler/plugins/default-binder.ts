import type { BindPlugin } from '../framework/plugin.js';
import { Status } from '../framework/status.js';

/**
 * Bind: the pod's resources were already taken at reserve, so binding only confirms it. In
 * operator mode a binder posting a Binding to the API server replaces this one.
 */
export class DefaultBinder implements BindPlugin {
  readonly name = 'DefaultBinder';
  bind(): Status {
    return Status.SUCCESS;
  }
}
