import type { RankedRootCause } from '../api/insightsApi';

/** The root causes ranked by what is at stake in one currency. */
export interface CurrencyRanking {
  currency: string;
  rows: { rootCause: RankedRootCause; amount: number }[];
}

/**
 * One ranking per currency, largest amount first: amounts in different currencies are never
 * added together or compared, as no exchange rate is known here.
 */
export function stakesByCurrency(
  rootCauses: readonly RankedRootCause[],
  limit = 10,
): CurrencyRanking[] {
  const byCurrency = new Map<string, CurrencyRanking['rows']>();
  for (const rootCause of rootCauses) {
    for (const stake of rootCause.stakes) {
      if (!(stake.amount > 0)) continue;
      const rows = byCurrency.get(stake.currency) ?? [];
      rows.push({ rootCause, amount: stake.amount });
      byCurrency.set(stake.currency, rows);
    }
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, rows]) => ({
      currency,
      rows: rows.sort((a, b) => b.amount - a.amount).slice(0, limit),
    }));
}

/** An amount in its currency, as the reader's locale writes money. */
export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    }).format(amount);
  } catch {
    // A code Intl does not know: still say which currency it is.
    return `${amount.toLocaleString()} ${currency}`;
  }
}
