import { ICON_PATHS } from '../icon-paths';

/** An inline icon from ICON_PATHS, sized and coloured by the surrounding class (no MUI). */
export function Icon({ name }: { name: keyof typeof ICON_PATHS }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={ICON_PATHS[name]} />
    </svg>
  );
}
