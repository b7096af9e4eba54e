/** A few inline icons (no icon package: nothing to tree-shake, nothing to download). */
import SvgIcon, { type SvgIconProps } from '@mui/material/SvgIcon';
import { ICON_PATHS } from './icon-paths';

function icon(path: string, name: string) {
  const Icon = (props: SvgIconProps) => (
    <SvgIcon {...props}>
      <path d={path} />
    </SvgIcon>
  );
  Icon.displayName = name;
  return Icon;
}

export const VisibilityIcon = icon(ICON_PATHS.visibility, 'VisibilityIcon');
export const VisibilityOffIcon = icon(ICON_PATHS.visibilityOff, 'VisibilityOffIcon');
export const CopyIcon = icon(ICON_PATHS.copy, 'CopyIcon');
export const EditIcon = icon(ICON_PATHS.edit, 'EditIcon');
export const SearchIcon = icon(ICON_PATHS.search, 'SearchIcon');
export const DarkModeIcon = icon(ICON_PATHS.darkMode, 'DarkModeIcon');
export const LightModeIcon = icon(ICON_PATHS.lightMode, 'LightModeIcon');
export const SettingsIcon = icon(ICON_PATHS.settings, 'SettingsIcon');
export const AddIcon = icon(ICON_PATHS.add, 'AddIcon');
export const LockIcon = icon(ICON_PATHS.lock, 'LockIcon');
