import { describe, expect, it, vi } from 'vitest';
import { renderHook } from '@testing-library/react';
import { usePageActions } from './page-actions';
import { pageCommands, usePageCommand } from './page-commands';

describe('page commands', () => {
  it('are offered while available, run the latest function, and go when the page does', () => {
    const first = vi.fn();
    const second = vi.fn();
    const { rerender, unmount } = renderHook(({ available, run }) => usePageCommand('new-secret', available, run), { initialProps: { available: false, run: first } });
    expect(pageCommands.offered().keys.has('new-secret')).toBe(false);
    expect(pageCommands.run('new-secret')).toBe(false);
    rerender({ available: true, run: second });
    expect(pageCommands.run('new-secret')).toBe(true);
    expect(second).toHaveBeenCalledOnce();
    expect(first).not.toHaveBeenCalled();
    unmount();
    expect(pageCommands.offered().keys.has('new-secret')).toBe(false);
  });

  it('labelled page actions are listed by their names while mounted', () => {
    const run = vi.fn();
    const { rerender, unmount } = renderHook(({ label }) => usePageActions([{ key: 'set:env_prod', label, run }]), { initialProps: { label: 'Set value in Production' } });
    expect(pageCommands.offered().labelled.map((action) => action.label)).toEqual(['Set value in Production']);
    rerender({ label: 'Replace value in Production' });
    expect(pageCommands.offered().labelled.map((action) => action.label)).toEqual(['Replace value in Production']);
    expect(pageCommands.run('set:env_prod')).toBe(true);
    expect(run).toHaveBeenCalledOnce();
    unmount();
    expect(pageCommands.offered().labelled).toEqual([]);
    expect(pageCommands.offered().keys.has('set:env_prod')).toBe(false);
  });
});
