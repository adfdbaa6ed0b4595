import type { EventView } from '../model/snapshot.js';

/** Events a source keeps (the log view shows the newest; older ones are dropped). */
export const EVENT_LOG_LIMIT = 500;
/** Points a sparkline series keeps. */
export const SERIES_LIMIT = 120;

/** A bounded event log, newest last, kept in time order even when an event is dated back. */
export class EventLog {
  readonly events: EventView[] = [];

  push(event: EventView): void {
    // Events found after a slice can be older than the last one logged (a flow that started
    // mid-slice): insert in time order, stable for equal times.
    let at = this.events.length;
    while (at > 0 && this.events[at - 1]!.timeNs > event.timeNs) at--;
    this.events.splice(at, 0, event);
    if (this.events.length > EVENT_LOG_LIMIT) this.events.splice(0, this.events.length - EVENT_LOG_LIMIT);
  }
}

/** Appends to a sparkline series, dropping the oldest beyond {@link SERIES_LIMIT}. */
export function pushBounded(series: number[], value: number): void {
  series.push(value);
  if (series.length > SERIES_LIMIT) series.splice(0, series.length - SERIES_LIMIT);
}
