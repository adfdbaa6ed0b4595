import { render } from 'ink';
import type { PreparedDay } from '../../scheduler/day/cluster-day.js';
import { Dashboard } from '../ui/app/dashboard.js';
import { DaySource } from '../ui/sources/day/day-source.js';

/** `weft demo --ui`: the day's elastic run with lending on the live dashboard (the terminal was checked by the caller). */
export async function runDayDashboard(prepared: PreparedDay, options: { fps: number; speed: number }): Promise<void> {
  const app = render(<Dashboard source={new DaySource(prepared)} fps={options.fps} initialSpeed={options.speed} />, { exitOnCtrlC: true });
  await app.waitUntilExit();
}
