const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration in words a room reads at a glance: "45 s", "12 min", "2 h 10 min", "3 d 4 h".
 * Two units at most, since a median is not more precise than that.
 */
export function formatDurationWords(ms: number): string {
  const value = Math.max(0, ms);
  if (value < MINUTE) return `${Math.round(value / 1000)} s`;
  if (value < HOUR) return `${Math.round(value / MINUTE)} min`;
  if (value < DAY) {
    const minutes = Math.round(value / MINUTE);
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  }
  const hours = Math.round(value / HOUR);
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest === 0 ? `${days} d` : `${days} d ${rest} h`;
}
