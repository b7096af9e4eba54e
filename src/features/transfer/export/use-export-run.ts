import { useCallback, useEffect, useRef, useState } from 'react';
import { countOf } from '@/lib/counts';
import { clipboardGuard } from '@/lib/clipboard-guard';
import { preferencesStore } from '@/lib/preferences';
import type { FileFormat } from '../formats/types';
import type { TransferApi } from '../transfer-api';
import { clearDelayText, EXPORT_MIME_TYPES, exportEntries, prepareExport } from './export-model';

export type ExportAction = { kind: 'download'; format: FileFormat } | { kind: 'copy' };

/** The user's answer when some keys have no exact form in the chosen format. */
export type InexactChoice = FileFormat | 'without' | 'cancel';

/** Where an export is; keys and counts only, never a value. */
export type ExportPhase =
  | { kind: 'idle' }
  | { kind: 'reading'; action: ExportAction }
  | { kind: 'inexact'; format: FileFormat; keys: readonly string[]; exactIn: readonly FileFormat[] }
  | { kind: 'done'; message: string; format: FileFormat; leftOut: readonly string[] }
  | { kind: 'failed'; action: ExportAction; stage: 'read' | 'clipboard'; error: unknown };

/** Hands a text to the browser as a download: an object URL on a temporary link, revoked right after. */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export interface UseExportRunOptions {
  api: TransferApi;
  envId: string;
  fileName: (format: FileFormat) => string;
  /** The format the user switched to from the inexact list. */
  onFormat: (format: FileFormat) => void;
}

/**
 * Runs one export: a single Full read, serialized, then downloaded or copied. The Full list and the
 * text live only in the async function's locals (while it waits for the user's answer about inexact
 * keys, too) and are dropped when it returns: never in state, never in the query cache.
 */
export function useExportRun({ api, envId, fileName, onFormat }: UseExportRunOptions) {
  const [phase, setPhase] = useState<ExportPhase>({ kind: 'idle' });
  const controllerRef = useRef<AbortController | null>(null);
  const answerRef = useRef<((choice: InexactChoice) => void) | null>(null);

  const choose = useCallback((choice: InexactChoice) => {
    const answer = answerRef.current;
    answerRef.current = null;
    answer?.(choice);
  }, []);

  /** Stops a read in flight or a question waiting: nothing is written. */
  const cancel = useCallback(() => {
    controllerRef.current?.abort();
    controllerRef.current = null;
    choose('cancel');
  }, [choose]);

  useEffect(() => cancel, [cancel]);

  const run = useCallback(
    async (action: ExportAction) => {
      cancel();
      const controller = new AbortController();
      controllerRef.current = controller;
      setPhase({ kind: 'reading', action });
      let stage: 'read' | 'clipboard' = 'read';
      try {
        const entries = exportEntries(await api.readFull(envId, undefined, controller.signal));
        if (controller.signal.aborted) return;

        if (action.kind === 'copy') {
          const { text, written, inexact } = prepareExport('env', entries);
          const seconds = preferencesStore.get().clipboardClearSeconds;
          stage = 'clipboard';
          await clipboardGuard.copy(text, seconds * 1000);
          setPhase({
            kind: 'done',
            message: `Copied ${countOf(written, 'value')} as .env to the clipboard. It is cleared in ${clearDelayText(seconds)}; your system's clipboard history may keep it.`,
            format: 'env',
            leftOut: inexact,
          });
          return;
        }

        let format = action.format;
        let prepared = prepareExport(format, entries);
        if (prepared.inexact.length > 0) {
          setPhase({ kind: 'inexact', format, keys: prepared.inexact, exactIn: prepared.exactIn });
          const choice = await new Promise<InexactChoice>((resolve) => {
            answerRef.current = resolve;
          });
          if (choice === 'cancel' || controller.signal.aborted) return;
          if (choice !== 'without') {
            format = choice;
            prepared = prepareExport(format, entries);
            onFormat(format);
          }
        }
        const name = fileName(format);
        downloadText(prepared.text, name, EXPORT_MIME_TYPES[format]);
        setPhase({ kind: 'done', message: `Downloaded ${name} (${countOf(prepared.written, 'value')})`, format, leftOut: prepared.inexact });
      } catch (error) {
        if (!controller.signal.aborted) setPhase({ kind: 'failed', action, stage, error });
      } finally {
        if (controllerRef.current === controller) controllerRef.current = null;
      }
    },
    [api, envId, fileName, onFormat, cancel],
  );

  const start = useCallback((action: ExportAction) => void run(action), [run]);
  return { phase, start, choose, cancel };
}
