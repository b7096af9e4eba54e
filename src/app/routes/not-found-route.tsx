import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { PageContainer, PageHeading } from '@/components/page';

export function Component() {
  return (
    <PageContainer>
      <PageHeading>Page not found</PageHeading>
      <Typography>There is nothing at this address.</Typography>
      <Button component={RouterLink} to="/apps" sx={{ mt: 2 }}>
        Back to apps
      </Button>
    </PageContainer>
  );
}
