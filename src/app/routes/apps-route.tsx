import { useNavigate } from 'react-router';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import { PageContainer, PageHeading } from '@/components/page';
import { AppsList } from '@/features/apps/components/apps-list';
import { OpenAppForm } from '@/features/apps/components/open-app-form';
import { useSearchParamState } from '@/lib/use-search-param-state';
import { appPath } from '../paths';

/** `/apps`: the apps to pick from, and opening one by name or id. */
export function Component() {
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParamState('q');
  return (
    <PageContainer>
      <PageHeading>Apps</PageHeading>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Pick an app to see its secrets in each environment.
      </Typography>
      <AppsList search={search} onSearchChange={setSearch} appHref={appPath} />
      <Divider sx={{ my: 3 }} />
      <Typography variant="h6" component="h2" gutterBottom>
        Open an app by name or id
      </Typography>
      <OpenAppForm onOpen={(app) => void navigate(appPath(app.id))} />
    </PageContainer>
  );
}
