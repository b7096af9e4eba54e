import { render, screen, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '@/api/query-client';
import { ApiError } from '@/api/api-error';
import { VALUE_TYPE, type Environment, type RenderedSecret } from '@/api/contract';
import { setupUser } from '@/testing/browse-helpers';
import type { FileFormat } from '../formats/types';
import { parseSecretsFile } from '../formats/formats';
import type { TransferApi } from '../transfer-api';
import { ExportDialog } from './export-dialog';

const PRODUCTION: Environment = { id: 'env_prod', slug: 'production', name: 'Production', label: 'Production' };
const DEV: Environment = { id: 'env_dev', slug: 'dev', name: 'Development', label: '' };

const secret = (key: string, value: string | undefined): RenderedSecret =>
  value === undefined
    ? { key, secretId: `sec_${key}`, valueType: VALUE_TYPE.none }
    : { key, secretId: `sec_${key}`, valueType: VALUE_TYPE.string, serializedValue: value };

/** Values a file must give back exactly: a PEM's new lines, quotes, `#`, `=`, a backslash, emoji, padding. */
const VALUES: Record<string, string> = {
  PRIVATE_KEY: '-----BEGIN KEY-----\nabc+/=\n-----END KEY-----\n',
  TRICKY: `  it's "quoted" # not a comment = \\ 🎉 `,
  PLAIN: 'sk_live_123',
};
/** A key with no exact `.env` form (dotenv reads only letters, digits, `_`, `.` and `-` in keys). */
const INEXACT = { 'DB URL': 'postgres://db.internal/app' };

function fullList(extra: Record<string, string> = {}): RenderedSecret[] {
  return [...Object.entries({ ...VALUES, ...extra }).map(([k, v]) => secret(k, v)), secret('UNSET', undefined)];
}

/** A TransferApi whose reads are stubs; readFull answers from `full` (a list or a function of the call). */
function stubApi(full: (call: number, signal: AbortSignal) => Promise<readonly RenderedSecret[]>): TransferApi & { fullSignals: AbortSignal[] } {
  const fullSignals: AbortSignal[] = [];
  const masked = fullList().map(({ serializedValue: _, ...s }) => s);
  return {
    appId: 'app_1',
    appName: 'My App',
    environments: [DEV, PRODUCTION],
    fullSignals,
    readFull: vi.fn((envId: string, names: readonly string[] | undefined, signal: AbortSignal) => {
      expect([envId, names]).toEqual([PRODUCTION.id, undefined]);
      fullSignals.push(signal);
      return full(fullSignals.length, signal);
    }),
    readMasked: vi.fn(async () => masked),
    createSecret: vi.fn(),
    write: vi.fn(),
    onWritten: vi.fn(),
    apiEndpoint: undefined,
  };
}

/** Stubs the download: object URLs and the link's click, keeping what was handed over. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:http://localhost/${blobs.length}`;
  });
  const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names, revoke };
}

/** jsdom's Blob has no text(): read it the way a page could. */
function blobText(blob: Blob | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!blob) return reject(new Error('no download'));
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(blob);
  });
}

async function parsedBack(format: FileFormat, text: string) {
  const parsed = parseSecretsFile(text, format);
  expect(parsed.problems).toEqual([]);
  return Object.fromEntries(parsed.entries.map((e) => [e.key, e.value]));
}

async function open(api: TransferApi) {
  const user = setupUser();
  const onClose = vi.fn();
  // A query client as the app's (no retry): the dialog reads the masked list through it.
  render(
    <QueryClientProvider client={createQueryClient({ retry: false })}>
      <ExportDialog api={api} envId={PRODUCTION.id} onClose={onClose} />
    </QueryClientProvider>,
  );
  const dialog = await screen.findByRole('dialog', { name: 'Export Production' });
  await within(dialog).findByText(/This writes the clear values of 3 secrets in Production/);
  return { user, onClose, dialog };
}

describe('the export dialog', () => {
  it('confirms the count, then downloads one Full read as the chosen format, which parses back', async () => {
    const downloads = captureDownloads();
    const api = stubApi(async () => fullList());
    const { user, onClose, dialog } = await open(api);
    const group = within(dialog).getByRole('radiogroup', { name: 'Format' });
    expect(within(group).getAllByRole('radio')).toEqual(['.env', 'JSON', 'YAML'].map((name) => within(group).getByRole('radio', { name })));
    expect(within(group).getByRole('radio', { name: '.env' })).toBeChecked();
    expect(dialog).toHaveTextContent('Anyone with the file can read them. 1 secret has no value here and is left out.');
    // Production: the confirmation is a warning.
    expect(within(dialog).getByRole('note')).toHaveClass('MuiAlert-colorWarning');
    expect(api.fullSignals).toHaveLength(0);

    await user.click(within(group).getByRole('radio', { name: 'JSON' }));
    expect(dialog).toHaveTextContent('File name: My-App-production.json');
    await user.click(within(dialog).getByRole('button', { name: 'Download' }));

    expect(await within(dialog).findByRole('status')).toHaveTextContent('Downloaded My-App-production.json (3 values)');
    expect(api.readFull).toHaveBeenCalledTimes(1);
    expect(downloads.names).toEqual(['My-App-production.json']);
    expect(downloads.blobs[0]?.type).toBe('application/json;charset=utf-8');
    expect(await parsedBack('json', await blobText(downloads.blobs[0]))).toEqual(VALUES);
    await vi.waitFor(() => expect(downloads.revoke).toHaveBeenCalledWith('blob:http://localhost/1'));
    expect(document.querySelector('a[download]')).toBeNull();
    for (const value of Object.values(VALUES)) expect(document.body.textContent).not.toContain(value.trim());

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('lists a key .env cannot hold exactly and switches to YAML on the same read', async () => {
    const downloads = captureDownloads();
    const api = stubApi(async () => fullList(INEXACT));
    const { user, dialog } = await open(api);
    await user.click(within(dialog).getByRole('button', { name: 'Download' }));

    const list = await within(dialog).findByRole('list', { name: 'Secrets with no exact form in .env' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['DB URL']);
    expect(dialog).not.toHaveTextContent('postgres');
    expect(within(dialog).getByRole('button', { name: 'Download as JSON' })).toBeEnabled();
    expect(within(dialog).getByRole('button', { name: 'Download without them' })).toBeEnabled();
    await user.click(within(dialog).getByRole('button', { name: 'Download as YAML' }));

    expect(await within(dialog).findByRole('status')).toHaveTextContent('Downloaded My-App-production.yaml (4 values)');
    expect(api.readFull).toHaveBeenCalledTimes(1);
    expect(await parsedBack('yaml', await blobText(downloads.blobs[0]))).toEqual({ ...VALUES, ...INEXACT });
  });

  it('shows a failed read with Retry and stays open; Retry reads again', async () => {
    const downloads = captureDownloads();
    const api = stubApi(async (call) => {
      if (call === 1) throw new ApiError({ kind: 'http', endpoint: 'rendered secrets', status: 403, message: 'The token may not read this environment.', requestId: 'req_42' });
      return fullList();
    });
    const { user, onClose, dialog } = await open(api);
    await user.click(within(dialog).getByRole('button', { name: 'Download' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Could not read the values of Production');
    expect(alert).toHaveTextContent('The token may not read this environment.');
    expect(alert).toHaveTextContent('req_42');
    expect(onClose).not.toHaveBeenCalled();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    expect(await within(dialog).findByRole('status')).toHaveTextContent('Downloaded My-App-production.env (3 values)');
    expect(api.readFull).toHaveBeenCalledTimes(2);
    expect(await parsedBack('env', await blobText(downloads.blobs[0]))).toEqual(VALUES);
  });

  it('copies as .env through the clipboard guard, leaving out what .env cannot hold', async () => {
    const api = stubApi(async () => fullList(INEXACT));
    const { user, dialog } = await open(api);
    const clipboard = { text: '', writeText: vi.fn(async (text: string) => void (clipboard.text = text)), readText: vi.fn(async () => clipboard.text) };
    Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
    await user.click(within(dialog).getByRole('button', { name: 'Copy as .env' }));

    expect(await within(dialog).findByRole('status')).toHaveTextContent(
      "Copied 3 values as .env to the clipboard. It is cleared in 30 s; your system's clipboard history may keep it.",
    );
    expect(api.readFull).toHaveBeenCalledTimes(1);
    expect(clipboard.writeText).toHaveBeenCalledTimes(1);
    expect(await parsedBack('env', clipboard.text)).toEqual(VALUES);
    const leftOut = within(dialog).getByRole('list', { name: 'Secrets left out' });
    expect(leftOut).toHaveTextContent('DB URL');
  });

  it('aborts the read when cancelled', async () => {
    const api = stubApi(
      (_call, signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')))),
    );
    const { user, onClose, dialog } = await open(api);
    await user.click(within(dialog).getByRole('button', { name: 'Download' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Reading the values of Production…');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.fullSignals[0]?.aborted).toBe(true);
    expect(onClose).toHaveBeenCalled();
  });
});
