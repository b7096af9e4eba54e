import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import type { Environment } from '@/api/contract';
import { EnvironmentTabs, OVERVIEW_TAB } from './environment-tabs';

const ENVIRONMENTS: Environment[] = [
  { id: 'env_dev', slug: 'development', name: 'development', label: 'Development' },
  { id: 'env_qa', slug: 'qa', name: 'qa', label: 'QA' },
  { id: 'env_stg', slug: 'staging', name: 'staging', label: 'Staging' },
  { id: 'env_prod', slug: 'production', name: 'production', label: 'Production' },
];

const hrefFor = (env: Environment) => `/apps/app_payments/${env.slug}${env.slug === 'staging' ? '?q=stripe' : ''}`;

function Location() {
  const location = useLocation();
  return <output aria-label="Location">{location.pathname + location.search}</output>;
}

function renderTabs(current: string | false) {
  return render(
    <MemoryRouter initialEntries={['/apps/app_payments/qa']}>
      <button type="button">Before</button>
      <EnvironmentTabs environments={ENVIRONMENTS} current={current} hrefFor={hrefFor} />
      <button type="button">After</button>
      <Routes>
        <Route path="*" element={<Location />} />
      </Routes>
    </MemoryRouter>,
  );
}

const tab = (name: string) => screen.getByRole('tab', { name });

describe('EnvironmentTabs', () => {
  it('is a labelled tablist of link tabs, in order, only the current one selected', () => {
    renderTabs('staging');
    const tabs = within(screen.getByRole('tablist', { name: 'Environments' })).getAllByRole('tab');
    expect(tabs.map((element) => element.textContent)).toEqual(['Development', 'QA', 'Staging', 'Production']);
    expect(tabs.map((element) => element.getAttribute('href'))).toEqual(ENVIRONMENTS.map(hrefFor));
    expect(tabs.map((element) => element.getAttribute('aria-selected'))).toEqual(['false', 'false', 'true', 'false']);
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

  it('arrows (wrapping), Home and End move focus without following; Enter follows the focused tab', async () => {
    const user = userEvent.setup();
    renderTabs('production');
    const location = screen.getByRole('status', { name: 'Location' });
    await user.click(screen.getByRole('button', { name: 'Before' }));
    await user.tab();
    expect(tab('Production')).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(tab('Development')).toHaveFocus();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(tab('Staging')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(tab('Development')).toHaveFocus();
    await user.keyboard('{End}{ArrowLeft}');
    expect(tab('Staging')).toHaveFocus();
    expect(tab('Production')).toHaveAttribute('aria-selected', 'true');
    expect(location).toHaveTextContent('/apps/app_payments/qa');

    await user.keyboard('{Enter}');
    expect(location).toHaveTextContent('/apps/app_payments/staging?q=stripe');
  });

  it('with the app’s overview, puts its tab first, selected while the overview is shown', () => {
    render(
      <MemoryRouter>
        <EnvironmentTabs environments={ENVIRONMENTS} current={OVERVIEW_TAB} hrefFor={hrefFor} overviewHref="/apps/app_payments" />
      </MemoryRouter>,
    );
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((element) => element.textContent)).toEqual(['Overview', 'Development', 'QA', 'Staging', 'Production']);
    expect(tabs[0]).toHaveAttribute('href', '/apps/app_payments');
    expect(tabs.map((element) => element.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false', 'false', 'false']);
  });

  it('with no environment selected, the first tab is the tab stop', async () => {
    const user = userEvent.setup();
    renderTabs(false);
    for (const element of screen.getAllByRole('tab')) expect(element).toHaveAttribute('aria-selected', 'false');
    await user.click(screen.getByRole('button', { name: 'Before' }));
    await user.tab();
    expect(tab('Development')).toHaveFocus();
  });
});
