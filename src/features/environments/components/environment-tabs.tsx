import { Link as RouterLink } from 'react-router';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { Environment } from '@/api/contract';
import { environmentName } from '@/lib/environment-name';

/** `current` when the app's overview is shown: no environment's slug is empty. */
export const OVERVIEW_TAB = '';

/**
 * One tab per environment, each a link, so deep links and Back work; with `overviewHref`, the app's
 * overview first. One tab stop (the selected tab); arrow keys, Home and End move focus between
 * tabs, Enter follows the focused one.
 */
export function EnvironmentTabs({
  environments,
  current,
  hrefFor,
  overviewHref,
}: {
  environments: readonly Environment[];
  current: string | false;
  hrefFor: (env: Environment) => string;
  overviewHref?: string | undefined;
}) {
  return (
    <Tabs value={current} variant="scrollable" scrollButtons="auto" allowScrollButtonsMobile aria-label="Environments">
      {overviewHref === undefined ? null : <Tab value={OVERVIEW_TAB} label="Overview" component={RouterLink} to={overviewHref} />}
      {environments.map((env) => (
        <Tab key={env.id} value={env.slug} label={environmentName(env)} component={RouterLink} to={hrefFor(env)} />
      ))}
    </Tabs>
  );
}
