import { useDeferredValue, useMemo, type ReactNode } from 'react';
import type { QueryKey } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { isApiError } from '@/api/api-error';
import type { Environment } from '@/api/contract';
import { useCanWrite } from '@/api/use-can-write';
import { errorText } from '@/components/error-alert';
import { ReadOnlyNotice } from '@/components/read-only-notice';
import { SelectField } from '@/components/select-field';
import { SearchField } from '@/components/search-field';
import { environmentName } from '@/lib/environment-name';
import { useEnvironmentLists, type ColumnState, type ListOptions } from '../environment-lists';
import { comparesEnvironments, comparisonFilters, type Comparison } from '../compare-model';
import { buildOverview, filterRows, MISSING_ANYWHERE, parseMissingFilter } from '../overview-model';
import { CompareFilterOptions } from './compare-values';
import type { ColumnMeta, SetValueRequest } from './overview-cells';
import { OverviewTable } from './overview-table';
import type { KeySelection } from './use-key-selection';

export interface OverviewViewProps<TKey extends QueryKey> {
  environments: readonly Environment[];
  /** An environment's masked list (the route passes the secrets page's query options). */
  listOptions: (envId: string) => ListOptions<TKey>;
  search: string;
  onSearchChange: (search: string) => void;
  /** The missing filter as in the URL: '', `anywhere` or an environment's slug. */
  missing: string;
  onMissingChange: (missing: string) => void;
  secretHref: (secretId: string) => string;
  /** Opens the write flow for a missing value; offered only with a Write token. */
  onSetValue?: ((request: SetValueRequest) => void) | undefined;
  /** The key whose Set value dialog is open: focus returns to its row when it closes. */
  editingKey?: string | null | undefined;
  /** The toolbar's place for actions across environments (comparing or copying values). */
  actions?: ReactNode;
  /** A finished comparison of values: its verdicts show in the cells, its keys in the Show filter. */
  comparison?: Comparison | null | undefined;
  /** The selected keys (for copying values): the rows get checkboxes, offered only with a Write token. */
  selection?: KeySelection | undefined;
}

function columnMeta(column: ColumnState, missing: number | null): ColumnMeta {
  return {
    environment: column.environment,
    label: environmentName(column.environment),
    state: column.secrets ? 'loaded' : column.error ? 'failed' : 'pending',
    missing,
    retry: column.retry,
  };
}

/** The environments whose list failed: each one's message and request id (Retry is in its column). */
function FailedLists({ columns }: { columns: readonly ColumnState[] }) {
  const failed = columns.filter((column) => column.error !== null && column.secrets === undefined);
  if (failed.length === 0) return null;
  return (
    <Alert severity="error" role="alert">
      <AlertTitle>{failed.length === 1 ? 'One environment could not be loaded' : `${failed.length} environments could not be loaded`}</AlertTitle>
      {failed.map(({ environment, error }) => (
        <div key={environment.id}>
          {environmentName(environment)}: {errorText(error)}
          {isApiError(error) && error.requestId ? (
            <>
              {' '}
              (request id <code>{error.requestId}</code>)
            </>
          ) : null}
        </div>
      ))}
      Use Retry in its column to load it again.
    </Alert>
  );
}

/**
 * The app's overview: every key of every environment's masked list, one column per environment,
 * filtered by key and by where values are missing. Only masked previews ever reach it.
 */
export function OverviewView<TKey extends QueryKey>(props: OverviewViewProps<TKey>) {
  const { environments, listOptions, search, onSearchChange, missing, onMissingChange, secretHref, onSetValue, editingKey = null, actions, selection, comparison: given = null } = props;
  const canWrite = useCanWrite();
  const { columns, lists } = useEnvironmentLists(environments, listOptions);
  const overview = useMemo(() => buildOverview(lists), [lists]);
  const slugs = useMemo(() => environments.map((env) => env.slug), [environments]);
  // A comparison of other environments (the list changed since) does not line up with the columns.
  const comparison = given && comparesEnvironments(given, environments) ? given : null;
  const keySets = useMemo(() => (comparison ? comparisonFilters(comparison) : undefined), [comparison]);
  const filter = useMemo(() => parseMissingFilter(missing, slugs, keySets), [missing, slugs, keySets]);
  const deferredSearch = useDeferredValue(search);
  const rows = useMemo(() => filterRows(overview, { search: deferredSearch, missing: filter }), [overview, deferredSearch, filter]);
  const missingAnywhere = useMemo(() => overview.rows.filter((row) => row.missingCount > 0).length, [overview]);
  const meta = columns.map((column, i) => columnMeta(column, overview.missingCounts[i] ?? null));
  const settled = columns.some((column) => column.secrets !== undefined || column.error !== null);
  const filtered = rows !== overview.rows;

  return (
    <Stack spacing={2}>
      {canWrite ? null : <ReadOnlyNotice />}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ alignItems: { sm: 'flex-start' } }}>
        <SearchField
          label="Search keys"
          value={search}
          onChange={onSearchChange}
          pageSearch="silent"
          sx={{ flex: 1, maxWidth: { sm: 360 } }}
        />
        <SelectField label="Show" value={filter.kind === 'all' ? '' : missing} onChange={onMissingChange} sx={{ minWidth: 220 }}>
          <option value="">All keys</option>
          <option value={MISSING_ANYWHERE}>Missing somewhere ({missingAnywhere})</option>
          {meta.map((column) => (
            <option key={column.environment.id} value={column.environment.slug}>
              Missing in {column.label}
              {column.missing === null ? '' : ` (${column.missing})`}
            </option>
          ))}
          {comparison ? <CompareFilterOptions comparison={comparison} environments={environments} /> : null}
        </SelectField>
        {actions}
      </Stack>

      {settled ? (
        <>
          <Typography variant="body2" color="text.secondary" role="status" aria-live="polite">
            {filtered ? `${rows.length} of ${overview.rows.length} keys shown` : `${overview.rows.length} keys in ${environments.length} environments`}
            {missingAnywhere > 0 ? ` · ${missingAnywhere} missing somewhere` : ''}
          </Typography>
          <FailedLists columns={columns} />
          <OverviewTable
            caption="Secrets by environment"
            overview={overview}
            rows={rows}
            columns={meta}
            secretHref={secretHref}
            onSetValue={canWrite ? onSetValue : undefined}
            editingKey={editingKey}
            selection={canWrite ? selection : undefined}
            comparison={comparison}
          />
          {overview.rows.length === 0 && columns.every((column) => column.secrets !== undefined) ? (
            <Alert severity="info" role="status">
              No secrets in this app yet.
            </Alert>
          ) : rows.length === 0 && overview.rows.length > 0 ? (
            <Alert
              severity="info"
              variant="outlined"
              role="status"
              action={
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => {
                    onSearchChange('');
                    onMissingChange('');
                  }}
                >
                  Clear filters
                </Button>
              }
            >
              No key matches these filters.
            </Alert>
          ) : null}
        </>
      ) : (
        <Stack spacing={1} role="status" aria-busy="true" aria-label="Loading secrets">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} variant="rounded" height={40} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
