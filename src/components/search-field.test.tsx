import { useState } from 'react';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { pageCommands } from '@/lib/page-commands';
import { preferencesStore } from '@/lib/preferences';
import { SearchField } from './search-field';

describe('SearchField', () => {
  it('is a searchbox named by its label, showing its value, without spell-check or autofill', () => {
    render(<SearchField label="Search keys" value="stripe" onChange={() => {}} />);
    const box = screen.getByRole('searchbox', { name: 'Search keys' });
    expect(box).toHaveValue('stripe');
    expect(box).toHaveAttribute('spellcheck', 'false');
    expect(box).toHaveAttribute('autocomplete', 'off');
  });

  it('calls onChange with the typed value', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    function Controlled() {
      const [value, setValue] = useState('');
      return (
        <SearchField
          label="Search keys"
          value={value}
          onChange={(next) => {
            setValue(next);
            onChange(next);
          }}
        />
      );
    }
    render(<Controlled />);
    const box = screen.getByRole('searchbox', { name: 'Search keys' });
    await user.type(box, 'db');
    expect(onChange.mock.calls).toEqual([['d'], ['db']]);
    await user.clear(box);
    expect(onChange).toHaveBeenLastCalledWith('');
  });

  it('as the page’s search, / focuses it and says so (with its hint), unless single-key shortcuts are off; other boxes neither', () => {
    render(
      <>
        <SearchField label="Search keys" value="" onChange={() => {}} pageSearch="hint" />
        <SearchField label="Search apps" value="" onChange={() => {}} />
      </>,
    );
    const box = screen.getByRole('searchbox', { name: 'Search keys' });
    expect(box).toHaveAccessibleDescription('Press / to search');
    expect(box).toHaveAttribute('aria-keyshortcuts', '/');
    const apps = screen.getByRole('searchbox', { name: 'Search apps' });
    expect(apps).toHaveAccessibleDescription('');
    expect(apps).not.toHaveAttribute('aria-keyshortcuts');
    act(() => void pageCommands.run('focus-search'));
    expect(box).toHaveFocus();
    act(() => preferencesStore.set({ singleKeyShortcuts: false }));
    expect(box).toHaveAccessibleDescription('');
    expect(box).not.toHaveAttribute('aria-keyshortcuts');
    act(() => preferencesStore.reset());
  });

  it('a silent page search has the shortcut without the hint', () => {
    render(<SearchField label="Search apps" value="" onChange={() => {}} pageSearch="silent" />);
    const apps = screen.getByRole('searchbox', { name: 'Search apps' });
    expect(apps).toHaveAccessibleDescription('');
    expect(apps).toHaveAttribute('aria-keyshortcuts', '/');
  });
});
