// @vitest-environment node
import { appReturnHref } from './app-return';
import { lastEnvironment } from './last-environment';

const ENVIRONMENTS = [{ slug: 'development' }, { slug: 'staging' }, { slug: 'production' }];

describe('appReturnHref', () => {
  it('leads to the environment last shown, while there is one', () => {
    expect(appReturnHref('app_x', 'staging', ENVIRONMENTS)).toBe('/apps/app_x/staging');
  });

  it('else to the app’s overview (its address)', () => {
    expect(appReturnHref('app_x', undefined, ENVIRONMENTS)).toBe('/apps/app_x');
    expect(appReturnHref('app_x', 'gone', ENVIRONMENTS)).toBe('/apps/app_x');
    expect(appReturnHref('app_x', undefined, [])).toBe('/apps/app_x');
    expect(appReturnHref('app_x', undefined, undefined)).toBe('/apps/app_x');
    expect(appReturnHref('app_x', 'staging', undefined)).toBe('/apps/app_x/staging');
  });

  it('puts each part in one path segment', () => {
    expect(appReturnHref('a/b', 'q?a', [{ slug: 'q?a' }])).toBe('/apps/a%2Fb/q%3Fa');
  });
});

describe('lastEnvironment', () => {
  afterEach(() => lastEnvironment.forget());

  it('remembers one environment (or the overview) per app, tells its listeners of a change, and forgets all at once', () => {
    const listener = vi.fn();
    const unsubscribe = lastEnvironment.subscribe(listener);
    lastEnvironment.remember('app_x', 'staging');
    lastEnvironment.remember('app_y', 'qa');
    lastEnvironment.remember('app_x', 'staging');
    expect(listener).toHaveBeenCalledTimes(2);
    expect(lastEnvironment.of('app_x')).toBe('staging');
    expect(lastEnvironment.of('app_y')).toBe('qa');
    lastEnvironment.remember('app_x', 'production');
    expect(lastEnvironment.of('app_x')).toBe('production');
    lastEnvironment.rememberOverview('app_y');
    lastEnvironment.rememberOverview('app_y');
    expect(lastEnvironment.of('app_y')).toBeUndefined();
    expect(listener).toHaveBeenCalledTimes(4);
    lastEnvironment.forget();
    expect(lastEnvironment.of('app_x')).toBeUndefined();
    expect(listener).toHaveBeenCalledTimes(5);
    unsubscribe();
    lastEnvironment.remember('app_x', 'qa');
    expect(listener).toHaveBeenCalledTimes(5);
  });
});
