import { useRef, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import styles from './ui.module.css';

export interface TabLink {
  id: string;
  label: string;
  href: string;
}

/**
 * A row of tabs that are links (deep links and Back work), scrollable when they overflow. One tab
 * stop: the selected tab (or the first); arrow keys, Home and End move between tabs, Enter
 * follows the focused one.
 */
export function TabLinks({ label, tabs, selected }: { label: string; tabs: readonly TabLink[]; selected: string | null }) {
  const listRef = useRef<HTMLDivElement>(null);
  const stop = tabs.some((tab) => tab.id === selected) ? selected : tabs[0]?.id;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const all = Array.from(listRef.current?.querySelectorAll<HTMLElement>('[role="tab"]') ?? []);
    const at = all.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = all[(to + all.length) % all.length];
    if (!next) return;
    next.focus();
    if (typeof next.scrollIntoView === 'function') next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };

  return (
    <div ref={listRef} role="tablist" aria-label={label} className={styles.tabs} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <Link
          key={tab.id}
          role="tab"
          to={tab.href}
          aria-selected={tab.id === selected}
          tabIndex={tab.id === stop ? 0 : -1}
          className={styles.tab}
        >
          {tab.label}
        </Link>
      ))}
    </div>
  );
}
