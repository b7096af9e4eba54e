import { afterEach, vi } from 'vitest';

// Files share a worker's modules (vitest.config.ts): no file's fake clock outlives its tests.
afterEach(() => {
  vi.useRealTimers();
});

// DOM tests only: a test file in Node's environment (pure logic) loads no DOM libraries.
if (typeof window !== 'undefined') {
  await import('@testing-library/jest-dom/vitest');
  const { configure, cleanup } = await import('@testing-library/react');
  // Every file unmounts what it rendered (Testing Library registers this only in the first file of a worker that shares modules).
  afterEach(() => cleanup());
  // The first render of a lazy module (a route, a dialog with MUI) can take seconds in jsdom on a
  // busy 2-core machine; waiting longer costs nothing when the state comes sooner.
  configure({ asyncUtilTimeout: 15_000 });
  // jsdom has no layout: the rows' window virtualizer restores the scroll position on mount.
  window.scrollTo = () => {};
  // Nor scrolling into view (the palette keeps its active option in view).
  Element.prototype.scrollIntoView = () => {};
}
