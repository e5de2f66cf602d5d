import { CASE_STATUSES, SEVERITIES, type CaseJson } from '@whychain/shared';
import type { CasesApi, CaseSort } from '../api/casesApi';
import { Link } from '../router/Link';
import { SelectFilter, TextFilter } from './Filters';
import { formatDay, isoDate } from './formatUpdated';
import { choices, label, oneOf } from './labels';
import { casePath, customerPath } from './libraryPaths';
import { PagedResults } from './PagedResults';
import { useUrlPagedList } from './useUrlPagedList';
import { useUrlQuery } from './useUrlQuery';

const SORTS: { value: CaseSort | ''; label: string }[] = [
  { value: '', label: 'Newest received' },
  { value: 'receivedAt', label: 'Oldest received' },
  { value: '-severity', label: 'Most severe' },
  { value: 'severity', label: 'Least severe' },
  { value: '-updatedAt', label: 'Recently updated' },
  { value: 'updatedAt', label: 'Least recently updated' },
];

/** The Cases tab: every customer case, filtered by status, severity and owner. */
export function CasesTab({ api }: { api: CasesApi }) {
  const [params, setQuery] = useUrlQuery();
  const filter = {
    status: oneOf(CASE_STATUSES, params.get('status')),
    severity: oneOf(SEVERITIES, params.get('severity')),
    owner: params.get('owner')?.trim() || undefined,
    sort: oneOf(
      SORTS.map((s) => s.value).filter((v): v is CaseSort => v !== ''),
      params.get('sort'),
    ),
  };
  const list = useUrlPagedList(JSON.stringify(filter), async (cursor, signal) => {
    const page = await api.list({ ...filter, cursor }, signal);
    return { items: page.cases, nextCursor: page.nextCursor };
  });
  const set = (key: string, value: string) => setQuery({ [key]: value, pages: null });
  const filtered = Boolean(filter.status || filter.severity || filter.owner);

  return (
    <>
      <div className="wc-lib-toolbar" role="group" aria-label="Case filters">
        <SelectFilter
          label="Status"
          value={filter.status ?? ''}
          choices={choices('All statuses', CASE_STATUSES)}
          onChange={(value) => set('status', value)}
        />
        <SelectFilter
          label="Severity"
          value={filter.severity ?? ''}
          choices={choices('All severities', SEVERITIES)}
          onChange={(value) => set('severity', value)}
        />
        <TextFilter
          label="Owner"
          value={filter.owner ?? ''}
          placeholder="Anyone"
          onChange={(value) => set('owner', value)}
        />
        <SelectFilter
          label="Sort by"
          value={filter.sort ?? ''}
          choices={SORTS}
          onChange={(value) => set('sort', value)}
        />
      </div>
      <PagedResults
        list={list}
        noun="cases"
        empty={
          filtered ? 'No cases match these filters.' : 'No cases yet. Record one with “New case”.'
        }
      >
        {(cases) => <CasesTable cases={cases} />}
      </PagedResults>
    </>
  );
}

function CasesTable({ cases }: { cases: readonly CaseJson[] }) {
  return (
    <table className="wc-table">
      <thead>
        <tr>
          <th scope="col">Summary</th>
          <th scope="col">Customer</th>
          <th scope="col">Severity</th>
          <th scope="col">Status</th>
          <th scope="col">Received</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((item) => (
          <tr key={item.id}>
            <td className="wc-table__main">
              <Link to={casePath(item.id)} dir="auto">
                {item.summary || 'Untitled case'}
              </Link>
              {item.externalRef && <span className="wc-lib-ref">{item.externalRef}</span>}
            </td>
            <td>
              <Link to={customerPath(item.customer.id)} dir="auto" className="wc-lib-quiet-link">
                {item.customer.name}
              </Link>
            </td>
            <td>
              <span className={`wc-lib-severity wc-lib-severity--${item.severity}`}>
                {label(item.severity)}
              </span>
            </td>
            <td>
              <span className={`wc-status wc-lib-status--case-${item.status}`}>
                {label(item.status)}
              </span>
            </td>
            <td>
              <time dateTime={isoDate(item.receivedAt)}>{formatDay(item.receivedAt)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
