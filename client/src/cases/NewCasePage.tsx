import { useEffect, useState } from 'react';
import { navigate } from '../router/navigate';
import { createCaseApis, type CaseApis } from './caseApis';
import { CaseDetailsForm } from './CaseDetailsForm';
import { casePath } from './caseFormat';
import { PageFrame } from './PageFrame';

/** Recording a complaint: the case's details; recovery and discovery follow on its page. */
export function NewCasePage({ apis: given }: { apis?: CaseApis }) {
  const [apis] = useState(() => given ?? createCaseApis());

  useEffect(() => {
    document.title = 'New case · Whychain';
  }, []);

  return (
    <PageFrame>
      <header className="wc-casehead">
        <h1>New case</h1>
        <p className="wc-casehead__lead">
          Record what the customer told you. The recovery steps and the discovery questions come
          next, on the case's page.
        </p>
      </header>
      <section className="wc-casesection wc-card wc-newcase" aria-label="New case">
        <CaseDetailsForm
          found={null}
          customers={apis.customers}
          submitLabel="Create case"
          onSubmit={async (fields) => {
            const created = await apis.cases.create({ ...fields, summary: fields.summary ?? '' });
            navigate(casePath(created.id));
          }}
          onCancel={() => navigate('/')}
        />
      </section>
    </PageFrame>
  );
}
