import { lazy, type ComponentType } from 'react';

/**
 * Loads a component that uses MUI together with MUI's theme provider, and returns it wrapped in
 * the theme. Keeps MUI off the secrets page's first render (#6) while dialogs, menus and the
 * other pages (router.tsx) keep using it.
 */
export async function loadThemed<P extends object>(load: () => Promise<ComponentType<P>>): Promise<ComponentType<P>> {
  const [Component, { Themed }] = await Promise.all([load(), import('./mui/themed')]);
  function ThemedComponent(props: P) {
    return (
      <Themed>
        <Component {...props} />
      </Themed>
    );
  }
  ThemedComponent.displayName = `Themed(${Component.displayName ?? Component.name})`;
  return ThemedComponent;
}

/** `React.lazy` for a component that uses MUI: it loads, with the theme, on first render. */
export function lazyThemed<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await loadThemed(load) }));
}
