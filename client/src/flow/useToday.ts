import { useEffect, useState } from 'react';
import { today } from '../panel/actionLabels';

/**
 * Today as YYYY-MM-DD in this person's local time, turning over at their midnight: an action
 * due on a day is overdue once that day is over where they sit. Checked once a minute; the value
 * (a string) changes only when the day does, so nothing redraws in between.
 */
export function useToday(): string {
  const [day, setDay] = useState(today);
  useEffect(() => {
    const timer = setInterval(() => setDay(today()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return day;
}
