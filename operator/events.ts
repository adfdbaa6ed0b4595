import { describeApiError } from './kube/api-error.js';
import type { EventInput, KubeClient } from './kube/client.js';

/**
 * Sends Events about the operator's decisions. Best effort, as in client-go: an Event that
 * cannot be sent is logged and dropped, never a reason to fail or retry a reconcile.
 */
export class EventRecorder {
  readonly #client: KubeClient;
  readonly #log: (line: string) => void;
  #sent = 0;

  constructor(client: KubeClient, log: (line: string) => void) {
    this.#client = client;
    this.#log = log;
  }

  /** Events sent so far. */
  get sent(): number {
    return this.#sent;
  }

  async record(event: EventInput): Promise<void> {
    try {
      await this.#client.createEvent(event);
      this.#sent++;
    } catch (error) {
      this.#log(`event ${event.reason} about ${event.involved.kind} ${event.involved.metadata.name} not sent: ${describeApiError(error)}`);
    }
  }
}
