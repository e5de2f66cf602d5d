import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useArmedAfter } from './useArmedAfter';

describe('useArmedAfter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('takes clicks only once the time has passed since it appeared', () => {
    const { result } = renderHook(() => useArmedAfter(500));
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(499));
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(true);
  });

  it('stops taking clicks in the very render where its meaning changes, and again after', () => {
    const { result, rerender } = renderHook(({ step }) => useArmedAfter(500, step), {
      initialProps: { step: 'draft' },
    });
    act(() => vi.advanceTimersByTime(500));
    expect(result.current).toBe(true);

    rerender({ step: 'in_review' });
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(300));
    // Another change before it was live starts the wait over.
    rerender({ step: 'closed' });
    act(() => vi.advanceTimersByTime(300));
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(200));
    expect(result.current).toBe(true);

    rerender({ step: 'closed' });
    expect(result.current).toBe(true);
  });

  it('with armedOnMount, takes clicks from the start and waits only after a change', () => {
    const { result, rerender } = renderHook(
      ({ step }) => useArmedAfter(500, step, { armedOnMount: true }),
      { initialProps: { step: 'draft' } },
    );
    expect(result.current).toBe(true);
    rerender({ step: 'in_review' });
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(500));
    expect(result.current).toBe(true);
  });
});
