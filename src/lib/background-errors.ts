/**
 * One place for errors that happen in the background (a refetch failing while data is shown):
 * the data layer reports here, one snackbar shows the latest. No toast per request.
 */
import { createListeners } from './listeners';
const listeners = createListeners<[error: unknown]>();

export const reportBackgroundError = listeners.emit;
export const onBackgroundError = listeners.subscribe;
