import { screen, within } from '@testing-library/react';
import { CopyValuesDialog } from '@/features/overview/components/copy-values-dialog';
import { quietActWarnings } from '@/testing/browse-helpers';
import { renderDialog } from '@/testing/dialog-helpers';
import { APP, storedValue } from '@/testing/edit-helpers';
import { useFakeApi } from '@/testing/fake-api';
import { useOverviewCopy } from './use-overview-copy';

const fake = useFakeApi();
quietActWarnings();

/** A new secret of APP with these values (environment id → text); none elsewhere. */
function secretWith(name: string, values: Record<string, string>): [string, string] {
  const created = fake.store.createSecret(APP, { name, purposeType: 'Other' });
  if (created.status !== 'created') throw new Error(`could not create ${name}`);
  for (const [envId, text] of Object.entries(values)) fake.store.setValue(APP, created.secret.id, envId, text);
  return [name, created.secret.id];
}

/** The route's copy api (real requests to the fake) around the dialog, as the overview opens it. */
function Harness({ selected }: { selected: ReadonlyMap<string, string> }) {
  const api = useOverviewCopy(APP);
  return <CopyValuesDialog environments={fake.store.listEnvironments()} selected={selected} api={api} onClose={() => undefined} />;
}

describe('copying values between environments', { timeout: 30_000 }, () => {
  it('previews each key’s category, writes the new and different ones through a 429, and shows no value', async () => {
    const selected = new Map([
      secretWith('COPY_NEW', { env_dev: 'copy-new-dev' }),
      secretWith('COPY_REPLACE', { env_dev: 'copy-replace-dev', env_qa: 'copy-replace-qa' }),
      secretWith('COPY_SAME', { env_dev: 'copy-same', env_qa: 'copy-same' }),
      secretWith('COPY_NO_SOURCE', { env_qa: 'copy-qa-only' }),
    ]);
    const { user } = renderDialog(<Harness selected={selected} />);
    const dialog = await screen.findByRole('dialog', { name: 'Copy values' });
    await user.selectOptions(within(dialog).getByLabelText('From'), 'Development');
    await user.selectOptions(within(dialog).getByLabelText('To'), 'QA');

    expect(await within(dialog).findByRole('region', { name: '1 key new in QA' })).toHaveTextContent('COPY_NEW');
    expect(within(dialog).getByRole('region', { name: '1 key will replace a different value' })).toHaveTextContent('COPY_REPLACE');
    expect(within(dialog).getByRole('region', { name: '1 key already the same (skipped)' })).toHaveTextContent('COPY_SAME');
    expect(within(dialog).getByRole('region', { name: '1 key missing in Development (skipped)' })).toHaveTextContent('COPY_NO_SOURCE');

    // The server asks to slow down once: the write is sent again, not failed.
    fake.faults.add({ match: { method: 'PUT', path: /values$/ }, fault: { kind: 'status', status: 429, retryAfter: 0 }, times: 1 });
    await user.click(within(dialog).getByRole('button', { name: 'Copy 2 values' }));
    expect(await within(dialog).findByText('Copied 2 of 2 values.')).toHaveAttribute('role', 'status');

    expect(storedValue(fake, 'COPY_NEW', 'env_qa')).toBe('copy-new-dev');
    expect(storedValue(fake, 'COPY_REPLACE', 'env_qa')).toBe('copy-replace-dev');
    expect(storedValue(fake, 'COPY_NO_SOURCE', 'env_qa')).toBe('copy-qa-only');
    expect(document.body.textContent).not.toMatch(/copy-(new|replace|same|qa)/);
  });
});
