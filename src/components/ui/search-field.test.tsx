import { createRef, useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SearchField, type SearchFieldProps } from './search-field';

/** A controlled field, as the app uses it. */
function Controlled({ onChange, initial = '', ...props }: Partial<SearchFieldProps> & { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <SearchField
      label="Search keys"
      {...props}
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange?.(next);
      }}
    />
  );
}

describe('SearchField', () => {
  it('is a searchbox named by its label, showing its value', () => {
    render(<SearchField label="Search keys" value="stripe" onChange={() => {}} />);
    const box = screen.getByRole('searchbox', { name: 'Search keys' });
    expect(box).toHaveValue('stripe');
    expect(box).toHaveAttribute('type', 'search');
  });

  it('is described by its helper text', () => {
    render(<SearchField label="Search keys" value="" onChange={() => {}} helperText="Matches key names" />);
    expect(screen.getByRole('searchbox', { name: 'Search keys' })).toHaveAccessibleDescription('Matches key names');
  });

  it('has no description without helper text', () => {
    render(<SearchField label="Search keys" value="" onChange={() => {}} />);
    const box = screen.getByRole('searchbox', { name: 'Search keys' });
    expect(box).not.toHaveAttribute('aria-describedby');
    expect(box).toHaveAccessibleDescription('');
  });

  it('two fields on a page are labelled and described separately', () => {
    render(
      <>
        <SearchField label="Search keys" value="" onChange={() => {}} helperText="Keys help" />
        <SearchField label="Search apps" value="" onChange={() => {}} helperText="Apps help" />
      </>,
    );
    expect(screen.getByRole('searchbox', { name: 'Search keys' })).toHaveAccessibleDescription('Keys help');
    expect(screen.getByRole('searchbox', { name: 'Search apps' })).toHaveAccessibleDescription('Apps help');
  });

  it('calls onChange with the typed value', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Controlled onChange={onChange} />);
    const box = screen.getByRole('searchbox', { name: 'Search keys' });
    await user.type(box, 'db');
    expect(onChange.mock.calls).toEqual([['d'], ['db']]);
    expect(box).toHaveValue('db');
    await user.clear(box);
    expect(onChange).toHaveBeenLastCalledWith('');
  });

  it('clicking the label focuses the field', async () => {
    const user = userEvent.setup();
    render(<SearchField label="Search keys" value="" onChange={() => {}} />);
    await user.click(screen.getByText('Search keys'));
    expect(screen.getByRole('searchbox', { name: 'Search keys' })).toHaveFocus();
  });

  it('announces its key shortcut with aria-keyshortcuts, and has none by default', () => {
    const { rerender } = render(<SearchField label="Search keys" value="" onChange={() => {}} keyShortcuts="/" />);
    expect(screen.getByRole('searchbox', { name: 'Search keys' })).toHaveAttribute('aria-keyshortcuts', '/');
    rerender(<SearchField label="Search keys" value="" onChange={() => {}} />);
    expect(screen.getByRole('searchbox', { name: 'Search keys' })).not.toHaveAttribute('aria-keyshortcuts');
  });

  it('forwards inputRef to the input, and turns off spellcheck and autocomplete', () => {
    const ref = createRef<HTMLInputElement>();
    render(<SearchField label="Search keys" value="" onChange={() => {}} inputRef={ref} />);
    const box = screen.getByRole('searchbox', { name: 'Search keys' });
    expect(ref.current).toBe(box);
    expect(box).toHaveAttribute('spellcheck', 'false');
    expect(box).toHaveAttribute('autocomplete', 'off');
  });
});
