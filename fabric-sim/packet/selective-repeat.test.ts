import { describe, expect, it } from 'vitest';
import { SelectiveRepeat } from './selective-repeat.js';

const one = (packets: number, threshold = 3) => new SelectiveRepeat(Int32Array.from([packets]), Uint8Array.from([1]), threshold);

/** Sends every PSN `nextToSend` offers, in order, and returns them. */
function sendAll(sr: SelectiveRepeat, window = Infinity): number[] {
  const sent: number[] = [];
  for (let psn = sr.nextToSend(0, window); psn >= 0; psn = sr.nextToSend(0, window)) {
    sr.markSent(0, psn);
    sent.push(psn);
  }
  return sent;
}

describe('SelectiveRepeat receiver', () => {
  it('accepts packets in any order once and advances the cumulative PSN over earlier arrivals', () => {
    const sr = one(5);
    expect(sr.receive(0, 2)).toBe(true);
    expect(sr.receive(0, 2)).toBe(false);
    expect(sr.expected(0)).toBe(0);
    expect(sr.receive(0, 0)).toBe(true);
    expect(sr.expected(0)).toBe(1);
    expect(sr.receive(0, 1)).toBe(true);
    expect(sr.expected(0)).toBe(3);
    expect(sr.receive(0, 4)).toBe(true);
    expect(sr.receive(0, 3)).toBe(true);
    expect(sr.expected(0)).toBe(5);
    expect(sr.receive(0, 0)).toBe(false);
  });
});

describe('SelectiveRepeat sender', () => {
  it('tolerates reordering shorter than the threshold without declaring a loss', () => {
    const sr = one(6, 3);
    expect(sendAll(sr)).toEqual([0, 1, 2, 3, 4, 5]);
    // PSN 0 is late: 1, 2 arrive first (a lead of 2 < 3).
    sr.onAck(0, 0, 1);
    sr.onAck(0, 0, 2);
    expect(sr.nextToSend(0, Infinity)).toBe(-1);
    sr.onAck(0, 3, 0);
    expect(sr.una(0)).toBe(3);
    for (const psn of [3, 4, 5]) sr.onAck(0, psn + 1, psn);
    expect(sr.una(0)).toBe(6);
    expect(sr.hasOutstanding(0)).toBe(false);
  });

  it('resends exactly the holes a later acknowledgement leads by the threshold, before new data', () => {
    const sr = one(10, 3);
    expect(sendAll(sr, 6)).toEqual([0, 1, 2, 3, 4, 5]);
    // 1 and 2 are lost; 0, 3, 4, 5 arrive.
    sr.onAck(0, 1, 0);
    sr.onAck(0, 1, 3);
    expect(sr.nextToSend(0, 5)).toBe(-1); // 3 leads 1 by 2 < 3, and 5 packets from una 1 fill the window of 5
    sr.onAck(0, 1, 4);
    // 4 - 1 >= 3: PSN 1 is lost and is resent although the window is full.
    expect(sr.nextToSend(0, 5)).toBe(1);
    sr.markSent(0, 1);
    expect(sr.nextToSend(0, 5)).toBe(-1);
    sr.onAck(0, 1, 5);
    // 5 - 2 >= 3: PSN 2 is lost too.
    expect(sr.nextToSend(0, 5)).toBe(2);
    sr.markSent(0, 2);
    expect(sr.nextToSend(0, 5)).toBe(-1);
    sr.onAck(0, 2, 1);
    sr.onAck(0, 6, 2);
    expect(sr.una(0)).toBe(6);
    expect(sr.nextToSend(0, 6)).toBe(6);
  });

  it('treats a late arrival of a packet marked lost as acknowledged (no resend)', () => {
    const sr = one(8, 2);
    sendAll(sr);
    sr.onAck(0, 0, 3); // 0 and 1 are lost
    sr.onAck(0, 1, 0); // 0 was only late
    expect(sr.nextToSend(0, Infinity)).toBe(1);
  });

  it('presumes every outstanding packet lost on a timeout, including resent ones', () => {
    const sr = one(4, 10);
    sendAll(sr);
    sr.onAck(0, 1, 0);
    sr.onTimeout(0);
    expect(sendAll(sr)).toEqual([1, 2, 3]);
    sr.onAck(0, 3, 2);
    sr.onTimeout(0);
    expect(sendAll(sr)).toEqual([3]);
  });

  it('keeps no state for flows that do not use it and rejects a bad threshold', () => {
    const sr = new SelectiveRepeat(Int32Array.from([3, 1_000_000, 2]), Uint8Array.from([1, 0, 1]), 4);
    expect([sr.uses(0), sr.uses(1), sr.uses(2)]).toEqual([true, false, true]);
    expect(() => new SelectiveRepeat(Int32Array.from([1]), Uint8Array.from([1]), 0)).toThrow(/reorderThresholdPackets.*got 0/);
  });
});
