import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { PageContainer, PageHeading } from '@/components/page';

/** True when another page shows this one in a frame (where a click could be borrowed). */
export function isFramed(win: Window = window): boolean {
  try {
    return win.self !== win.top;
  } catch {
    return true;
  }
}

/**
 * What the dashboard shows instead of itself inside a frame, for hosts that cannot send
 * `frame-ancestors`/`X-Frame-Options`: nothing of the app loads, no request is sent.
 */
export function FramedNotice() {
  return (
    <PageContainer>
      <PageHeading>This dashboard cannot be shown inside another page</PageHeading>
      <Typography>
        Secrets are only shown in a tab of their own.{' '}
        <Link href={window.location.href} target="_blank" rel="noopener noreferrer">
          Open the dashboard in a new tab
        </Link>
      </Typography>
    </PageContainer>
  );
}
