import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigationType, useSearchParams } from 'react-router';

/**
 * A text kept in the URL's query string (so deep links and reload keep it) but typed into local
 * state first: every keystroke shows at once, and the URL follows with `replace` (no history
 * entry). A PUSH or POP navigation (a link, Back/Forward) brings the URL's text back into state.
 * Never use this for a value or a token: only for what may appear in a URL, like search text.
 */
export function useSearchParamState(name: string): [string, (value: string) => void] {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigationType = useNavigationType();
  const fromUrl = params.get(name) ?? '';
  const [value, setValue] = useState(fromUrl);
  const [seenKey, setSeenKey] = useState(location.key);

  if (location.key !== seenKey) {
    setSeenKey(location.key);
    if (navigationType !== 'REPLACE') setValue(fromUrl);
  }

  useEffect(() => {
    if (value === fromUrl) return;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  }, [value, fromUrl, name, setParams]);

  const update = useCallback((next: string) => setValue(next), []);
  return [value, update];
}
