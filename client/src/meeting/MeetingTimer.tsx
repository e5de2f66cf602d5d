import {
  pauseTimer,
  resetTimer,
  startTimer,
  timerElapsed,
  type AnalysisSnapshot,
} from '@whychain/shared';
import { ErrorText } from '../panel/ErrorText';
import { usePanel } from '../panel/PanelContext';
import { useCommandResult } from '../panel/useCommandResult';
import { useNow } from '../panel/useNow';
import { formatDuration } from './formatDuration';
import './meeting.css';

/**
 * The meeting timer everyone in the room sees, ticking live while it runs. Its commands use the
 * meeting origin, so they stay out of this user's undo history.
 */
export function MeetingTimer({ timer }: { timer: AnalysisSnapshot['timer'] }) {
  const { doc, meetingOrigin, readOnly } = usePanel();
  const { error, check } = useCommandResult();
  const running = timer.startedAt !== null;
  const now = useNow(1000, running);
  const shown = formatDuration(timerElapsed(timer, now));

  return (
    <section className="wc-timer" aria-label="Meeting timer">
      <span className="wc-timer__label">Meeting</span>
      <span
        role="timer"
        aria-label="Time in meeting"
        className={running ? 'wc-timer__time is-running' : 'wc-timer__time'}
      >
        {shown}
      </span>
      {!readOnly && (
        <div className="wc-timer__buttons">
          {running ? (
            <button
              type="button"
              className="wc-button wc-button--small"
              onClick={() => check(pauseTimer(doc, meetingOrigin))}
            >
              Pause
            </button>
          ) : (
            <button
              type="button"
              className="wc-button wc-button--small wc-button--primary"
              onClick={() => check(startTimer(doc, meetingOrigin))}
            >
              Start
            </button>
          )}
          <button
            type="button"
            className="wc-button wc-button--small"
            disabled={!running && timer.elapsedMs === 0}
            onClick={() => check(resetTimer(doc, meetingOrigin))}
          >
            Reset
          </button>
        </div>
      )}
      <ErrorText error={error} />
    </section>
  );
}
