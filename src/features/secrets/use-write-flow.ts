import { useRef, useState, type RefObject } from 'react';
import { isApiError } from '@/api/api-error';
import type { Environment } from '@/api/contract';
import { productionNames } from '@/lib/production';
import { useRenewalAfterWrite, type Renewal } from './use-renewal-after-write';
import { useRefocusAfterPending } from './use-refocus-after-pending';

/** One part of a write sent as several requests (an initial value per environment, a row of an import). */
export type ItemStatus = { state: 'saving' } | { state: 'saved' } | { state: 'failed'; error: unknown };

const SAVING: ItemStatus = { state: 'saving' };
const SAVED: ItemStatus = { state: 'saved' };

/**
 * Thrown by a write to say which of its steps failed and about what (the name sent, the
 * environment read), so that the dialog can word the error; `error` is what that step threw.
 */
export class WriteStepError<Step extends string = string> extends Error {
  constructor(
    readonly step: Step,
    readonly error: unknown,
    readonly subject: string,
  ) {
    super(`${step} failed (${subject})`);
  }
}

export interface WriteFlowOptions {
  /** Closing now would lose what the user typed: Escape, Cancel, navigation and unload ask first. */
  dirty: boolean;
  /** Closes the dialog: at once when nothing would be lost, else once the user chose to discard. */
  onClose: () => void;
}

export interface SubmitOptions {
  /** The environments the write changes: when one is production, the user confirms first. */
  targets?: readonly Environment[];
  /** The user has already confirmed this write (e.g. "Save anyway", asked after production was). */
  confirmed?: boolean;
}

export interface WriteFlow {
  /** A write is running: the dialog cannot close and its buttons are disabled. */
  pending: boolean;
  /**
   * What the last write threw (null: none); kept, with the user's input, until the next attempt.
   * A refused token is no longer shown once the session was renewed (`renewal` says so instead).
   */
  error: unknown;
  /** After re-authentication cut the last write short: checking, ready to send again, or gone. */
  renewal: Renewal | null;
  /** No write may start: the place is being checked after renewal, or it no longer resolves. */
  blocked: boolean;
  /** The production environments of a write waiting for confirmation ("Production"), else null. */
  confirming: string | null;
  /**
   * Runs `write` once, unless one is running (a double submit sends once) or it touches production
   * (then it waits for `confirm`). The confirmation stays shown until the write it confirmed ends.
   */
  submit: (write: () => Promise<void>, options?: SubmitOptions) => Promise<void>;
  /** Runs the write that waits for confirmation. */
  confirm: () => void;
  /** Drops the write that waits for confirmation, back to the form. */
  back: () => void;
  /** Escape, Cancel, Close: ignored while pending; asks first when `dirty`. */
  requestClose: () => void;
  /** The "Discard changes?" question is open. */
  discarding: boolean;
  keepEditing: () => void;
  discard: () => void;
  dirty: boolean;
  /** For the submit button: focus returns to it when a write ends with focus lost (Enter retries). */
  submitRef: RefObject<HTMLButtonElement | null>;
}

/**
 * The one way a dialog writes: the pending state and the double-submit guard, the production
 * confirmation, the discard guard, the error kept beside the input and focus after pending. A write
 * made of several requests tracks them with `useWriteProgress` inside it.
 */
export function useWriteFlow({ dirty, onClose }: WriteFlowOptions): WriteFlow {
  const busy = useRef(false);
  const awaiting = useRef<(() => Promise<void>) | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [discarding, setDiscarding] = useState(false);
  const submitRef = useRefocusAfterPending<HTMLButtonElement>(pending);
  const targetsRef = useRef<readonly Environment[]>([]);
  const { renewal, noteEnd, clear } = useRenewalAfterWrite();
  const blocked = renewal !== null && renewal.state !== 'ready';

  async function run(write: () => Promise<void>) {
    if (busy.current) return;
    busy.current = true;
    setPending(true);
    setError(null);
    clear();
    let refused = false;
    try {
      await write();
    } catch (failure) {
      refused = isUnauthorized(failure);
      setError(failure);
    } finally {
      noteEnd(refused, targetsRef.current);
      busy.current = false;
      awaiting.current = null;
      setPending(false);
      setConfirming(null);
    }
  }

  async function submit(write: () => Promise<void>, { targets = [], confirmed = false }: SubmitOptions = {}) {
    if (busy.current || blocked) return;
    targetsRef.current = targets;
    const production = confirmed ? null : productionNames(targets);
    if (production !== null) {
      awaiting.current = write;
      setConfirming(production);
      return;
    }
    await run(write);
  }

  return {
    pending,
    // The refusal is old news once the session was renewed.
    error: renewal !== null && isUnauthorized(error) ? null : error,
    renewal,
    blocked,
    confirming,
    submit,
    confirm: () => {
      const write = awaiting.current;
      if (write) void run(write);
    },
    back: () => {
      if (busy.current) return;
      awaiting.current = null;
      setConfirming(null);
    },
    requestClose: () => {
      if (busy.current) return;
      if (dirty) setDiscarding(true);
      else onClose();
    },
    discarding,
    keepEditing: () => setDiscarding(false),
    discard: () => {
      setDiscarding(false);
      onClose();
    },
    dirty,
    submitRef,
  };
}

/** A refused token (401), also as the cause of a failed step. */
function isUnauthorized(error: unknown): boolean {
  const cause = error instanceof WriteStepError ? error.error : error;
  return isApiError(cause) && cause.status === 401;
}

export interface WriteProgress {
  /** Per item sent with `sendEach`, by key. */
  statuses: Readonly<Record<string, ItemStatus>>;
  /**
   * Sends each item with its own request, all at once, and tracks each one (saving, then saved or
   * failed with its error) as it ends. Resolves to whether all were saved; never rejects.
   */
  sendEach: <T>(items: readonly T[], keyOf: (item: T) => string, send: (item: T) => Promise<unknown>) => Promise<boolean>;
  /** The items not saved yet (never sent, sending or failed): what a retry sends, what closing loses. */
  unsaved: <T>(items: readonly T[], keyOf: (item: T) => string) => T[];
}

/** The progress of a write made of several requests (initial values; an import, row by row). */
export function useWriteProgress(): WriteProgress {
  const [statuses, setStatuses] = useState<Readonly<Record<string, ItemStatus>>>({});

  async function sendEach<T>(items: readonly T[], keyOf: (item: T) => string, send: (item: T) => Promise<unknown>) {
    const mark = (item: T, status: ItemStatus) => setStatuses((s) => ({ ...s, [keyOf(item)]: status }));
    setStatuses((s) => ({ ...s, ...Object.fromEntries(items.map((item) => [keyOf(item), SAVING])) }));
    const results = await Promise.all(
      items.map((item) =>
        send(item).then(
          () => {
            mark(item, SAVED);
            return true;
          },
          (failure: unknown) => {
            mark(item, { state: 'failed', error: failure });
            return false;
          },
        ),
      ),
    );
    return results.every(Boolean);
  }

  return {
    statuses,
    sendEach,
    unsaved: (items, keyOf) => items.filter((item) => statuses[keyOf(item)]?.state !== 'saved'),
  };
}
