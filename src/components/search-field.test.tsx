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

  it('is described by its helper text, and announces its key shortcut', () => {
    render(
      <>
        <SearchField label="Search keys" value="" onChange={() => {}} helperText="Press / to search" keyShortcuts="/" />
        <SearchField label="Search apps" value="" onChange={() => {}} />
      </>,
    );
    const keys = screen.getByRole('searchbox', { name: 'Search keys' });
    expect(keys).toHaveAccessibleDescription('Press / to search');
    expect(keys).toHaveAttribute('aria-keyshortcuts', '/');
    const apps = screen.getByRole('searchbox', { name: 'Search apps' });
    expect(apps).toHaveAccessibleDescription('');
    expect(apps).not.toHaveAttribute('aria-keyshortcuts');
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

  it('as the page’s search, / focuses it and says so, unless single-key shortcuts are off', () => {
    render(<SearchField label="Search keys" value="" onChange={() => {}} pageSearch="hint" />);
    const box = screen.getByRole('searchbox', { name: 'Search keys' });
    expect(box).toHaveAccessibleDescription('Press / to search');
    expect(box).toHaveAttribute('aria-keyshortcuts', '/');
    act(() => void pageCommands.run('focus-search'));
    expect(box).toHaveFocus();
    act(() => preferencesStore.set({ singleKeyShortcuts: false }));
    expect(box).toHaveAccessibleDescription('');
    expect(box).not.toHaveAttribute('aria-keyshortcuts');
    act(() => preferencesStore.reset());
  });
});
