import type { Environment, RenderedSecret } from '@/api/contract';
import type { ReadFullList } from '@/lib/full-reads';

/**
 * What import and export need from the secrets feature and the app, passed in by the routes
 * (a feature may not import another).
 */
export interface TransferApi {
  appId: string;
  /** The app's name as shown (file names use it: `<app>-<env>.<ext>`). */
  appName: string;
  environments: readonly Environment[];
  /** Clear values, never cached. */
  readFull: ReadFullList;
  /** The environment's masked list (PreviewOnly), from the cache when it is there: which keys exist, with their secret ids. */
  readMasked: (envId: string, signal: AbortSignal) => Promise<readonly RenderedSecret[]>;
  /** Creates a secret (purpose Other) and gives its id; a 409 gives the existing secret's id (`entityId`). */
  createSecret: (name: string, signal: AbortSignal) => Promise<string>;
  /** Sets one value with the Write token. */
  write: (input: { secretId: string; envId: string; text: string }, signal: AbortSignal) => Promise<void>;
  /** After a run: refresh what shows the environment (lists, revealed values dropped). */
  onWritten: (envId: string) => void;
  /** The session's API base, for the CLI's `--api-endpoint` (a same-origin path such as `/api`, or undefined in the demo: unknown). */
  apiEndpoint: string | undefined;
}
