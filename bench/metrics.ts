/** What one benchmark run measures, and what it needs to know about the servers and the page. */
import type { Browser } from '@playwright/test';

export const METRIC_KEYS = [
  'initialJsGzipKB',
  'envPageJsGzipKB',
  'interactiveRowsMs',
  'firstRowsMs',
  'floorMs',
  'filterMs',
  'revealMs',
  'revealRequests',
  'revealAllMs',
  'scrollFrameMs',
  'domRows',
  'heapMB',
  'bigValueInputMs',
  'paletteKeystrokeMs',
  'overviewInteractiveMs',
  'overviewFloorMs',
  'overviewScrollFrameMs',
  'compareMs',
  'copyKeysPerSecond',
  'copyKeysPerSecondSequential',
  'importKeysPerSecond',
  'importKeysPerSecondSequential',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];
export type Metrics = Partial<Record<MetricKey, number>>;

export interface RunSetup {
  browser: Browser;
  /** e.g. http://127.0.0.1:41234 (vite preview) */
  baseUrl: string;
  distDir: string;
  appPath: string;
  tableName: string;
  floorPath: string;
  /** The overview of the same app (every environment), its table and its floor page. */
  overviewPath: string;
  overviewTableName: string;
  overviewFloorPath: string;
  /** How many environments the fake has (the overview's columns). */
  envs: number;
  /** The fake API itself (its /__fake control routes: latency, reset). */
  fakeUrl: string;
  sessionKey: string;
  sessionJson: string;
  /** The same session with a Write token (the set-value dialog). */
  writeSessionJson: string;
  filterChars: readonly string[];
  scrollStep: number;
  /** The scroll stops after this long even if the bottom is not reached (bounds the run time). */
  scrollSeconds: number;
  /** Multiplies every step deadline (slow machines). */
  timeoutScale: number;
  log: (line: string) => void;
  /** --only: the metrics to measure (null: all); a load or interaction runs when one of its metrics is wanted. */
  only: ReadonlySet<MetricKey> | null;
}

export const wanted = (setup: Pick<RunSetup, 'only'>, ...keys: MetricKey[]): boolean => setup.only === null || keys.some((k) => setup.only!.has(k));

export interface RunResult {
  metrics: Metrics;
  errors: string[];
  notes: string[];
  /** Requests that left 127.0.0.1 (should be none). */
  foreignRequests: string[];
}
