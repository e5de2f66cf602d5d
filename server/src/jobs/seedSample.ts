import type { Kysely } from 'kysely';
import {
  makeOrigin,
  SAMPLE_ANALYSIS,
  SAMPLE_CASES,
  SAMPLE_CUSTOMER,
  writeSampleAnalysis,
} from '@whychain/shared';
import { indexCase, insertCase, linkAnalysis } from '../db/cases';
import { findOrCreateCustomer } from '../db/customers';
import type { Database } from '../db/schema';
import { createStoredAnalysis } from '../storage/createStoredAnalysis';
import type { DocumentStore } from '../storage/DocumentStore';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/**
 * A first start on an empty data folder gets a complete example: the book analysis, its case
 * of a sample customer, and that customer's two earlier letdowns. Returns the analysis id.
 */
export async function seedSample(
  store: DocumentStore,
  db: Kysely<Database>,
  now = Date.now(),
): Promise<string> {
  const analysisId = await createStoredAnalysis(store, SAMPLE_ANALYSIS, (doc) =>
    writeSampleAnalysis(doc, makeOrigin('server', 'Whychain')),
  );
  const customer = await findOrCreateCustomer(db, SAMPLE_CUSTOMER);
  for (const sample of SAMPLE_CASES) {
    const receivedAt = now - sample.daysAgo * DAY;
    const at = (hours: number | undefined) =>
      hours === undefined ? null : new Date(receivedAt + hours * HOUR).toISOString();
    const id = await insertCase(db, customer.id, {
      summary: sample.summary,
      description: sample.description,
      touchpoint: sample.touchpoint,
      severity: sample.severity,
      status: sample.status,
      externalRef: sample.externalRef,
      receivedAt: new Date(receivedAt).toISOString(),
      owner: 'Customer care',
      stakes: sample.stakes ?? {},
      recovery: {
        acknowledgedAt: at(sample.steps?.acknowledged),
        containmentStartedAt: at(sample.steps?.containment),
        resolvedAt: at(sample.steps?.resolved),
      },
    });
    if (sample.explained) await linkAnalysis(db, id, analysisId);
    await indexCase(db, id);
  }
  return analysisId;
}
