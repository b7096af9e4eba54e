import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import type { TransferHostProps } from './transfer-actions';

/** The narrow toolbar's "More" menu: the less-used actions. */
export function TransferMenu({ anchor, actions, onChoose, onClose }: Pick<TransferHostProps, 'actions' | 'onChoose'> & { anchor: HTMLElement; onClose: () => void }) {
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
