import type { ReactNode } from 'react';
import Container from '@mui/material/Container';
import Typography from '@mui/material/Typography';
import { MONOSPACE_STACK } from '@/lib/fonts';

/** The one page width (Apps, a secrets list, a secret, 404, route errors). */
export function PageContainer({ children }: { children: ReactNode }) {
  return (
    <Container maxWidth="lg" sx={{ py: 2 }}>
      {children}
    </Container>
  );
}

/**
 * A page's title (its one h1), on the one heading scale. `detail` follows it in the secondary
 * colour (e.g. the environment); `monospace` for a secret's name.
 */
export function PageHeading({ children, detail, monospace = false }: { children: ReactNode; detail?: ReactNode; monospace?: boolean }) {
  return (
    <Typography variant="h5" component="h1" sx={{ mb: 1.5, overflowWrap: 'anywhere', ...(monospace ? { fontFamily: MONOSPACE_STACK } : {}) }}>
      {children}
      {detail ? (
        <Typography component="span" variant="inherit" color="text.secondary">
          {detail}
        </Typography>
      ) : null}
    </Typography>
  );
}
