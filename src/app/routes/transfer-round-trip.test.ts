// Import then export against the fake, without React: the route's TransferApi, the import's preview
// and run, the export's entries and each format's serializer.
import { createQueryClient } from '@/api/query-client';
import { sessionStore } from '@/features/session/session-store';
import { exportEntries } from '@/features/transfer/export/export-model';
import { FILE_FORMATS } from '@/features/transfer/formats/types';
import { MAX_IMPORT_KEYS, parseSecretsFile, serialize } from '@/features/transfer/formats/formats';
import { buildImportPreview, includedRows } from '@/features/transfer/import/import-model';
import { createImportSession, importItems } from '@/features/transfer/import/use-import-run';
import { APP } from '@/testing/edit-helpers';
import { TEST_API_BASE, useFakeApi } from '@/testing/fake-api';
import { createTransferApi } from './use-transfer-api';

const fake = useFakeApi();
const ENV = 'env_staging';
const QA = 'env_qa';
const KEYS = 1_000;

/** A PEM block of a few lines, unique to `i`. */
const pem = (i: number) => ['-----BEGIN RSA PRIVATE KEY-----', `MIIEowIBAAKCAQEA${i}x`, 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ==', '-----END RSA PRIVATE KEY-----'].join('\n');

/** A teammate's .env: 1,000 keys (PEMs in double quotes, `#` and quotes in values), three broken lines among them. */
function teamEnvFile(): { text: string; brokenLines: number[] } {
  const lines = ['# the old vault, exported by hand'];
  const brokenLines: number[] = [];
  for (let i = 0; i < KEYS; i++) {
    const key = `ROUND_TRIP_${i}`;
    if (i % 10 === 0) lines.push(`${key}="${pem(i)}"`);
    else if (i % 10 === 1) lines.push(`${key}='pass#word "${i}"'`);
    else if (i % 10 === 2) lines.push(`export ${key} = plain-${i} # a comment`);
    else lines.push(`${key}=value-${i}`);
    if (i === 100 || i === 500 || i === 900) {
      lines.push(i === 500 ? '=orphan value' : `BROKEN LINE ${i}`);
      // Its line in the file: a PEM takes several.
      brokenLines.push(lines.join('\n').split('\n').length);
    }
  }
  return { text: `${lines.join('\n')}\n`, brokenLines };
}

describe('import then export', { timeout: 60_000 }, () => {
  it('imports a 1,000-key .env with PEM values and broken lines; every export parses back to the values imported, and an export imported elsewhere sets the same values', async () => {
    sessionStore.signIn({ baseUrl: TEST_API_BASE, readToken: 'demo-token', writeToken: 'demo-token', demo: false });
    const queryClient = createQueryClient({ retry: false });
    const api = createTransferApi(queryClient, { appId: APP, appName: 'payments-api', environments: fake.store.listEnvironments(), apiEndpoint: undefined });
    const { text, brokenLines } = teamEnvFile();

    const parse = parseSecretsFile(text, 'env');
    expect(parse.problems.map((problem) => problem.line)).toEqual(brokenLines);
    const existing = await api.readMasked(ENV, new AbortController().signal);
    const preview = buildImportPreview({ parse, existing, renames: new Map(), comparison: null, envId: ENV, maxKeys: MAX_IMPORT_KEYS });
    const rows = includedRows(preview, new Map());
    expect(rows).toHaveLength(KEYS);

    const session = createImportSession(api);
    await session.run(ENV, importItems(rows, parse));
    expect(session.runner.getSnapshot()).toMatchObject({ done: KEYS, failed: 0, cancelled: 0 });

    const imported = new Map(parse.entries.map((entry) => [entry.key, entry.value]));
    const full = await api.readFull(ENV, undefined, new AbortController().signal);
    const held = new Map(full.map((secret) => [secret.key, secret.serializedValue]));
    for (const [key, value] of imported) expect(held.get(key), key).toBe(value);
    const exports = new Map<string, string>();
    for (const format of FILE_FORMATS) {
      const exported = serialize(format, exportEntries(full));
      expect(exported.inexact, format).toEqual([]);
      exports.set(format, exported.text);
      const reparsed = new Map(parseSecretsFile(exported.text, format).entries.map((entry) => [entry.key, entry.value]));
      for (const [key, value] of imported) expect(reparsed.get(key), `${key} in ${format}`).toBe(value);
    }

    // The YAML export imported into another environment: the fake then holds the same values there.
    const yaml = parseSecretsFile(exports.get('yaml') ?? '', 'yaml');
    const qaPreview = buildImportPreview({ parse: yaml, existing: await api.readMasked(QA, new AbortController().signal), renames: new Map(), comparison: null, envId: QA, maxKeys: MAX_IMPORT_KEYS });
    const again = createImportSession(api);
    await again.run(QA, importItems(includedRows(qaPreview, new Map()), yaml));
    expect(again.runner.getSnapshot()).toMatchObject({ failed: 0, cancelled: 0 });
    const inQa = new Map((await api.readFull(QA, undefined, new AbortController().signal)).map((secret) => [secret.key, secret.serializedValue]));
    for (const [key, value] of imported) expect(inQa.get(key), `${key} in QA`).toBe(value);
  });
});
