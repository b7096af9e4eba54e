/**
 * The secrets table's row geometry, shared by the table (secrets-table.tsx) and the first paint
 * drawn before React loads (src/app/first-paint.ts). No React here: the entry chunk imports it.
 */

/** Height of a masked row, px: the virtualizer's estimate before a row is measured. */
export const ROW_HEIGHT = 52;

/** Rows rendered above and below the ones in view. */
export const OVERSCAN = 8;
