import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { DEFAULT_TOAST_DURATION, Toast, type ToastNote } from './toast';

/**
 * Once another note waits, the shown one makes way when it has been up this long (ms), or a moment
 * (YIELD_FLOOR_MS) after the next arrives if it has been up longer: notes do not pile up.
 */
export const MIN_SHOWN_MS = 3000;
const YIELD_FLOOR_MS = 500;

export interface QueuedNote extends ToastNote {
  /**
   * Notes of one kind that replace each other: while one with the same key waits or is shown,
   * showing another updates that one (in its place) rather than queueing a second.
   */
  key?: string | undefined;
}

export interface ToastQueue {
  /** Queues a note: it is shown once every note queued before it has closed. */
  show: (note: QueuedNote) => void;
}

interface Entry extends QueuedNote {
  id: number;
  /** When it came on screen (Date.now()); set once it is the first in the queue. */
  shownAt?: number;
  /** Its shorter duration (ms) once another note waits behind it. */
  yieldIn?: number;
}

const ToastQueueContext = createContext<ToastQueue | null>(null);

/**
 * The app's one toast: the notes of every page, shown one at a time in the order they came, each
 * with its own duration and action, the next once the one before has closed and slid out. A note
 * with others waiting behind it makes way sooner (MIN_SHOWN_MS); hovering or focusing it still
 * keeps it.
 * Mounted once inside the router, so that actions may be router links.
 */
export function ToastQueueProvider({ children }: { children: ReactNode }) {
  const [queue, setQueue] = useState<readonly Entry[]>([]);
  // The id of the shown note once it is closed and sliding out.
  const [closing, setClosing] = useState<number | null>(null);
  const lastId = useRef(0);

  const show = useCallback((note: QueuedNote) => {
    lastId.current += 1;
    const id = lastId.current;
    const now = Date.now();
    setQueue((queued) => {
      const same = note.key === undefined ? -1 : queued.findIndex((entry) => entry.key === note.key);
      if (same !== -1) return queued.map((entry, index) => (index === same ? { ...entry, ...note } : entry));
      const [first, ...rest] = queued;
      if (first === undefined) return [{ ...note, id, shownAt: now }];
      const yieldIn = first.shownAt === undefined ? undefined : Math.max(YIELD_FLOOR_MS, MIN_SHOWN_MS - (now - first.shownAt));
      return [{ ...first, yieldIn: first.yieldIn ?? yieldIn }, ...rest, { ...note, id }];
    });
  }, []);
  const api = useMemo(() => ({ show }), [show]);

  const current = queue[0];
  return (
    <ToastQueueContext.Provider value={api}>
      {children}
      <Toast
        message={current && current.id !== closing ? current.message : null}
        noteId={current?.id}
        severity={current?.severity}
        autoHideDuration={current?.yieldIn === undefined ? current?.autoHideDuration : Math.min(current.autoHideDuration ?? DEFAULT_TOAST_DURATION, current.yieldIn)}
        action={current?.action}
        onClose={() => {
          if (current) setClosing(current.id);
        }}
        onExited={() => {
          const now = Date.now();
          setQueue((queued) => {
            if (queued[0] === undefined || queued[0].id !== closing) return queued;
            const [next, ...rest] = queued.slice(1);
            if (next === undefined) return [];
            return [{ ...next, shownAt: now, ...(rest.length > 0 ? { yieldIn: MIN_SHOWN_MS } : {}) }, ...rest];
          });
          setClosing(null);
        }}
      />
    </ToastQueueContext.Provider>
  );
}

/** Where a component shows its notes: the queue of ToastQueueProvider. */
export function useToasts(): ToastQueue {
  const queue = useContext(ToastQueueContext);
  if (!queue) throw new Error('useToasts needs a ToastQueueProvider above it');
  return queue;
}
