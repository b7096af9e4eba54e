import { Link as RouterLink } from 'react-router';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { Environment } from '@/api/contract';

export function environmentLabel(env: Environment): string {
  return env.label || env.name || env.slug;
}

/** One tab per environment, each a link, so deep links and Back work. */
export function EnvironmentTabs({ environments, current, hrefFor }: { environments: readonly Environment[]; current: string | false; hrefFor: (env: Environment) => string }) {
  return (
    <Tabs value={current} variant="scrollable" scrollButtons="auto" allowScrollButtonsMobile aria-label="Environments">
      {environments.map((env) => (
        <Tab key={env.id} value={env.slug} label={environmentLabel(env)} component={RouterLink} to={hrefFor(env)} />
      ))}
    </Tabs>
  );
}
