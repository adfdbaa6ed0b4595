import { FieldError } from './read-summary.js';

const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Parses `YYYY-MM-DD HH:MM:SS` with an optional fraction (dropped: the job traces have second
 * resolution) and an optional `Z` / `+HH:MM` offset, to whole seconds since the Unix epoch.
 * A time without an offset is read as UTC: the traces that omit it (Philly, Helios) give no
 * zone, and replay needs only differences between times of one trace.
 * Calendar fields are range-checked, so `2023-02-30` is rejected rather than rolled over.
 * @throws FieldError naming `field`, the text and the expected form.
 */
export function parseEpochSeconds(text: string, field: string): number {
  const m = DATETIME_RE.exec(text);
  const bad = (): FieldError => new FieldError(field, text, 'a date-time like 2023-03-01 00:18:22 (optionally +08:00)');
  if (m === null) throw bad();
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) throw bad();
  let offsetS = 0;
  const zone = m[7];
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 14 || om > 59) throw bad();
    offsetS = sign * (oh * 3600 + om * 60);
  }
  return ms / 1000 - offsetS;
}

/** Like `parseEpochSeconds`, but an empty text (or a `None`/`NaN` placeholder) is undefined. */
export function parseOptionalEpochSeconds(text: string, field: string): number | undefined {
  if (text === '' || text === 'None' || text === 'NaN' || text === 'NaT') return undefined;
  return parseEpochSeconds(text, field);
}
