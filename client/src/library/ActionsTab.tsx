import { ACTION_STATUSES } from '@whychain/shared';
import type { ActionRow, ActionsApi } from '../api/actionsApi';
import { editorPath } from '../router/matchRoute';
import { Link } from '../router/Link';
import { CheckboxFilter, SelectFilter, TextFilter } from './Filters';
import { formatDueDate } from './formatUpdated';
import { choices, label, oneOf } from './labels';
import { PagedResults } from './PagedResults';
import { useUrlPagedList } from './useUrlPagedList';
import { useUrlQuery } from './useUrlQuery';

/** The Actions tab: the follow-up of every analysis, by owner, with what is overdue said plainly. */
export function ActionsTab({ api }: { api: ActionsApi }) {
  const [params, setQuery] = useUrlQuery();
  const filter = {
    status: oneOf(ACTION_STATUSES, params.get('status')),
    owner: params.get('owner')?.trim() || undefined,
    overdue: params.get('overdue') === 'true' || undefined,
  };
  const list = useUrlPagedList(JSON.stringify(filter), async (cursor, signal) => {
    const page = await api.list({ ...filter, cursor }, signal);
    return { items: page.actions, nextCursor: page.nextCursor };
  });
  const set = (key: string, value: string) => setQuery({ [key]: value, pages: null });
  const filtered = Boolean(filter.status || filter.owner || filter.overdue);

  return (
    <>
      <div className="wc-lib-toolbar" role="group" aria-label="Action filters">
        <SelectFilter
          label="Status"
          value={filter.status ?? ''}
          choices={choices('All statuses', ACTION_STATUSES)}
          onChange={(value) => set('status', value)}
        />
        <TextFilter
          label="Owner"
          value={filter.owner ?? ''}
          placeholder="Anyone"
          onChange={(value) => set('owner', value)}
        />
        <CheckboxFilter
          label="Overdue only"
          checked={filter.overdue === true}
          onChange={(checked) => set('overdue', checked ? 'true' : '')}
        />
      </div>
      <PagedResults
        list={list}
        noun="actions"
        empty={
          filtered
            ? 'No actions match these filters.'
            : 'No actions yet. Actions are added to whys in an analysis.'
        }
      >
        {(actions) => <ActionsTable actions={actions} />}
      </PagedResults>
    </>
  );
}

function ActionsTable({ actions }: { actions: readonly ActionRow[] }) {
  return (
    <table className="wc-table">
      <thead>
        <tr>
          <th scope="col">Description</th>
          <th scope="col">Owner</th>
          <th scope="col">Due date</th>
          <th scope="col">Status</th>
          <th scope="col">Analysis</th>
        </tr>
      </thead>
      <tbody>
        {actions.map((action) => (
          <tr
            key={`${action.analysisId}/${action.id}`}
            className={action.overdue ? 'wc-lib-row--overdue' : undefined}
          >
            <td className="wc-table__text" dir="auto">
              {action.description || <span className="wc-muted">No description</span>}
            </td>
            <td dir="auto">{action.owner || <span className="wc-muted">Nobody yet</span>}</td>
            <td>
              {action.dueDate ? (
                <time
                  dateTime={action.dueDate}
                  className={action.overdue ? 'wc-lib-overdue-date' : undefined}
                >
                  {formatDueDate(action.dueDate)}
                </time>
              ) : (
                <span className="wc-muted">No date</span>
              )}
              {action.overdue && <span className="wc-lib-overdue">Overdue</span>}
            </td>
            <td>
              <span className={`wc-status wc-lib-status--action-${action.status}`}>
                {label(action.status)}
              </span>
            </td>
            <td>
              <Link to={editorPath(action.analysisId)} dir="auto" className="wc-lib-quiet-link">
                {action.analysisTitle || 'Untitled analysis'}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
