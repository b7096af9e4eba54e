import { useMemo } from 'react';
import type { Environment } from '@/api/contract';
import { TabLinks } from '@/components/ui/tab-links';
import { environmentName } from '@/lib/environment-name';

/** One tab per environment, each a link, so deep links and Back work. */
export function EnvironmentTabs({ environments, current, hrefFor }: { environments: readonly Environment[]; current: string | false; hrefFor: (env: Environment) => string }) {
  const tabs = useMemo(() => environments.map((env) => ({ id: env.slug, label: environmentName(env), href: hrefFor(env) })), [environments, hrefFor]);
  return <TabLinks label="Environments" tabs={tabs} selected={current === false ? null : current} />;
}
