import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import Container from '@mui/material/Container';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { PageHeading } from '@/components/page';
import { readRuntimeConfig } from '@/config/runtime-config';
import { environmentQueries } from '@/features/environments/queries';
import { SignInForm } from '@/features/session/components/sign-in-form';
import { sessionStore } from '@/features/session/session-store';
import { endNotice, isEndReason, tokenKeepingText } from '@/features/session/session-wording';
import { safeNext } from '../paths';

export function Component() {
  const config = readRuntimeConfig();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  // From a page that saw the session end, or from the route guard when it ended before any page
  // rendered (a 401 on the first data request of a direct load, a timeout passed before a reload).
  const stateReason = (location.state as { reason?: unknown } | null)?.reason;
  const endReason = isEndReason(stateReason) ? stateReason : sessionStore.endReason();

  return (
    <Container maxWidth="sm" component="main" sx={{ py: { xs: 3, sm: 8 } }}>
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 4 } }}>
        <PageHeading>Sign in</PageHeading>
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          Browse your apps’ secrets per environment, reveal a value when you need it, and set new values.{' '}
          {tokenKeepingText(config)}
        </Typography>
        <SignInForm
          defaultBaseUrl={config.apiBaseUrl}
          demo={config.demo}
          notice={endReason ? endNotice(endReason, config) : undefined}
          onSignIn={async (values) => {
            sessionStore.signIn(values);
            try {
              // Verify the token before leaving the page: a refused token stays here with a message.
              await queryClient.fetchQuery({ ...environmentQueries.list(), retry: false });
            } catch (error) {
              sessionStore.signOut();
              queryClient.clear();
              throw error;
            }
            await navigate(safeNext(params.get('next')), { replace: true });
          }}
        />
      </Paper>
    </Container>
  );
}
