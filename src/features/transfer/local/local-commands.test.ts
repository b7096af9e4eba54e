// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { cliApiEndpoint, localCommands, needsIdentifier, shellQuote, type LocalCommandInput } from './local-commands';

const DEV = { id: 'env_dev', slug: 'development', name: 'Development', label: 'Dev' };

const input = (overrides: Partial<LocalCommandInput> = {}): LocalCommandInput => ({
  appId: 'LDJML-6x65-saP5d-7jBL',
  appName: 'payments',
  nameIsAmbiguous: false,
  environment: DEV,
  apiEndpoint: undefined,
  command: 'npm start',
  ...overrides,
});

const lines = (overrides: Partial<LocalCommandInput> = {}) =>
  Object.fromEntries(localCommands(input(overrides)).map((command) => [command.id, command.line]));

/** The words a POSIX shell makes of a line (sh itself, so the quoting is checked for real). */
const shellWords = (line: string): string[] => execFileSync('sh', ['-c', `printf '%s\\0' ${line}`], { encoding: 'utf8' }).split('\0').slice(0, -1);

describe('localCommands', () => {
  it('gives the run command and one secrets get per format for a plain app, by name and environment slug', () => {
    const commands = localCommands(input());
    expect(commands.map((c) => [c.id, c.copyLabel])).toEqual([
      ['run', 'Copy run command'],
      ['get-env', 'Copy .env file command'],
      ['get-json', 'Copy JSON file command'],
      ['get-yaml', 'Copy YAML file command'],
    ]);
    expect(lines()).toEqual({
      run: 'cmdk run payments --environment development -- npm start',
      'get-env': 'cmdk secrets get payments --environment development --output env --output-file-name payments-development.env',
      'get-json': 'cmdk secrets get payments --environment development --output json --output-file-name payments-development.json',
      'get-yaml': 'cmdk secrets get payments --environment development --output yaml --output-file-name payments-development.yaml',
    });
  });

  it('gives the app id with --identifier-type Identifier when the name is ambiguous', () => {
    const result = lines({ nameIsAmbiguous: true });
    expect(result.run).toBe('cmdk run LDJML-6x65-saP5d-7jBL --identifier-type Identifier --environment development -- npm start');
    expect(result['get-json']).toBe(
      'cmdk secrets get LDJML-6x65-saP5d-7jBL --identifier-type Identifier --environment development --output json --output-file-name payments-development.json',
    );
  });

  it('uses the id for a name the CLI could not put in its request path or would read as an option', () => {
    expect(needsIdentifier('payments', false)).toBe(false);
    for (const name of ['a/b', 'what?', 'c#', '100%', '-x', ' ']) expect(needsIdentifier(name, false)).toBe(true);
  });

  it('puts --api-endpoint before the subcommand for an API that is not the hosted one', () => {
    const result = lines({ apiEndpoint: 'https://api.acme.commandk.dev/' });
    expect(result.run).toBe('cmdk --api-endpoint https://api.acme.commandk.dev run payments --environment development -- npm start');
    expect(result['get-env']).toMatch(/^cmdk --api-endpoint https:\/\/api\.acme\.commandk\.dev secrets get payments /);
    expect(lines({ apiEndpoint: 'https://api.commandk.dev' }).run).toBe('cmdk run payments --environment development -- npm start');
  });

  it('knows the endpoint only from an absolute URL without a path', () => {
    expect(cliApiEndpoint(undefined)).toEqual({ kind: 'hosted' });
    expect(cliApiEndpoint('https://API.commandk.dev/')).toEqual({ kind: 'hosted' });
    expect(cliApiEndpoint('http://127.0.0.1:8788')).toEqual({ kind: 'custom', url: 'http://127.0.0.1:8788' });
    expect(cliApiEndpoint('/api')).toEqual({ kind: 'unknown' });
    expect(cliApiEndpoint('https://proxy.example.com/commandk')).toEqual({ kind: 'unknown' });
    expect(lines({ apiEndpoint: '/api' }).run).toBe('cmdk run payments --environment development -- npm start');
  });

  it('quotes names, environments and commands for a POSIX shell', () => {
    expect(shellQuote('payments-api_v2.1')).toBe('payments-api_v2.1');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote("Bob's app")).toBe(`'Bob'\\''s app'`);
    const result = lines({ appName: "Bob's app $HOME", environment: { ...DEV, slug: '', name: 'QA *' }, command: 'echo "$DATABASE_URL" | wc -c' });
    expect(result.run).toBe(`cmdk run 'Bob'\\''s app $HOME' --environment 'QA *' -- 'echo "$DATABASE_URL" | wc -c'`);
    expect(shellWords(result.run!)).toEqual(['cmdk', 'run', "Bob's app $HOME", '--environment', 'QA *', '--', 'echo "$DATABASE_URL" | wc -c']);
    expect(shellWords(result['get-env']!)).toEqual([
      'cmdk', 'secrets', 'get', "Bob's app $HOME", '--environment', 'QA *', '--output', 'env', '--output-file-name', 'Bob-s-app-HOME-QA.env',
    ]);
  });

  it('keeps plain command words as typed, and shows a placeholder when none is typed', () => {
    expect(lines({ command: '  npm run dev -- --port=3000 ' }).run).toMatch(/ -- npm run dev -- --port=3000$/);
    expect(lines({ command: '   ' }).run).toMatch(/ -- <command>$/);
  });

  it('attaches an environment that starts with a dash with =', () => {
    expect(lines({ environment: { ...DEV, slug: '-x' } }).run).toBe('cmdk run payments --environment=-x -- npm start');
  });
});
