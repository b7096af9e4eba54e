import { useNavigate } from 'react-router';
import { useSearchParamState } from '@/lib/use-search-param-state';
import Container from '@mui/material/Container';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import { AppsList } from '@/features/apps/components/apps-list';
import { OpenAppForm } from '@/features/apps/components/open-app-form';
import { appPath } from '../paths';

export function Component() {
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParamState('q');
  return (
    <Container maxWidth="md" sx={{ py: 3 }}>
      <Typography variant="h4" component="h1" gutterBottom>
        Apps
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Pick an app to see its secrets in each environment.
      </Typography>
      <AppsList
        search={search}
        onSearchChange={setSearch}
        appHref={appPath}
      />
      <Divider sx={{ my: 3 }} />
      <Typography variant="h6" component="h2" gutterBottom>
        Open an app by name or id
      </Typography>
      <OpenAppForm onOpen={(app) => void navigate(appPath(app.id))} />
    </Container>
  );
}
