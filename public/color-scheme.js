/*
 * Applies the stored light/dark choice before the page is drawn: what MUI's InitColorSchemeScript
 * does, for this app's storage keys and class selector (src/components/mui/theme.ts). A file, not
 * an inline script, so that a strict Content-Security-Policy needs no exception for it.
 */
(function () {
  try {
    const mode = localStorage.getItem('secrets-dashboard.theme') || 'system';
    const dark = localStorage.getItem('secrets-dashboard.color-scheme-dark') || 'dark';
    const light = localStorage.getItem('secrets-dashboard.color-scheme-light') || 'light';
    let colorScheme = '';
    if (mode === 'system') colorScheme = window.matchMedia('(prefers-color-scheme: dark)').matches ? dark : light;
    if (mode === 'light') colorScheme = light;
    if (mode === 'dark') colorScheme = dark;
    if (colorScheme) {
      document.documentElement.classList.remove('light', 'dark');
      document.documentElement.classList.add(colorScheme);
    }
  } catch (e) {
    // Storage blocked or no matchMedia: MUI's provider sets the class once the app runs.
  }
})();
