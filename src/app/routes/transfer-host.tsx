import type { Environment } from '@/api/contract';
import type { TransferHostProps } from '@/features/transfer/transfer-actions';
import { TransferDialogs } from '@/features/transfer/transfer-dialogs';
import { useAppNameIsAmbiguous, useTransferApi } from './use-transfer-api';

/**
 * The transfer actions' menu and dialogs with the secrets feature's reads and writes: loaded by the
 * routes when one of Import, Export, "Use it locally" or "More" is first used.
 */
export default function TransferHost({ appId, environments, envId, ...host }: TransferHostProps & { appId: string; environments: readonly Environment[]; envId: string | undefined }) {
  const api = useTransferApi(appId, environments);
  const nameIsAmbiguous = useAppNameIsAmbiguous(appId);
  return <TransferDialogs api={api} envId={envId} nameIsAmbiguous={nameIsAmbiguous} {...host} />;
}
