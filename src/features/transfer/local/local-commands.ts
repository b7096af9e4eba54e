/**
 * The `cmdk` command lines that fetch this app's secrets on a teammate's computer. Every flag is
 * the one the service's CLI (github.com/commandk-dev/cli, src/nativeMain/kotlin/dev/commandk/cli/) defines:
 * - `run <application-name> … -- <command>`: commands/RunCommand.kt. The command's words are
 *   joined with spaces and handed to the system shell, after the secrets are set in its environment.
 * - `secrets get <application-name> --output-file-name <file>`: commands/secrets/GetCommand.kt.
 * - `--environment` (an environment's name or slug, never its id: helpers/CommonUtils.kt),
 *   `--identifier-type Identifier|Name` (default Name), `--output json|yaml|env` (default env):
 *   common/common-options.kt.
 * - `--api-endpoint` is an option of `cmdk` itself, so it goes before the subcommand
 *   (commandk-cli.kt); the default `https://api.commandk.dev` is in common/common-values.kt, and
 *   only the URL's scheme, host and port are used (api/AbstractCommandKApi.kt).
 * - The app name goes into the request path as it is (api/DefaultCommandKApi.kt), so a name with
 *   `/ ? # %` is given by its id instead.
 */
import type { Environment } from '@/api/contract';

/** The hosted service's API, the CLI's default endpoint. */
export const HOSTED_API_ENDPOINT = 'https://api.commandk.dev';

/** Stands for the command to run when none is typed. */
export const COMMAND_PLACEHOLDER = '<command>';

export interface LocalCommandInput {
  appId: string;
  appName: string;
  /** More than one app has this name: the CLI is given the app's id. */
  nameIsAmbiguous: boolean;
  environment: Environment;
  /**
   * The API base: undefined or the hosted one gives no `--api-endpoint`; the session's base URL may
   * be passed as it is (a same-origin path such as `/api` counts as unknown, see cliApiEndpoint).
   */
  apiEndpoint: string | undefined;
  /** What `run` runs, as typed on a shell line. */
  command: string;
}

export interface LocalCommand {
  id: string;
  title: string;
  line: string;
  /** The copy button's accessible name, e.g. "Copy run command". */
  copyLabel: string;
}

/** What the CLI should be told about the API: nothing (hosted), a URL, or unknown to this page. */
export type CliApiEndpoint = { kind: 'hosted' } | { kind: 'custom'; url: string } | { kind: 'unknown' };

/**
 * The endpoint for `--api-endpoint`. An absolute http(s) URL without a path gives its origin; a
 * same-origin path (a proxy prefix such as `/api`) or a URL with a path (which the CLI would
 * drop) is unknown: the page cannot tell where the API really is.
 */
export function cliApiEndpoint(raw: string | undefined): CliApiEndpoint {
  const value = raw?.trim();
  if (!value) return { kind: 'hosted' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { kind: 'unknown' };
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname !== '/' || url.search || url.hash || url.username) {
    return { kind: 'unknown' };
  }
  return url.origin === HOSTED_API_ENDPOINT ? { kind: 'hosted' } : { kind: 'custom', url: url.origin };
}

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One argument for a POSIX shell: as it is when it is plain, else in single quotes. */
export function shellQuote(arg: string): string {
  if (SAFE_WORD.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command after `--`: plain words as typed; anything else as one quoted argument, so the
 * shell `cmdk` starts sees exactly the typed line (and expands `$VARS` after the secrets are set).
 */
function commandPart(command: string): string {
  const typed = command.trim();
  if (!typed) return COMMAND_PLACEHOLDER;
  return typed.split(/ +/).every((word) => SAFE_WORD.test(word)) ? typed : shellQuote(typed);
}

/** Whether the CLI must be given the app's id: an ambiguous name, or one it could not put in a URL path or would read as an option. */
export function needsIdentifier(appName: string, nameIsAmbiguous: boolean): boolean {
  return nameIsAmbiguous || appName.trim() === '' || appName.startsWith('-') || /[/?#%]/.test(appName);
}

/** `<app>-<env>`, kept to characters every file system and shell takes as they are. */
function fileBase(appName: string, envName: string): string {
  const base = `${appName}-${envName}`
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+/, '')
    .replace(/-+$/, '');
  return base || 'secrets';
}

const FILE_FORMATS = [
  { output: 'env', ext: 'env', label: '.env' },
  { output: 'json', ext: 'json', label: 'JSON' },
  { output: 'yaml', ext: 'yaml', label: 'YAML' },
] as const;

/** The commands to offer: run a command with the secrets, then write them to a file in each format. */
export function localCommands(input: LocalCommandInput): LocalCommand[] {
  const endpoint = cliApiEndpoint(input.apiEndpoint);
  const cmdk = ['cmdk', ...(endpoint.kind === 'custom' ? ['--api-endpoint', shellQuote(endpoint.url)] : [])];
  const app = needsIdentifier(input.appName, input.nameIsAmbiguous)
    ? [shellQuote(input.appId), '--identifier-type', 'Identifier']
    : [shellQuote(input.appName)];
  const envValue = input.environment.slug || input.environment.name;
  // A value that starts with `-` is attached with `=` so that it is not read as another option.
  const env = envValue.startsWith('-') ? [shellQuote(`--environment=${envValue}`)] : ['--environment', shellQuote(envValue)];
  const file = fileBase(input.appName, envValue);

  return [
    {
      id: 'run',
      title: 'Run a command with the secrets in its environment',
      line: [...cmdk, 'run', ...app, ...env, '--', commandPart(input.command)].join(' '),
      copyLabel: 'Copy run command',
    },
    ...FILE_FORMATS.map(({ output, ext, label }) => ({
      id: `get-${output}`,
      title: `Write the secrets to a ${label} file`,
      line: [...cmdk, 'secrets', 'get', ...app, ...env, '--output', output, '--output-file-name', shellQuote(`${file}.${ext}`)].join(' '),
      copyLabel: `Copy ${label} file command`,
    })),
  ];
}
