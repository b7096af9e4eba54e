/**
 * The one way to send many writes (copying values between environments, later an import): a few at
 * a time, waiting out a 429's Retry-After, pausing for re-authentication on a 401 and sending the
 * refused write again, cancellable, with a snapshot of its progress for React.
 */
import { isApiError, type ApiError } from '@/api/api-error';
import { createLimiter } from './limiter';
import { createListeners } from './listeners';
import { sessionRenewal } from './session-renewal';
import { unsavedInput } from './unsaved-input';

export interface BulkItem {
  id: string;
  /** How the item is named to the user (e.g. the key). */
  label: string;
}

export type BulkItemStatus = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

export interface BulkFailure {
  id: string;
  label: string;
  message: string;
}

export interface BulkSnapshot {
  running: boolean;
  /** Why no new write starts just now: a 429's wait, or the prompt for a new token. */
  waiting: 'rate-limit' | 'sign-in' | null;
  total: number;
  done: number;
  failed: number;
  cancelled: number;
  /** Not finished yet (waiting for a slot or being sent). */
  pending: number;
  /** The failed items with what went wrong, in the order they failed. */
  failures: readonly BulkFailure[];
}

export interface BulkRunnerOptions<T extends BulkItem> {
  /** Sends one item; any throw fails it (a 429 or 401 ApiError is handled first). */
  write: (item: T, signal: AbortSignal) => Promise<void>;
  concurrency?: number;
  /** Held as unsaved input while running, so that a 401 asks for the token again (unsaved-input.ts). */
  holdName?: string;
  /** Wait after a 429 without Retry-After: doubled per retry of the item, up to `maxBackoffMs`. */
  defaultBackoffMs?: number;
  maxBackoffMs?: number;
  /** A 429 more than this many times for one item fails it. */
  maxRateLimitRetries?: number;
  /** Resolves true once the session was renewed after renewal number `since`, false when it never will. */
  waitForRenewal?: (since: number, signal: AbortSignal) => Promise<boolean>;
  /** The current renewal number (session-renewal.ts by default). */
  renewals?: () => number;
}

export interface BulkRunner<T extends BulkItem> {
  subscribe(listener: () => void): () => void;
  /** The same object until something changes (for useSyncExternalStore). */
  getSnapshot(): BulkSnapshot;
  statusOf(id: string): BulkItemStatus | undefined;
  /** Runs `items` (replacing any earlier run's); resolves when every one has ended. */
  run(items: readonly T[]): Promise<void>;
  /** Runs again only the items that failed. */
  retryFailed(): Promise<void>;
  /** Stops new starts and aborts the writes in flight; they end as cancelled. */
  cancel(): void;
}

export const BULK_CONCURRENCY = 6;

/** Waits for renewal through session-renewal.ts: false once nothing is asked for any more without a renewal. */
export function waitForSessionRenewal(since: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const { asking, renewals } = sessionRenewal.get();
      if (renewals > since) return finish(true);
      if (asking === null) return finish(false);
      return false;
    };
    const finish = (renewed: boolean) => {
      unsubscribe();
      signal.removeEventListener('abort', onAbort);
      resolve(renewed);
      return true;
    };
    const onAbort = () => {
      unsubscribe();
      reject(signal.reason);
    };
    const unsubscribe = sessionRenewal.subscribe(check);
    signal.addEventListener('abort', onAbort, { once: true });
    check();
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

const isStatus = (error: unknown, status: number): error is ApiError => isApiError(error) && error.status === status;

function messageOf(error: unknown): string {
  if (isApiError(error)) return error.requestId ? `${error.message} (request id ${error.requestId})` : error.message;
  return error instanceof Error ? error.message : 'The write failed.';
}

export function createBulkRunner<T extends BulkItem>(options: BulkRunnerOptions<T>): BulkRunner<T> {
  const {
    write,
    concurrency = BULK_CONCURRENCY,
    holdName,
    defaultBackoffMs = 1_000,
    maxBackoffMs = 30_000,
    maxRateLimitRetries = 8,
    waitForRenewal = waitForSessionRenewal,
    renewals = () => sessionRenewal.get().renewals,
  } = options;
  const listeners = createListeners();
  let items: readonly T[] = [];
  const status = new Map<string, BulkItemStatus>();
  let failures: BulkFailure[] = [];
  let counts = { done: 0, failed: 0, cancelled: 0 };
  let running = false;
  let controller = new AbortController();
  /** The gate new attempts wait at: a 429's pause, or re-authentication (shared by every attempt). */
  let resumeAt = 0;
  let gate: Promise<boolean> | null = null;
  let snapshot: BulkSnapshot = build();

  function build(): BulkSnapshot {
    const total = items.length;
    return {
      running,
      waiting: gate ? 'sign-in' : resumeAt > Date.now() ? 'rate-limit' : null,
      total,
      ...counts,
      pending: total - counts.done - counts.failed - counts.cancelled,
      failures,
    };
  }

  function emit() {
    snapshot = build();
    listeners.emit();
  }

  function settle(item: T, next: 'done' | 'failed' | 'cancelled', error?: unknown) {
    status.set(item.id, next);
    counts = { ...counts, [next]: counts[next] + 1 };
    if (next === 'failed') failures = [...failures, { id: item.id, label: item.label, message: messageOf(error) }];
    emit();
  }

  /** Waits until new writes may start: after a 429's pause and while a token is asked for. */
  async function passGate(signal: AbortSignal): Promise<void> {
    for (;;) {
      if (signal.aborted) throw signal.reason;
      if (gate) {
        await gate;
        continue;
      }
      const wait = resumeAt - Date.now();
      if (wait <= 0) return;
      await sleep(wait, signal);
      // The pause is over: the snapshot stops saying so.
      if (snapshot.waiting === 'rate-limit') emit();
    }
  }

  /** Pauses every start until the session is renewed after `since`; false when it will not be. */
  function pauseForRenewal(since: number, signal: AbortSignal): Promise<boolean> {
    if (!gate) {
      gate = waitForRenewal(since, signal).finally(() => {
        gate = null;
        emit();
      });
      emit();
    }
    return gate;
  }

  async function attempt(item: T, signal: AbortSignal): Promise<void> {
    let rateLimited = 0;
    for (;;) {
      await passGate(signal);
      const since = renewals();
      status.set(item.id, 'running');
      try {
        await write(item, signal);
        settle(item, 'done');
        return;
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        status.set(item.id, 'pending');
        if (isStatus(error, 429) && rateLimited < maxRateLimitRetries) {
          const wait = Math.min(error.retryAfterMs ?? defaultBackoffMs * 2 ** rateLimited, maxBackoffMs);
          rateLimited++;
          resumeAt = Math.max(resumeAt, Date.now() + wait);
          emit();
          continue;
        }
        // Sent with a token renewed since: send again. Else wait for renewal, unless none will come.
        if (isStatus(error, 401) && (renewals() > since || (await pauseForRenewal(since, signal)))) continue;
        settle(item, 'failed', error);
        return;
      }
    }
  }

  async function runItems(batch: readonly T[]): Promise<void> {
    controller = new AbortController();
    const { signal } = controller;
    const limiter = createLimiter(concurrency);
    resumeAt = 0;
    running = true;
    for (const item of batch) status.set(item.id, 'pending');
    emit();
    const release = holdName ? unsavedInput.hold(holdName) : () => undefined;
    try {
      await Promise.all(
        batch.map((item) =>
          limiter.run(() => attempt(item, signal), signal).catch(() => {
            if (status.get(item.id) !== 'done' && status.get(item.id) !== 'failed') settle(item, 'cancelled');
          }),
        ),
      );
    } finally {
      release();
      running = false;
      emit();
    }
  }

  return {
    subscribe: listeners.subscribe,
    getSnapshot: () => snapshot,
    statusOf: (id) => status.get(id),
    run(next) {
      if (running) return Promise.reject(new Error('A run is in progress'));
      items = next;
      status.clear();
      failures = [];
      counts = { done: 0, failed: 0, cancelled: 0 };
      return runItems(next);
    },
    retryFailed() {
      if (running) return Promise.reject(new Error('A run is in progress'));
      const failedIds = new Set(failures.map((failure) => failure.id));
      const batch = items.filter((item) => failedIds.has(item.id));
      failures = [];
      counts = { ...counts, failed: 0 };
      return runItems(batch);
    },
    cancel() {
      controller.abort(new DOMException('The run was cancelled.', 'AbortError'));
    },
  };
}
