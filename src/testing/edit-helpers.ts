/**
 * Helpers for the write-side tests: the dialogs rendered alone against the fake, and hooks that write.
 */
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type { FakeServer } from '../../mocks/node.ts';

export const APP = 'app_payments';

export interface RecordedWrite {
  method: string;
  /** The path without the /api prefix. */
  path: string;
  /** The JSON body as sent. */
  body: unknown;
}

/**
 * Records the non-GET requests the fake receives from now on; the returned function resolves to
 * them. Listeners are removed after each test.
 */
export function recordWrites(fake: FakeServer): () => Promise<RecordedWrite[]> {
  const writes: Array<Promise<RecordedWrite>> = [];
  fake.server.events.on('request:start', ({ request }) => {
    if (request.method === 'GET') return;
    const { pathname } = new URL(request.url);
    writes.push(request.clone().text().then((text) => ({ method: request.method, path: pathname.replace(/^\/api/, ''), body: JSON.parse(text) as unknown })));
  });
  return () => Promise.all(writes);
}

/** The clear value of a secret of APP in an environment, read from the fake's store. */
export function storedValue(fake: FakeServer, name: string, envId: string): string | undefined {
  const secret = fake.store.rendered(APP, envId, 'Full', [name])?.secrets.find((s) => s.key === name);
  return secret?.serializedValue;
}

export function secretId(fake: FakeServer, name: string): string {
  const secret = fake.store.getSecretByName(APP, name);
  if (!secret) throw new Error(`no secret ${name}`);
  return secret.id;
}

/** Types `text` into the open set-value dialog named `dialogName`, saves, and waits until it closes. */
export async function saveInSetValueDialog(user: UserEvent, dialogName: string, text: string): Promise<void> {
  const dialog = await screen.findByRole('dialog', { name: dialogName });
  await user.click(within(dialog).getByLabelText('New value'));
  await user.paste(text);
  await user.click(within(dialog).getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
}
