import { lazy, type ComponentType } from 'react';

/**
 * `React.lazy` for a component that uses MUI: the component's module and MUI's theme provider
 * load together, on first render, and the component renders inside the theme. Keeps MUI off the
 * secrets page's first render (#6) while dialogs, menus and other pages keep using it.
 */
export function lazyThemed<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => {
    const [Component, { Themed }] = await Promise.all([load(), import('./mui/themed')]);
    function ThemedComponent(props: P) {
      return (
        <Themed>
          <Component {...props} />
        </Themed>
      );
    }
    ThemedComponent.displayName = `Themed(${Component.displayName ?? Component.name})`;
    return { default: ThemedComponent };
  });
}
