import { useEffect, useState } from 'react';
import type { DashboardSource } from '../model/source.js';
import type { DashboardSnapshot } from '../model/snapshot.js';

/**
 * Polls the source at `fps` (the bounded redraw rate): advances it by the elapsed wall time
 * at the current speed unless paused, and publishes a new snapshot. Ink re-renders only the
 * changed output, so a steady rate gives updates without flicker.
 */
export function useSnapshot(source: DashboardSource, paused: boolean, speed: number, fps: number): { snapshot: DashboardSnapshot; ended: boolean } {
  const [snapshot, setSnapshot] = useState(() => source.snapshot());
  const [ended, setEnded] = useState(false);
  useEffect(() => {
    const intervalMs = Math.max(16, Math.round(1000 / fps));
    const timer = setInterval(() => {
      if (!paused && !ended) {
        const more = source.advance(intervalMs, speed);
        if (!more) setEnded(true);
      }
      setSnapshot(source.snapshot());
    }, intervalMs);
    return () => {
      clearInterval(timer);
    };
  }, [source, paused, speed, fps, ended]);
  return { snapshot, ended };
}
