import { createAnalysisRowsApi, type AnalysisRowsApi } from '../api/analysisRowsApi';
import { createCasesApi, type CasesApi } from '../api/casesApi';
import { createCustomersApi, type CustomersApi } from '../api/customersApi';

/** The server calls the case and customer pages make; tests hand in ones for their own server. */
export interface CaseApis {
  cases: CasesApi;
  customers: CustomersApi;
  analyses: AnalysisRowsApi;
}

export function createCaseApis(baseUrl?: string): CaseApis {
  return {
    cases: createCasesApi(baseUrl),
    customers: createCustomersApi(baseUrl),
    analyses: createAnalysisRowsApi(baseUrl),
  };
}
