import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';

export type TransferAction = 'import' | 'export' | 'local';

/** The narrow toolbar's "More" menu: the less-used actions, loaded when first opened. */
export default function TransferMenu({
  anchor,
  actions,
  onChoose,
  onClose,
}: {
  anchor: HTMLElement;
  actions: readonly { action: TransferAction; label: string; disabled: boolean }[];
  onChoose: (action: TransferAction) => void;
  onClose: () => void;
}) {
  return (
    <Menu anchorEl={anchor} open onClose={onClose} slotProps={{ list: { 'aria-label': 'More actions' } }}>
      {actions.map(({ action, label, disabled }) => (
        <MenuItem key={action} disabled={disabled} onClick={() => onChoose(action)}>
          {label}
        </MenuItem>
      ))}
    </Menu>
  );
}
