import { lazy } from 'react';
import type { TransferHostProps } from './transfer-actions';
import type { TransferApi } from './transfer-api';
import { TransferMenu } from './transfer-menu';

// Each dialog loads when first opened (import and export bring the file formats with them).
const ImportDialog = lazy(() => import('./import/import-dialog').then((m) => ({ default: m.ImportDialog })));
const ExportDialog = lazy(() => import('./export/export-dialog').then((m) => ({ default: m.ExportDialog })));
const UseItLocallyDialog = lazy(() => import('./local/use-it-locally-dialog').then((m) => ({ default: m.UseItLocallyDialog })));

/** The narrow layout's menu and the chosen action's dialog, given the route's reads and writes. */
export function TransferDialogs({ api, envId, nameIsAmbiguous, open, menuAnchor, actions, onChoose, onCloseMenu, onClose }: TransferHostProps & { api: TransferApi; envId: string | undefined; nameIsAmbiguous: boolean }) {
  const environment = api.environments.find((env) => env.id === envId);
  return (
    <>
      {menuAnchor ? <TransferMenu anchor={menuAnchor} actions={actions} onChoose={onChoose} onClose={onCloseMenu} /> : null}
      {open === 'import' ? <ImportDialog api={api} envId={envId} onClose={onClose} /> : null}
      {open === 'export' && envId ? <ExportDialog api={api} envId={envId} onClose={onClose} /> : null}
      {open === 'local' && environment ? (
        <UseItLocallyDialog
          open
          onClose={onClose}
          appId={api.appId}
          appName={api.appName}
          nameIsAmbiguous={nameIsAmbiguous}
          environment={environment}
          apiEndpoint={api.apiEndpoint}
        />
      ) : null}
    </>
  );
}
