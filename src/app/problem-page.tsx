import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { PageContainer, PageHeading } from '@/components/page';
import { useSignOut } from '@/features/session/use-session';
import { envPath } from './paths';
import type { RouteProblem } from './route-problem';

function BackToApps({ primary = false }: { primary?: boolean }) {
  return (
    <Button component={RouterLink} to="/apps" variant={primary ? 'contained' : 'text'}>
      Back to apps
    </Button>
  );
}

/**
 * The one page for an address that leads nowhere (no such app, environment or secret, or an app
 * this token may not open): says which, and leads back. None of the missing page's controls.
 */
export function ProblemPage({ problem }: { problem: RouteProblem }) {
  // Signing out sends the user to sign-in, which brings them back here (app-layout.tsx).
  const signOut = useSignOut();
  switch (problem.kind) {
    case 'no-app':
      return (
        <PageContainer>
          <PageHeading>No app {problem.appId}</PageHeading>
          <Typography sx={{ mb: 2 }}>There is no app with the id “{problem.appId}”. It may have been removed, or the address may be mistyped.</Typography>
          <BackToApps primary />
        </PageContainer>
      );
    case 'app-forbidden':
      return (
        <PageContainer>
          <PageHeading>No access to {problem.appName ?? problem.appId}</PageHeading>
          <Typography sx={{ mb: 2 }}>
            This token has no access to this app: it may be limited to some apps. Sign in with another token that can open it, or pick
            another app.
          </Typography>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Button variant="contained" onClick={signOut}>
              Sign in with another token
            </Button>
            <BackToApps />
          </Stack>
        </PageContainer>
      );
    case 'no-environment':
      return (
        <PageContainer>
          <PageHeading>
            No environment {problem.envSlug} in {problem.appName}
          </PageHeading>
          <Typography sx={{ mb: 2 }}>This account has no environment “{problem.envSlug}”.</Typography>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {problem.firstEnv ? (
              <Button component={RouterLink} to={envPath(problem.appId, problem.firstEnv.slug)} variant="contained">
                Open {problem.firstEnv.name} of {problem.appName}
              </Button>
            ) : null}
            <BackToApps primary={!problem.firstEnv} />
          </Stack>
        </PageContainer>
      );
    case 'no-secret':
      return (
        <PageContainer>
          <PageHeading>
            No secret {problem.secretId} in {problem.appName}
          </PageHeading>
          <Typography sx={{ mb: 2 }}>This secret does not exist (any more): no environment of this app lists a secret with this id.</Typography>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Button component={RouterLink} to={problem.backHref} variant="contained">
              Back to {problem.appName}
            </Button>
            <BackToApps />
          </Stack>
        </PageContainer>
      );
  }
}
