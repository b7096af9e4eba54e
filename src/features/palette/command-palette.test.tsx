import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CommandPalette } from './command-palette';
import { actionItems, appItem, keyItems } from './palette-model';

const keys = keyItems({ appId: 'app_1', appName: 'payments', envSlug: 'prod', envName: 'Production' }, [
  { key: 'DATABASE_URL', secretId: 'sec_1' },
  { key: 'STRIPE_KEY', secretId: 'sec_2' },
]);
const actions = actionItems({ page: 'environment', appId: 'app_1', canWrite: true, presenting: false, offered: new Set(['new-secret']), nextTheme: 'dark' });
const items = [...actions, appItem({ id: 'app_2', name: 'billing', slug: 'billing' }), ...keys];

function setup() {
  const onChoose = vi.fn();
  const onClose = vi.fn();
  render(<CommandPalette open onClose={onClose} items={items} emptyItems={[keys[1]!, ...actions]} recentCount={1} onChoose={onChoose} />);
  return { user: userEvent.setup(), onChoose, onClose, box: screen.getByRole('combobox', { name: 'Search everything' }) };
}

describe('CommandPalette', () => {
  it('is a focused combobox over a listbox: the empty box lists the given items, typing ranks, arrows move the active option', async () => {
    const { user, box } = setup();
    expect(box).toHaveFocus();
    expect(box).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getAllByRole('option')[0]).toHaveTextContent('STRIPE_KEY');
    await user.type(box, 'url');
    const options = screen.getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([expect.stringContaining('DATABASE_URL')]);
    expect(screen.getByRole('status')).toHaveTextContent('1 result');
    await user.clear(box);
    await user.type(box, 'e');
    const [first, second] = screen.getAllByRole('option');
    expect(box).toHaveAttribute('aria-activedescendant', first!.id);
    await user.keyboard('{ArrowDown}');
    expect(box).toHaveAttribute('aria-activedescendant', second!.id);
    expect(second).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(box).toHaveAttribute('aria-activedescendant', screen.getAllByRole('option').at(-1)!.id);
  });

  it('Enter chooses, Shift+Enter asks for the page, Escape closes; no result says so', async () => {
    const { user, box, onChoose, onClose } = setup();
    await user.type(box, 'stripe');
    await user.keyboard('{Enter}');
    expect(onChoose).toHaveBeenLastCalledWith(keys[1], { openPage: false });
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(onChoose).toHaveBeenLastCalledWith(keys[1], { openPage: true });
    await user.clear(box);
    await user.type(box, 'zzz');
    expect(screen.queryAllByRole('option')).toEqual([]);
    expect(screen.getByRole('status')).toHaveTextContent('No results for “zzz”');
    await user.keyboard('{Enter}{Escape}');
    expect(onChoose).toHaveBeenCalledTimes(2);
    expect(onClose).toHaveBeenCalled();
  });
});
