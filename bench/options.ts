/** The benchmark's command line. */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { METRIC_KEYS, type MetricKey } from './metrics.ts';

export const USAGE = `Usage: npm run bench -- [--secrets N] [--envs N] [--apps N] [--runs N] [--skip-build] [--strict]
                       [--scroll-step PX] [--scroll-seconds S] [--dist DIR] [--timeout-scale X] [--max-seconds S]
                       [--only METRIC,…]   (only those metrics, e.g. --only bigValueInputMs; no results.json)`;

export interface Options {
  secrets: number;
  envs: number;
  apps: number;
  runs: number;
  skipBuild: boolean;
  strict: boolean;
  scrollStep: number;
  scrollSeconds: number;
  distDir: string;
  timeoutScale: number;
  maxSeconds: number;
  /** --only: the metrics to measure (null: all of them). */
  only: ReadonlySet<MetricKey> | null;
}

/** Parses `argv` (after the script's name); prints the usage and exits on --help. */
export function parseOptions(argv: string[], root: string): Options {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      secrets: { type: 'string', default: '10000' },
      envs: { type: 'string', default: '12' },
      apps: { type: 'string', default: '300' },
      runs: { type: 'string', default: '5' },
      'skip-build': { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      'scroll-step': { type: 'string', default: '400' },
      'scroll-seconds': { type: 'string', default: '30' },
      dist: { type: 'string', default: join(root, 'node_modules', '.cache', 'bench-dist') },
      'timeout-scale': { type: 'string', default: '1' },
      'max-seconds': { type: 'string', default: '570' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (name: 'secrets' | 'envs' | 'apps' | 'runs' | 'scroll-step' | 'scroll-seconds' | 'max-seconds', min: number): number => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}\n${USAGE}`);
    return n;
  };
  const scale = Number(values['timeout-scale']);
  if (!(scale > 0)) throw new Error(`--timeout-scale must be a positive number\n${USAGE}`);
  return {
    secrets: int('secrets', 1),
    envs: int('envs', 1),
    apps: int('apps', 1),
    runs: int('runs', 1),
    skipBuild: values['skip-build'],
    strict: values.strict,
    scrollStep: int('scroll-step', 1),
    scrollSeconds: int('scroll-seconds', 1),
    distDir: resolve(values.dist),
    timeoutScale: scale,
    maxSeconds: int('max-seconds', 30),
    only: values.only === undefined ? null : parseOnly(values.only),
  };
}

function parseOnly(list: string): ReadonlySet<MetricKey> {
  const keys = list.split(',').map((k) => k.trim()).filter((k) => k !== '');
  const unknown = keys.filter((k) => !(METRIC_KEYS as readonly string[]).includes(k));
  if (keys.length === 0 || unknown.length > 0) throw new Error(`--only: unknown metric(s) ${unknown.join(', ') || '(none given)'}; one of ${METRIC_KEYS.join(', ')}\n${USAGE}`);
  const only = new Set(keys as MetricKey[]);
  // Targets relative to another metric of the same run: that one is measured too.
  if (only.has('interactiveRowsMs')) only.add('floorMs');
  if (only.has('overviewInteractiveMs')) only.add('overviewFloorMs');
  if (only.has('copyKeysPerSecond')) only.add('copyKeysPerSecondSequential');
  if (only.has('importKeysPerSecond')) only.add('importKeysPerSecondSequential');
  return only;
}
