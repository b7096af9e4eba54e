import { useEffect, useRef, useState } from 'react';
import { readKeys } from '@/lib/full-reads';
import type { ParseResult } from '../formats/types';
import type { TransferApi } from '../transfer-api';
import { compareValues, keysToCompare, type ImportComparison, type ImportPreview } from './import-model';

export interface ImportCompare {
  comparison: ImportComparison | null;
  pending: boolean;
  error: unknown;
  /** Reads the clear values of the keys holding one (by name), compares, and keeps only the verdicts. */
  compare: (preview: ImportPreview, parse: ParseResult, envId: string) => void;
}

/** The optional compare of the import's values with the environment's (Full reads, never cached). */
export function useImportCompare(api: TransferApi): ImportCompare {
  const [comparison, setComparison] = useState<ImportComparison | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  async function compare(preview: ImportPreview, parse: ParseResult, envId: string) {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setPending(true);
    setError(null);
    try {
      const full = await readKeys(keysToCompare(preview), (names) => api.readFull(envId, names, current.signal));
      if (!current.signal.aborted) setComparison(compareValues(preview, parse, envId, full));
    } catch (caught) {
      if (!current.signal.aborted) setError(caught);
    } finally {
      if (controller.current === current) {
        controller.current = null;
        setPending(false);
      }
    }
  }

  return { comparison, pending, error, compare: (preview, parse, envId) => void compare(preview, parse, envId) };
}
