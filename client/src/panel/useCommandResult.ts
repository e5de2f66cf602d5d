import { useCallback, useState } from 'react';
import type { Result } from '@whychain/shared';

/**
 * Local error state for one group of controls: `check` keeps a refused command's reason to show
 * next to the controls (and clears it on success), and says whether the command went through.
 */
export function useCommandResult() {
  const [error, setError] = useState<string | null>(null);
  const check = useCallback((result: Result<object>): boolean => {
    setError(result.ok ? null : result.reason);
    return result.ok;
  }, []);
  return { error, check, setError };
}
