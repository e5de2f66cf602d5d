import { useState } from 'react';

/** `value`, but the previous object as long as `isEqual` finds them the same (for memoising). */
export function useStableValue<T>(value: T, isEqual: (a: T, b: T) => boolean): T {
  const [stable, setStable] = useState(value);
  if (stable !== value && !isEqual(stable, value)) {
    setStable(value);
    return value;
  }
  return stable;
}
