import { significantWords, similarWording, type Insights } from '@whychain/shared';
import type { Db } from './customers';

const UNCATEGORIZED = 'Uncategorized';
const NO_OWNER = 'No owner';

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function parse<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/**
 * The figures behind the Insights screen, for analyses created and cases received in
 * [from, to]: all from summary rows and case rows, never from documents.
 */
export async function insights(
  db: Db,
  range: { from?: number; to?: number; today: string },
): Promise<Insights> {
  let analyses = db
    .selectFrom('documents as d')
    .innerJoin('analysis_summaries as s', 's.analysis_id', 'd.id')
    .select(['d.id as id', 'd.title as title', 's.root_causes as rootCauses']);
  if (range.from !== undefined) analyses = analyses.where('d.created_at', '>=', range.from);
  if (range.to !== undefined) analyses = analyses.where('d.created_at', '<=', range.to);
  const rows = await analyses.execute();

  // Joined on the same range rather than listed by id: thousands of ids make a slow IN list.
  let linkQuery = db
    .selectFrom('case_analyses as l')
    .innerJoin('cases as c', 'c.id', 'l.case_id')
    .innerJoin('documents as d', 'd.id', 'l.analysis_id')
    .select([
      'l.analysis_id as analysisId',
      'c.stakes_amount as amount',
      'c.stakes_currency as currency',
    ]);
  if (range.from !== undefined) linkQuery = linkQuery.where('d.created_at', '>=', range.from);
  if (range.to !== undefined) linkQuery = linkQuery.where('d.created_at', '<=', range.to);
  const linksOf = new Map<string, { amount: number | null; currency: string | null }[]>();
  for (const link of await linkQuery.execute()) {
    const list = linksOf.get(link.analysisId);
    if (list) list.push(link);
    else linksOf.set(link.analysisId, [link]);
  }

  const categoryCounts = new Map<string, number>();
  const rootCauses: Insights['rootCauses'] = [];
  for (const row of rows) {
    const causes = parse<{ id: string; text: string; category: string | null }[]>(
      row.rootCauses,
      [],
    );
    const linked = linksOf.get(row.id) ?? [];
    const stakes = new Map<string, number>();
    for (const l of linked) {
      // Amounts in different currencies are never added together.
      if (l.amount !== null && l.currency)
        stakes.set(l.currency, (stakes.get(l.currency) ?? 0) + l.amount);
    }
    for (const cause of causes) {
      const category = cause.category ?? UNCATEGORIZED;
      categoryCounts.set(category, (categoryCounts.get(category) ?? 0) + 1);
      rootCauses.push({
        analysisId: row.id,
        analysisTitle: row.title,
        whyId: cause.id,
        text: cause.text,
        category: cause.category,
        caseCount: linked.length,
        stakes: [...stakes]
          .map(([currency, amount]) => ({ currency, amount }))
          .sort((a, b) => b.amount - a.amount),
      });
    }
  }
  const topStake = (cause: Insights['rootCauses'][number]) => cause.stakes[0]?.amount ?? 0;
  rootCauses.sort(
    (a, b) =>
      b.caseCount - a.caseCount || topStake(b) - topStake(a) || a.text.localeCompare(b.text),
  );

  // Recurring: causes of different analyses whose wording is alike, grouped (union-find).
  const words = rootCauses.map((cause) => significantWords(cause.text));
  const parent = rootCauses.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  // Only causes sharing a word can be alike: compare the pairs an index of words brings up,
  // not every pair (thousands of causes would make millions of comparisons).
  const byWord = new Map<string, number[]>();
  words.forEach((set, i) => {
    for (const word of set) byWord.set(word, [...(byWord.get(word) ?? []), i]);
  });
  const compared = new Set<number>();
  for (const members of byWord.values()) {
    if (members.length > 500) continue; // a word in hundreds of causes says nothing alone
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        const i = members[a]!;
        const j = members[b]!;
        const key = i * rootCauses.length + j;
        if (compared.has(key)) continue;
        compared.add(key);
        if (
          rootCauses[i]!.analysisId !== rootCauses[j]!.analysisId &&
          similarWording(words[i]!, words[j]!)
        ) {
          parent[find(i)] = find(j);
        }
      }
    }
  }
  const groups = new Map<number, number[]>();
  rootCauses.forEach((_, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  const recurring: Insights['recurring'] = [];
  for (const members of groups.values()) {
    const causes = members.map((i) => rootCauses[i]!);
    if (new Set(causes.map((c) => c.analysisId)).size < 2) continue;
    recurring.push({
      text: causes[0]!.text,
      analyses: causes.map((c) => ({
        analysisId: c.analysisId,
        analysisTitle: c.analysisTitle,
        whyId: c.whyId,
        text: c.text,
      })),
    });
  }
  recurring.sort((a, b) => b.analyses.length - a.analyses.length);

  let actionQuery = db
    .selectFrom('analysis_actions as a')
    .innerJoin('documents as d', 'd.id', 'a.analysis_id')
    .select(['a.owner as owner', 'a.status as status', 'a.due_date as dueDate'])
    .where('a.status', 'not in', ['done', 'cancelled']);
  if (range.from !== undefined) actionQuery = actionQuery.where('d.created_at', '>=', range.from);
  if (range.to !== undefined) actionQuery = actionQuery.where('d.created_at', '<=', range.to);
  const actions = await actionQuery.execute();
  const byOwner = new Map<string, { owner: string; open: number; overdue: number }>();
  for (const action of actions) {
    const owner = action.owner || NO_OWNER;
    const entry = byOwner.get(owner) ?? { owner, open: 0, overdue: 0 };
    entry.open++;
    if (action.dueDate !== null && action.dueDate < range.today) entry.overdue++;
    byOwner.set(owner, entry);
  }

  let cases = db.selectFrom('cases').select(['received_at as receivedAt', 'recovery']);
  if (range.from !== undefined) cases = cases.where('received_at', '>=', range.from);
  if (range.to !== undefined) cases = cases.where('received_at', '<=', range.to);
  const caseRows = await cases.execute();
  const since = (field: 'acknowledgedAt' | 'resolvedAt' | 'customerConfirmedAt') =>
    median(
      caseRows.flatMap((row) => {
        const at = parse<Record<string, unknown>>(row.recovery, {})[field];
        const ms = typeof at === 'string' ? Date.parse(at) - row.receivedAt : NaN;
        return Number.isFinite(ms) && ms >= 0 ? [ms] : [];
      }),
    );

  return {
    categories: [...categoryCounts]
      .map(([category, count]) => ({ category, count }))
      .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
    rootCauses,
    recurring,
    actionsByOwner: [...byOwner.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open),
    recovery: {
      acknowledgeMs: since('acknowledgedAt'),
      resolveMs: since('resolvedAt'),
      confirmMs: since('customerConfirmedAt'),
      cases: caseRows.length,
    },
  };
}
