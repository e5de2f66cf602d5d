import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { readAnalysis, startTimer } from '@whychain/shared';
import { must, newAnalysisDoc, renderEditor, seed } from '../panel/renderEditor';
import { formatDuration } from './formatDuration';

describe('MeetingTimer', () => {
  it('shows the time of a timer someone started, ticking, and pauses and resets it', async () => {
    const doc = newAnalysisDoc();
    must(startTimer(doc, seed, Date.now() - 65_000));
    const { user } = renderEditor(doc);
    const clock = await screen.findByRole('timer', { name: 'Time in meeting' });
    expect(clock.textContent).toMatch(/^01:0[56]$/);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(clock.textContent).toMatch(/^01:0[67]$/);

    const panel = screen.getByRole('region', { name: 'Meeting timer' });
    await user.click(within(panel).getByRole('button', { name: 'Pause' }));
    expect(readAnalysis(doc).timer.startedAt).toBeNull();
    expect(readAnalysis(doc).timer.elapsedMs).toBeGreaterThanOrEqual(66_000);
    expect(within(panel).getByRole('button', { name: 'Start' })).toBeTruthy();

    await user.click(within(panel).getByRole('button', { name: 'Reset' }));
    expect(clock.textContent).toBe('00:00');
    expect(readAnalysis(doc).timer).toEqual({ startedAt: null, elapsedMs: 0 });

    await user.click(within(panel).getByRole('button', { name: 'Start' }));
    expect(readAnalysis(doc).timer.startedAt).not.toBeNull();
  });

  it('keeps timer changes out of my undo history', async () => {
    const { doc, user } = renderEditor(newAnalysisDoc());
    await user.click(await screen.findByRole('button', { name: 'Start' }));
    const started = readAnalysis(doc).timer.startedAt;
    expect(started).not.toBeNull();
    await user.click(screen.getByRole('textbox', { name: 'Add to parking lot' }));
    await user.keyboard('{Control>}z{/Control}');
    expect(readAnalysis(doc).timer.startedAt).toBe(started);
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
  });

  it('formats durations as mm:ss, and h:mm:ss from an hour on', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(65_999)).toBe('01:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });
});
