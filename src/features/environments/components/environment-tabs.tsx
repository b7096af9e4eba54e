import { Link as RouterLink } from 'react-router';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { Environment } from '@/api/contract';
import { environmentName } from '@/lib/environment-name';

/**
 * One tab per environment, each a link, so deep links and Back work. One tab stop (the selected
 * tab); arrow keys, Home and End move focus between tabs, Enter follows the focused one.
 */
export function EnvironmentTabs({ environments, current, hrefFor }: { environments: readonly Environment[]; current: string | false; hrefFor: (env: Environment) => string }) {
  return (
    <Tabs value={current} variant="scrollable" scrollButtons="auto" allowScrollButtonsMobile aria-label="Environments">
      {environments.map((env) => (
        <Tab key={env.id} value={env.slug} label={environmentName(env)} component={RouterLink} to={hrefFor(env)} />
      ))}
    </Tabs>
  );
}
