import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { countOf, formatCount } from '@/lib/counts';
import { COPY_CATEGORIES, type CopyCategory, type CopyPreview } from '../copy-model';

/** Keys listed per group; the rest are counted ("and 120 more"), so that 10,000 keys stay cheap. */
const LISTED = 50;

function heading(category: CopyCategory, count: number, from: string, to: string): string {
  const keys = countOf(count, 'key');
  switch (category) {
    case 'new':
      return `${keys} new in ${to}`;
    case 'replace':
      return `${keys} will replace a different value`;
    case 'same':
      return `${keys} already the same (skipped)`;
    case 'missing-source':
      return `${keys} missing in ${from} (skipped)`;
  }
}

function KeyList({ keys, total }: { keys: readonly string[]; total: number }) {
  return (
    <Box component="ul" sx={{ m: 0, pl: 3, fontFamily: 'monospace', fontSize: '0.8125rem', overflowWrap: 'anywhere' }}>
      {keys.map((key) => (
        <li key={key}>{key}</li>
      ))}
      {total > keys.length ? <li>and {formatCount(total - keys.length)} more</li> : null}
    </Box>
  );
}

/** What the copy would do to each selected key, by group; no value is shown (none is kept). */
export function CopyPreviewList({ preview, from, to }: { preview: CopyPreview; from: string; to: string }) {
  return (
    <Box sx={{ display: 'grid', gap: 1.5 }}>
      {COPY_CATEGORIES.map((category) => {
        const count = preview.counts[category];
        if (count === 0) return null;
        const keys: string[] = [];
        for (const item of preview.items) {
          if (keys.length === LISTED) break;
          if (item.category === category) keys.push(item.key);
        }
        return (
          <section key={category} aria-label={heading(category, count, from, to)}>
            <Typography variant="subtitle2" component="h3" color={category === 'new' || category === 'replace' ? 'text.primary' : 'text.secondary'}>
              {heading(category, count, from, to)}
            </Typography>
            <KeyList keys={keys} total={count} />
          </section>
        );
      })}
    </Box>
  );
}
