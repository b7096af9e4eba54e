import { listQuery, type ListParams } from './list-query';

/**
 * The masked list in the `secretQueries.rendered({ appId, envId, mode: 'PreviewOnly', names })`
 * shape the set-value and copy dialogs call. Everything else imports the per-operation files
 * (list-query.ts, revealed-query.ts, detail-query.ts, locate-query.ts) and query-keys.ts.
 */
export const secretQueries = {
  rendered: ({ appId, envId, names }: ListParams & { mode: 'PreviewOnly' }) => listQuery({ appId, envId, names }),
};
