import type { CellVerdict, Risk } from '../compare-model';
import styles from './compare-marker.module.css';
import tableStyles from './overview-table.module.css';

const RISK_TEXT: Record<Risk, (production: string) => string> = {
  'equals production': (production) => `equals ${production}`,
  whitespace: () => 'whitespace',
  placeholder: () => 'placeholder',
};

const RISK_REASON: Record<Risk, (production: string) => string> = {
  'equals production': (production) => `The same value as in ${production}`,
  whitespace: () => 'Starts or ends with whitespace',
  placeholder: () => 'Looks like a placeholder',
};

/** The marker's text and its longer explanation; null when there is nothing to say (production's own value, or nothing to compare with). */
export function markerText({ verdict, risks }: CellVerdict, production: string): { text: string; reason: string } | null {
  if (risks.length > 0) {
    return { text: risks.map((risk) => RISK_TEXT[risk](production)).join(', '), reason: risks.map((risk) => RISK_REASON[risk](production)).join('; ') };
  }
  if (verdict === 'same') return { text: `same as ${production}`, reason: `The same value as in ${production}` };
  if (verdict === 'differs') return { text: 'differs', reason: `Differs from ${production}` };
  return null;
}

/** A cell's verdict beside its masked preview: text first (a risk also by ⚠ and colour). */
export function CompareMarker({ verdict, production }: { verdict: CellVerdict; production: string }) {
  const marker = markerText(verdict, production);
  if (!marker) return null;
  const risky = verdict.risks.length > 0;
  return (
    <span className={styles.marker} data-risky={risky} title={marker.reason}>
      {risky ? <span aria-hidden="true">⚠ </span> : null}
      {risky ? <span className={tableStyles.srOnly}>risky: </span> : null}
      {marker.text}
    </span>
  );
}
