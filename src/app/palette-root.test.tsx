import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { appQueries } from '@/features/apps/queries';
import { renderDialog } from '@/testing/dialog-helpers';
import { useFakeApi } from '@/testing/fake-api';
import PaletteRoot from './palette-root';

const fake = useFakeApi();

function renderPalette() {
  return renderDialog(<PaletteRoot open="palette" onOpen={vi.fn()} onSignOut={vi.fn()} takeTypedAhead={() => ''} />);
}

describe('the palette’s apps', () => {
  it('come from the apps listing; where the service refuses it, from the apps this tab has looked up', async () => {
    const first = renderPalette();
    const box = await screen.findByRole('combobox', { name: 'Search everything' });
    await first.user.type(box, 'payments');
    expect(await screen.findByRole('option', { name: /^payments/ })).toBeInTheDocument();
    first.unmount();

    fake.settings.appsListing = false;
    const second = renderPalette();
    second.queryClient.setQueryData(appQueries.lookup('app_opened', 'Identifier').queryKey, { id: 'app_opened', name: 'opened-here', slug: 'opened-here' });
    const refused = await screen.findByRole('combobox', { name: 'Search everything' });
    await second.user.type(refused, 'opened');
    expect(await screen.findByRole('option', { name: /^opened-here/ })).toBeInTheDocument();
  });
});
