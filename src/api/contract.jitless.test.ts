// @vitest-environment node
/**
 * Ready for a Content-Security-Policy without 'unsafe-eval': parsing never builds code from
 * strings. With `Function` and `eval` made to throw (as the CSP makes them), a masked list parses
 * through the API client, and classic zod's objects (the forms' schemas) parse too — without zod
 * even probing whether eval is allowed, which a strict CSP would report as a violation.
 */
import { z } from 'zod';
import { endpoints, VALUE_TYPE, type RenderedSecretsResponse } from './contract';
import { fakeFetch, json, setup } from './client-test-helpers';

/** Replaces `Function` and `eval` with traps that record each use and throw; returns the uses. */
function forbidEval(): string[] {
  const uses: string[] = [];
  const refuse = (what: string) => {
    uses.push(what);
    throw new EvalError(`${what} is refused by the Content-Security-Policy`);
  };
  const originalFunction = globalThis.Function;
  const originalEval = globalThis.eval;
  globalThis.Function = new Proxy(originalFunction, {
    construct: () => refuse('new Function'),
    apply: () => refuse('Function()'),
  });
  globalThis.eval = () => refuse('eval');
  onTestFinished(() => {
    globalThis.Function = originalFunction;
    globalThis.eval = originalEval;
  });
  return uses;
}

const list: RenderedSecretsResponse = {
  secretDigest: 'digest-1',
  incrementalId: 7,
  secrets: Array.from({ length: 1_000 }, (_, i) => ({
    key: `KEY_${i}`,
    secretId: `s-${i}`,
    valueType: i % 2 === 0 ? VALUE_TYPE.string : VALUE_TYPE.none,
    ...(i % 2 === 0 ? { serializedValue: '••••••' } : {}),
  })),
};

describe('no eval while parsing', () => {
  it('parses a masked list through the API client', async () => {
    const uses = forbidEval();
    const { client } = setup({ fetch: fakeFetch(async () => json(list)) });
    const parsed = await client.request(endpoints.renderedSecrets({ appId: 'app-1', envId: 'env-1', mode: 'PreviewOnly' }));
    expect(parsed).toEqual(list);
    expect(uses).toEqual([]);
  });

  it("parses with classic zod's object schemas, built and used after the contract has loaded", () => {
    const uses = forbidEval();
    const formSchema = z.object({ name: z.string().min(1), purposeType: z.enum(['APIKey', 'Other']) });
    for (let i = 0; i < 3; i++) expect(formSchema.parse({ name: 'KEY', purposeType: 'Other', extra: 1 })).toEqual({ name: 'KEY', purposeType: 'Other' });
    expect(formSchema.safeParse({ name: '' }).success).toBe(false);
    expect(uses).toEqual([]);
  });
});
