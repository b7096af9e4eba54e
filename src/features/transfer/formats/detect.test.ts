// @vitest-environment node
import { detectFormat } from './formats';

describe('detectFormat', () => {
  it.each([
    ['.env', 'env'],
    ['.env.local', 'env'],
    ['.env.production', 'env'],
    ['prod.env', 'env'],
    ['config/STAGING.ENV', 'env'],
    ['secrets.json', 'json'],
    ['.env.json', 'json'],
    ['secrets.yaml', 'yaml'],
    ['secrets.YML', 'yaml'],
    ['C:\\app\\.env.yml', 'yaml'],
  ] as const)('reads %s from its name', (name, format) => {
    expect(detectFormat(name, '{"ignored": "content"}')).toBe(format);
  });

  it.each([
    ['a JSON object', '\uFEFF\n  {"A": "1"}', 'json'],
    ['key: value lines', '# comment\nA: 1\nB: "two"\nC:\n', 'yaml'],
    ['a YAML document', '---\nA: 1\n', 'yaml'],
    ['KEY=value lines', 'A=1\nexport B=2\n', 'env'],
    ['mostly KEY=value', 'A=1\nB=2\nC: 3\n', 'env'],
    ['nothing', '', 'env'],
  ] as const)('reads %s from the content when the name says nothing', (_what, text, format) => {
    expect(detectFormat(undefined, text)).toBe(format);
    expect(detectFormat('secrets.txt', text)).toBe(format);
  });
});
