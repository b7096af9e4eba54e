import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { TabLinks, type TabLink } from './tab-links';

const TABS: readonly TabLink[] = [
  { id: 'dev', label: 'Development', href: '/apps/app_payments/development' },
  { id: 'qa', label: 'QA', href: '/apps/app_payments/qa' },
  { id: 'stg', label: 'Staging', href: '/apps/app_payments/staging?q=stripe' },
  { id: 'prod', label: 'Production', href: '/apps/app_payments/production' },
];

function Location() {
  const location = useLocation();
  return <output aria-label="Location">{location.pathname + location.search}</output>;
}

function renderTabs(selected: string | null, tabs: readonly TabLink[] = TABS) {
  return render(
    <MemoryRouter initialEntries={['/apps/app_payments/qa']}>
      <button type="button">Before</button>
      <TabLinks label="Environments" tabs={tabs} selected={selected} />
      <button type="button">After</button>
      <Routes>
        <Route path="*" element={<Location />} />
      </Routes>
    </MemoryRouter>,
  );
}

const tab = (name: string) => screen.getByRole('tab', { name });
const tabIndexes = () => screen.getAllByRole('tab').map((element) => element.tabIndex);

describe('TabLinks', () => {
  it('is a labelled tablist of link tabs with their hrefs, in order', () => {
    renderTabs('qa');
    const list = screen.getByRole('tablist', { name: 'Environments' });
    const tabs = within(list).getAllByRole('tab');
    expect(tabs.map((element) => element.textContent)).toEqual(['Development', 'QA', 'Staging', 'Production']);
    expect(tabs.map((element) => element.getAttribute('href'))).toEqual(TABS.map((t) => t.href));
    for (const element of tabs) expect(element.tagName).toBe('A');
  });

  it('marks only the selected tab with aria-selected', () => {
    renderTabs('stg');
    expect(tab('Staging')).toHaveAttribute('aria-selected', 'true');
    for (const name of ['Development', 'QA', 'Production']) expect(tab(name)).toHaveAttribute('aria-selected', 'false');
  });

  it('has one tab stop: the selected tab', () => {
    renderTabs('prod');
    expect(tabIndexes()).toEqual([-1, -1, -1, 0]);
  });

  it('has one tab stop on the first tab when none is selected, or the selection is not among the tabs', () => {
    const { unmount } = renderTabs(null);
    expect(tabIndexes()).toEqual([0, -1, -1, -1]);
    for (const element of screen.getAllByRole('tab')) expect(element).toHaveAttribute('aria-selected', 'false');
    unmount();

    renderTabs('gone');
    expect(tabIndexes()).toEqual([0, -1, -1, -1]);
  });

  it('Tab enters the list at the selected tab and leaves it after one stop', async () => {
    const user = userEvent.setup();
    renderTabs('qa');
    await user.click(screen.getByRole('button', { name: 'Before' }));
    await user.tab();
    expect(tab('QA')).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'After' })).toHaveFocus();
  });

  it('ArrowRight and ArrowLeft move focus between tabs and wrap around', async () => {
    const user = userEvent.setup();
    renderTabs('prod');
    tab('Production').focus();

    await user.keyboard('{ArrowRight}');
    expect(tab('Development')).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(tab('QA')).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(tab('Development')).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(tab('Production')).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(tab('Staging')).toHaveFocus();
    // Moving focus does not select (or follow) a tab.
    expect(tab('Production')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('status', { name: 'Location' })).toHaveTextContent('/apps/app_payments/qa');
  });

  it('Home and End move focus to the first and the last tab', async () => {
    const user = userEvent.setup();
    renderTabs('qa');
    tab('QA').focus();
    await user.keyboard('{End}');
    expect(tab('Production')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(tab('Development')).toHaveFocus();
  });

  it('other keys leave focus where it is', async () => {
    const user = userEvent.setup();
    renderTabs('qa');
    tab('QA').focus();
    await user.keyboard('{ArrowDown}a');
    expect(tab('QA')).toHaveFocus();
  });

  it('the keys it handles do not also scroll the page; the others keep their default', () => {
    renderTabs('qa');
    tab('QA').focus();
    // fireEvent returns false when a handler prevented the default.
    for (const key of ['ArrowRight', 'ArrowLeft', 'Home', 'End']) {
      expect(fireEvent.keyDown(document.activeElement!, { key }), key).toBe(false);
    }
    for (const key of ['ArrowDown', 'Enter', 'Tab']) {
      expect(fireEvent.keyDown(document.activeElement!, { key }), key).toBe(true);
    }
  });

  it('Enter follows the focused tab; a click follows the clicked one', async () => {
    const user = userEvent.setup();
    renderTabs('qa');
    const location = screen.getByRole('status', { name: 'Location' });
    tab('QA').focus();
    await user.keyboard('{ArrowRight}{Enter}');
    expect(location).toHaveTextContent('/apps/app_payments/staging?q=stripe');
    await user.click(tab('Production'));
    expect(location).toHaveTextContent('/apps/app_payments/production');
  });

  it('renders an empty tablist without tabs', () => {
    renderTabs(null, []);
    expect(screen.getByRole('tablist', { name: 'Environments' })).toBeEmptyDOMElement();
  });
});
