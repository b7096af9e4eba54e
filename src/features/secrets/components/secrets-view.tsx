import { useCallback, useDeferredValue, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Environment, RenderedSecret, RenderedSecretsResponse } from '@/api/contract';
import { isApiError } from '@/api/api-error';
import { ErrorAlert } from '@/components/error-alert';
import { SearchField } from '@/components/search-field';
import { useCanWrite } from '@/api/use-can-write';
import { usePresentationMode } from '@/lib/presentation-mode';
import { ReadOnlyNotice } from '@/components/read-only-notice';
import { useToasts } from '@/components/toast-queue';
import { environmentName } from '@/lib/environment-name';
import { usePageCommand } from '@/lib/page-commands';
import { usePreferences } from '@/lib/preferences';
import { listQuery } from '../list-query';
import { changedKeys, takeOwnWrites } from '../own-writes';
import { revealedQuery } from '../revealed-query';
import { useCopySecret } from '../use-copy-secret';
import { useRevealedValues } from '../use-revealed-values';
import { SecretsTable, type TableHighlight } from './secrets-table';

export const REFRESH_INTERVAL_MS = 30_000;

export interface SecretsViewProps {
  appId: string;
  environment: Environment;
  search: string;
  onSearchChange: (search: string) => void;
  secretHref: (secretId: string) => string;
  onEdit?: ((secret: RenderedSecret) => void) | undefined;
  /** Extra toolbar actions (e.g. "New secret"). */
  actions?: ReactNode;
  /** A key to scroll to and briefly highlight (just created, or chosen in the palette). */
  highlight?: TableHighlight | null | undefined;
}

/**
 * Says so, unobtrusively, when the environment's list changed on the server while the user was
 * looking: compared by key with the list shown before, leaving out this tab's own writes.
 */
function useChangedNotice(appId: string, envId: string, envName: string, data: RenderedSecretsResponse | undefined) {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const seen = useRef<RenderedSecretsResponse | undefined>(undefined);
  useEffect(() => {
    if (data === undefined || data === seen.current) return;
    const before = seen.current;
    seen.current = data;
    if (before === undefined || before.secretDigest === data.secretDigest) return;
    if (changedKeys(before.secrets, data.secrets, takeOwnWrites(queryClient, appId, envId)).length === 0) return;
    toasts.show({ key: `changed:${appId}/${envId}`, message: `Secrets in ${envName} changed on the server; the list is up to date.`, autoHideDuration: 6000 });
  }, [data, queryClient, toasts, appId, envId, envName]);
}

/** The outcome of a copy, as a note in the app's queue. */
function useCopyNotes({ message, failed, dismiss }: { message: string | null; failed: boolean; dismiss: () => void }) {
  const toasts = useToasts();
  useEffect(() => {
    if (message === null) return;
    toasts.show({ message, severity: failed ? 'error' : 'success', autoHideDuration: 7000 });
    dismiss();
  }, [message, failed, dismiss, toasts]);
}

/**
 * Progress and errors of "Reveal all", mounted only while it is on: its observer (and the
 * response it saw) goes away with it when everything is hidden.
 */
function RevealAllStatus({ appId, envId, onRetry }: { appId: string; envId: string; onRetry: () => void }) {
  const all = useQuery({ ...revealedQuery({ appId, envId }), select: () => true });
  if (all.isPending) return <LinearProgress aria-label="Revealing all values" />;
  if (all.isError) return <ErrorAlert error={all.error} title="Could not reveal the values" onRetry={onRetry} />;
  return null;
}

export function SecretsView({ appId, environment, search, onSearchChange, secretHref, onEdit: onEditProp, actions, highlight }: SecretsViewProps) {
  // Without a Write token the rows' Edit stays visible but disabled (ReadOnlyNotice says why).
  const canWrite = useCanWrite();
  const presenting = usePresentationMode();
  const onEdit = canWrite ? onEditProp : undefined;
  const envId = environment.id;
  const { autoHideSeconds } = usePreferences();
  const list = useQuery({
    ...listQuery({ appId, envId }),
    refetchInterval: REFRESH_INTERVAL_MS,
    // The route loader starts this read; when it has already failed (e.g. a 4xx, which is never
    // retried) by the time the page mounts, show that error (with Retry) rather than asking again.
    retryOnMount: false,
  });
  const reveal = useRevealedValues({ appId, envIds: [envId], autoHideMs: autoHideSeconds * 1000 });
  const copy = useCopySecret({ appId, envId });

  const deferredSearch = useDeferredValue(search);
  const all = list.data?.secrets;
  const matches = useMemo(() => {
    const needle = deferredSearch.trim().toLowerCase();
    if (!all || !needle) return all ?? [];
    return all.filter((s) => s.key.toLowerCase().includes(needle));
  }, [all, deferredSearch]);

  const { reveal: revealIn, hide: hideIn, revealAll: revealAllIn, hideEnvironment, revealOf: revealOfIn } = reveal;
  const toggle = useCallback((key: string, shown: boolean) => (shown ? hideIn(envId, key) : revealIn(envId, key)), [revealIn, hideIn, envId]);
  const revealOf = useCallback((key: string) => revealOfIn(envId, key), [revealOfIn, envId]);
  const revealAll = useCallback(() => revealAllIn(envId), [revealAllIn, envId]);
  const allRevealed = reveal.isAllRevealed(envId);
  const envName = environmentName(environment);
  // A token that may not read here (a Write token) is offered nothing to reveal.
  const cannotRead = isApiError(list.error) && list.error.status === 403;
  const canRevealAll = !cannotRead && !allRevealed && !presenting && (list.data?.secrets.length ?? 0) > 0;
  usePageCommand('reveal-all', canRevealAll, revealAll);
  usePageCommand('hide-all', allRevealed, () => hideEnvironment(envId));
  useChangedNotice(appId, envId, envName, list.data);
  useCopyNotes(copy);

  return (
    <>
      <Stack spacing={2}>
        {canWrite ? null : <ReadOnlyNotice />}
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ alignItems: { sm: 'flex-start' } }}>
          <SearchField
            label="Search keys"
            value={search}
            onChange={onSearchChange}
            pageSearch="hint"
            sx={{ flex: 1, maxWidth: { sm: 420 } }}
          />
          <Box sx={{ flex: 1, display: { xs: 'none', sm: 'block' } }} />
          {cannotRead ? null : (
          <Button
            variant="outlined"
            onClick={allRevealed ? () => hideEnvironment(envId) : revealAll}
            disabled={!list.data || list.data.secrets.length === 0 || (presenting && !allRevealed)}
            aria-pressed={allRevealed}
            sx={{ minHeight: 40 }}
          >
            {allRevealed ? 'Hide all' : 'Reveal all'}
          </Button>
          )}
          {actions}
        </Stack>

        {allRevealed ? <RevealAllStatus appId={appId} envId={envId} onRetry={revealAll} /> : null}

        {list.isPending ? (
          <Stack spacing={1} role="status" aria-busy="true" aria-label="Loading secrets">
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} variant="rounded" height={44} />
            ))}
          </Stack>
        ) : list.data === undefined ? (
          <ErrorAlert
            error={list.error}
            title={isApiError(list.error) && list.error.status === 403 ? `Your token may not read ${envName} of this app` : 'Could not load secrets'}
            onRetry={() => void list.refetch()}
            forbiddenHint="Ask an admin for a token with Read scope on this app and environment, or sign in with another token."
          />
        ) : (
          <>
            <Typography variant="body2" color="text.secondary" role="status" aria-live="polite">
              {list.data.secrets.length === 0 || matches.length === 0
                ? ''
                : deferredSearch.trim()
                  ? `${matches.length} of ${list.data.secrets.length} secrets match “${deferredSearch.trim()}”`
                  : `${list.data.secrets.length} secrets in ${envName}`}
              {reveal.anyRevealed ? ` · revealed values hide after ${autoHideSeconds} s or when you leave this tab` : ''}
            </Typography>
            {list.data.secrets.length === 0 ? (
              <Alert severity="info" role="status">
                No secrets in this app yet. {onEdit ? 'Use “New secret” to add the first one.' : 'They are created with a write token.'}
              </Alert>
            ) : matches.length === 0 ? (
              <Alert
                severity="info"
                variant="outlined"
                role="status"
                action={
                  <Button color="inherit" size="small" onClick={() => onSearchChange('')}>
                    Clear search
                  </Button>
                }
              >
                No key matches “{deferredSearch.trim()}”.
              </Alert>
            ) : (
              <SecretsTable
                caption={`Secrets in ${envName}`}
                secrets={matches}
                appId={appId}
                envId={envId}
                revealOf={revealOf}
                onToggle={toggle}
                onCopy={copy.copy}
                onEdit={onEdit}
                secretHref={secretHref}
                highlight={highlight}
              />
            )}
          </>
        )}
      </Stack>
    </>
  );
}
