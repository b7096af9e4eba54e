/** The theme reads the system's motion preference when it loads: each case loads it afresh. */
async function loadTheme(reduce: boolean) {
  vi.resetModules();
  vi.stubGlobal('matchMedia', (media: string) => ({ matches: reduce && media === '(prefers-reduced-motion: reduce)', media }));
  return (await import('./theme')).theme;
}

afterEach(() => vi.unstubAllGlobals());

describe('the theme and reduced motion', () => {
  it('keeps MUI’s transitions and ripples when the system has no preference', async () => {
    const theme = await loadTheme(false);
    expect(theme.transitions.duration.leavingScreen).toBeGreaterThan(0);
    expect(theme.transitions.create('opacity')).toContain('opacity');
    expect(theme.components?.MuiButtonBase).toBeUndefined();
  });

  it('drops transitions (zero durations, so dialogs unmount at once), ripples and skeleton pulses when it asks for less motion', async () => {
    const theme = await loadTheme(true);
    expect(Object.values(theme.transitions.duration).every((ms) => ms === 0)).toBe(true);
    expect(theme.transitions.create('opacity')).toBe('none');
    expect(theme.components?.MuiButtonBase?.defaultProps?.disableRipple).toBe(true);
    expect(theme.components?.MuiSkeleton?.defaultProps?.animation).toBe(false);
  });
});
