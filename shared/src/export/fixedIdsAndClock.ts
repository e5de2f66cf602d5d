import { afterEach, beforeEach, vi } from 'vitest';

/*
 * A test helper (not part of the public index): golden files need the same ids and times every
 * run, so `newId` draws from a seeded sequence and `Date.now` starts at 2026-11-30 14:05 UTC and
 * moves one second per call.
 */

/** Fixes ids and the clock before each test of the calling file, and restores them after. */
export function useFixedIdsAndClock(): void {
  beforeEach(() => {
    let seed = 20261202;
    vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation((array) => {
      const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
      for (let i = 0; i < bytes.length; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        bytes[i] = seed >> 16;
      }
      return array;
    });
    let now = Date.UTC(2026, 10, 30, 14, 5);
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
  });
  afterEach(() => vi.restoreAllMocks());
}
