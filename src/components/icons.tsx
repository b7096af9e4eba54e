/** The few icons the dashboard uses, as MUI SvgIcons (no icon package to download or tree-shake). */
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
export const CloseIcon = icon(ICON_PATHS.close, 'CloseIcon');
export const CopyIcon = icon(ICON_PATHS.copy, 'CopyIcon');
export const EditIcon = icon(ICON_PATHS.edit, 'EditIcon');
export const SearchIcon = icon(ICON_PATHS.search, 'SearchIcon');
export const DarkModeIcon = icon(ICON_PATHS.darkMode, 'DarkModeIcon');
export const LightModeIcon = icon(ICON_PATHS.lightMode, 'LightModeIcon');
export const SettingsIcon = icon(ICON_PATHS.settings, 'SettingsIcon');
export const AddIcon = icon(ICON_PATHS.add, 'AddIcon');
/** Opens a truncated value in full. */
export const ExpandIcon = icon(ICON_PATHS.expand, 'ExpandIcon');
/** Folds a value opened in full back to one line. */
export const CollapseIcon = icon(ICON_PATHS.collapse, 'CollapseIcon');
export const LockIcon = icon(ICON_PATHS.lock, 'LockIcon');
/** An expandable section's toggle (it turns when open). */
export const ExpandMoreIcon = icon(ICON_PATHS.expandMore, 'ExpandMoreIcon');
/** Presentation mode (screen sharing). */
export const PresentIcon = icon(ICON_PATHS.present, 'PresentIcon');
/** The chosen item of a group. */
export const CheckIcon = icon(ICON_PATHS.check, 'CheckIcon');
