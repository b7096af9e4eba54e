/**
 * Helpers for the write-side tests: the dialogs rendered alone against the fake, and hooks that write.
 */
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
