import { useEffect, useRef, useState } from 'react';
import type { DashboardSource } from '../model/source.js';
import type { DashboardSnapshot } from '../model/snapshot.js';

/**
 * Polls the source at `fps` (the bounded redraw rate): advances it by the wall time that really
 * elapsed since the last tick (so a slow redraw does not slow the simulated clock; capped at one
 * second so a stall is not replayed as a jump) at the current speed unless paused, and publishes
 * a new snapshot. Ink re-renders only the changed output, so a steady rate gives updates
 * without flicker. Wall-clock time is read here only to pace the display, never inside a model.
 *
 * Pause and speed are read through refs set while rendering: a tick that runs after the render
 * showing `[paused]` (before React has swapped the interval) must not advance the simulation.
 */
export function useSnapshot(source: DashboardSource, paused: boolean, speed: number, fps: number): { snapshot: DashboardSnapshot; ended: boolean } {
  const [snapshot, setSnapshot] = useState(() => source.snapshot());
  const [ended, setEnded] = useState(false);
  const control = useRef({ paused, speed, ended });
  control.current = { paused, speed, ended };
  useEffect(() => {
    const intervalMs = Math.max(16, Math.round(1000 / fps));
    let lastMs = performance.now();
    const timer = setInterval(() => {
      const nowMs = performance.now();
      const elapsedMs = Math.min(1000, nowMs - lastMs);
      lastMs = nowMs;
      const { paused: isPaused, speed: current, ended: isEnded } = control.current;
      if (!isPaused && !isEnded) {
        const more = source.advance(elapsedMs, current);
        if (!more) {
          control.current = { ...control.current, ended: true };
          setEnded(true);
        }
      }
      setSnapshot(source.snapshot());
    }, intervalMs);
    return () => {
      clearInterval(timer);
    };
  }, [source, fps]);
  return { snapshot, ended };
}
