/**
 * One place for errors that happen in the background (a refetch failing while data is shown):
 * the data layer reports here, one snackbar shows the latest. No toast per request.
 */
type Listener = (error: unknown) => void;
const listeners = new Set<Listener>();

export function reportBackgroundError(error: unknown): void {
  for (const listener of listeners) listener(error);
}

export function onBackgroundError(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
