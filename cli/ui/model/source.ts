import type { DashboardSnapshot } from './snapshot.js';

/**
 * Where the dashboard's data comes from. A simulation source advances simulated time when
 * asked; a live source (operator mode) ignores `advance` and reports the cluster as it is.
 */
export interface DashboardSource {
  /** The current state. Must be cheap: it is called at the redraw rate. */
  snapshot(): DashboardSnapshot;
  /**
   * Advances by `wallMs` of wall-clock time at `speed` simulated seconds per second.
   * Returns false when the source has nothing more to show (the simulation ended).
   */
  advance(wallMs: number, speed: number): boolean;
}
