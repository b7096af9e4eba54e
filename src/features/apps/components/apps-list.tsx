import { useDeferredValue, useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { isApiError } from '@/api/api-error';
import { ErrorAlert } from '@/components/error-alert';
import { SearchField } from '@/components/search-field';
import { appQueries } from '../queries';

const MAX_SHOWN = 200;

export interface AppsListProps {
  search: string;
  onSearchChange: (search: string) => void;
  appHref: (appId: string) => string;
}

export function AppsList({ search, onSearchChange, appHref }: AppsListProps) {
  const apps = useQuery(appQueries.list());
  const deferred = useDeferredValue(search);
  const matches = useMemo(() => {
    const needle = deferred.trim().toLowerCase();
    const list = apps.data ?? [];
    return needle ? list.filter((a) => a.name.toLowerCase().includes(needle) || a.slug.toLowerCase().includes(needle) || a.id.toLowerCase() === needle) : list;
  }, [apps.data, deferred]);

  if (apps.isPending) {
    return (
      <Stack spacing={1} role="status" aria-busy="true" aria-label="Loading apps">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} variant="rounded" height={48} />
        ))}
      </Stack>
    );
  }
  if (apps.isError) {
    if (isApiError(apps.error) && apps.error.status === 404) {
      return (
        <Alert severity="info" role="status">
          This API does not list apps. Open an app by its name or id below.
        </Alert>
      );
    }
    return (
      <ErrorAlert
        error={apps.error}
        title="Could not load apps"
        onRetry={() => void apps.refetch()}
        forbiddenHint="Your token may be limited to some apps: open one by its name or id below."
      />
    );
  }
  if (apps.data.length === 0) {
    return (
      <Alert severity="info" role="status">
        No apps yet. Apps are created with the CLI or by an admin; once one exists it shows here.
      </Alert>
    );
  }
  return (
    <Stack spacing={1.5}>
      <SearchField label="Search apps" value={search} onChange={onSearchChange} pageSearch="silent" />
      <Typography variant="body2" color="text.secondary" role="status">
        {matches.length === apps.data.length ? `${apps.data.length} apps` : `${matches.length} of ${apps.data.length} apps match`}
        {matches.length > MAX_SHOWN ? ` (showing the first ${MAX_SHOWN}: refine the search)` : ''}
      </Typography>
      {matches.length === 0 ? (
        <Alert severity="info" role="status">
          No app matches “{deferred}”.
        </Alert>
      ) : (
        <Paper variant="outlined">
          <List aria-label="Apps" dense disablePadding>
            {matches.slice(0, MAX_SHOWN).map((app) => (
              <ListItem key={app.id} disablePadding>
                <ListItemButton component={RouterLink} to={appHref(app.id)}>
                  <ListItemText primary={app.name} secondary={app.slug !== app.name ? app.slug : undefined} />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </Paper>
      )}
    </Stack>
  );
}
