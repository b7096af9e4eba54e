import { test, expect, row, signInWithToken } from './fixtures';
import { expectNoLeak, expectTokensOnlyInAuthorization, heapContains, TOKENS, watchPage } from './audit';
import { CANARY } from './constants';

/**
 * Leak audit over real HTTP: the fake seeds CANARY in CANARY_TOKEN_1..3 of every environment of
 * app_payments. After each journey the canary and the tokens must be nowhere but where allowed.
 */
const SECRETS = [CANARY, ...TOKENS];
/** Signed in with a read token and a write token that appear nowhere in the app's code. */
const READ_TOKEN = 'demo-read-token';
const WRITE_TOKEN = 'demo-write-token';
const ENVS = ['Development', 'QA', 'Staging', 'Production'] as const;

test.describe('leak audit', () => {
  test('reveal, hide, reveal all, auto-hide, copy, sign-out leave no trace', async ({ page, context, recorder, baseURL }) => {
    await page.clock.install();
    const watch = watchPage(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await signInWithToken(page, READ_TOKEN, { writeToken: WRITE_TOKEN });
    await page.goto('/apps/app_payments/production?q=CANARY');
    const keyRow = row(page, 'CANARY_TOKEN_1');
    await expect(keyRow).toBeVisible();
    expect(await page.content()).not.toContain(CANARY);

    // Reveal one, then hide.
    await keyRow.getByRole('button', { name: 'Reveal CANARY_TOKEN_1' }).click();
    await expect(keyRow.getByLabel('Value of CANARY_TOKEN_1', { exact: true })).toHaveText(CANARY);
    await keyRow.getByRole('button', { name: 'Hide CANARY_TOKEN_1' }).click();
    await expect(keyRow.getByLabel('Value of CANARY_TOKEN_1', { exact: true })).toHaveCount(0);
    expect(await page.content()).not.toContain(CANARY);
    await expectNoLeak(page, context, recorder, SECRETS, watch);

    // Reveal all, then hide all.
    await page.getByRole('button', { name: 'Reveal all' }).click();
    await expect(page.getByLabel('Value of CANARY_TOKEN_2', { exact: true })).toHaveText(CANARY);
    await page.getByRole('button', { name: 'Hide all' }).click();
    await expect(page.getByLabel(/^Value of /)).toHaveCount(0);
    expect(await page.content()).not.toContain(CANARY);

    // Auto-hide.
    await row(page, 'CANARY_TOKEN_3').getByRole('button', { name: 'Reveal CANARY_TOKEN_3' }).click();
    await expect(page.getByLabel('Value of CANARY_TOKEN_3', { exact: true })).toHaveText(CANARY);
    await page.clock.fastForward(61_000);
    await expect(page.getByLabel('Value of CANARY_TOKEN_3', { exact: true })).toHaveCount(0);
    expect(await page.content()).not.toContain(CANARY);

    // Copy: on the clipboard, never on screen.
    await keyRow.getByRole('button', { name: 'Copy CANARY_TOKEN_1' }).click();
    await expect(page.getByText('Copied CANARY_TOKEN_1 to the clipboard.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(CANARY);
    expect(await page.content()).not.toContain(CANARY);

    await expectNoLeak(page, context, recorder, SECRETS, watch);
    expectTokensOnlyInAuthorization(recorder, [`${baseURL}/api/`]);
    // Nothing holds a hidden value any more: not the query cache, not a component.
    expect(await heapContains(page, [CANARY])).toEqual([]);

    // Signing out with a value still revealed: it goes with the session.
    await keyRow.getByRole('button', { name: 'Reveal CANARY_TOKEN_1' }).click();
    await expect(keyRow.getByLabel('Value of CANARY_TOKEN_1', { exact: true })).toHaveText(CANARY);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    expect(await page.content()).not.toContain(CANARY);
    const session = await page.evaluate(() => JSON.stringify({ ...sessionStorage }));
    for (const token of TOKENS) expect(session).not.toContain(token);
    await expectNoLeak(page, context, recorder, SECRETS, watch);
    expect(await heapContains(page, [CANARY, READ_TOKEN, WRITE_TOKEN])).toEqual([]);
  });

  test('create and set with typed values leave no trace once the dialogs close', async ({ page, context, recorder, baseURL }) => {
    const watch = watchPage(page);
    const typed = [`TYPED-CREATE-${Date.now()}-x`, `TYPED-SET-${Date.now()}-y`];
    const name = `LEAK_AUDIT_${Date.now()}`;
    const refused = 'not-a-real-token';

    // A protected page sends to sign-in, which knows where to come back to.
    await page.goto('/apps/app_payments/development?q=CANARY');
    await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/apps/app_payments/development?q=CANARY');
    // The real API: no demo, and the write token explained.
    await expect(page.getByRole('button', { name: 'Explore the demo' })).toHaveCount(0);
    await expect(page.getByText(/A Write token cannot read values/)).toBeVisible();

    // A refused token: said (with the request id), never shown or kept; still on sign-in.
    const tokenField = page.getByRole('textbox', { name: /^API token/ });
    await tokenField.fill(refused);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'That token was not accepted' });
    await expect(alert).toContainText(/Request id: req_/);
    expect(await alert.textContent()).not.toContain(refused);
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    expect(JSON.stringify(await page.evaluate(() => ({ ...sessionStorage, ...localStorage })))).not.toContain(refused);

    // Read and write tokens: back on the page asked for, search included.
    await tokenField.fill(READ_TOKEN);
    await page.getByLabel('Write token (optional)').fill(WRITE_TOKEN);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();
    await expect(page).toHaveURL(/\/apps\/app_payments\/development\?q=CANARY$/);
    await expect(page.getByRole('searchbox', { name: 'Search keys' })).toHaveValue('CANARY');
    for (const token of [READ_TOKEN, WRITE_TOKEN]) expect(JSON.stringify(await page.evaluate(() => ({ ...localStorage })))).not.toContain(token);

    await page.getByRole('button', { name: 'New secret' }).click();
    const dialog = page.getByRole('dialog', { name: /^(New secret|Initial values of )/ });
    await dialog.getByRole('textbox', { name: /^Name/ }).fill(name);
    await dialog.getByRole('textbox', { name: 'Initial value in Development' }).fill(typed[0]!);
    await dialog.getByRole('button', { name: 'Create secret' }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole('searchbox', { name: 'Search keys' }).fill(name);
    await row(page, name).getByRole('button', { name: `Edit ${name}` }).click();
    const editor = page.getByRole('dialog', { name: `Set ${name} in Development` });
    await editor.getByRole('textbox', { name: 'New value' }).fill(typed[1]!);
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(editor).toBeHidden();

    const html = await page.content();
    for (const value of typed) expect(html).not.toContain(value);
    await expectNoLeak(page, context, recorder, [...typed, ...SECRETS, refused], watch);
    expectTokensOnlyInAuthorization(recorder, [`${baseURL}/api/`]);
    // Writes went with the write token, reads with the read token.
    const apiRequests = recorder.requests.filter((r) => r.url.includes('/api/'));
    // The refused token was sent once, to be checked (sign-in asks for the environments with it).
    const withRefused = apiRequests.filter((r) => r.headers['authorization'] === `Bearer ${refused}`);
    expect(withRefused.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(['GET /api/environments']);
    for (const request of apiRequests.filter((r) => !withRefused.includes(r))) {
      const expected = request.method === 'GET' ? READ_TOKEN : WRITE_TOKEN;
      expect(request.headers['authorization'], `${request.method} ${request.url}`).toBe(`Bearer ${expected}`);
    }
    expect(await heapContains(page, typed, process.env.HEAP_DUMP)).toEqual([]);
  });

  test("the overview, then a secret's page: reveal and hide in each environment, copy between them, leave no trace", async ({ page, context, recorder, baseURL }) => {
    const watch = watchPage(page);
    await signInWithToken(page, READ_TOKEN, { writeToken: WRITE_TOKEN });
    // The overview (every environment's masked list): the canary nowhere; its row leads to the secret.
    await page.goto('/apps/app_payments?q=CANARY_TOKEN_1');
    const overviewRow = row(page, 'CANARY_TOKEN_1');
    await expect(overviewRow.getByRole('cell')).toHaveCount(ENVS.length);
    for (const cell of await overviewRow.getByRole('cell').all()) await expect(cell).toContainText('••');
    await expectNoLeak(page, context, recorder, SECRETS, watch);
    await overviewRow.getByRole('link', { name: 'CANARY_TOKEN_1', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'CANARY_TOKEN_1' })).toBeVisible();

    // Reveal, then hide, in each environment.
    for (const env of ENVS) {
      const region = page.getByRole('region', { name: env });
      await region.getByRole('button', { name: `Reveal value in ${env}` }).click();
      await expect(region.getByLabel(`Value in ${env}`, { exact: true })).toHaveText(CANARY);
      await region.getByRole('button', { name: `Hide value in ${env}` }).click();
      await expect(region.getByLabel(`Value in ${env}`, { exact: true })).toHaveCount(0);
    }
    expect(await page.content()).not.toContain(CANARY);

    // Copy from another environment (the same canary everywhere: the fake's data stays as seeded);
    // Production asks again.
    for (const [from, into] of [['Development', 'QA'], ['Staging', 'Production']] as const) {
      await page.getByRole('region', { name: into }).getByRole('button', { name: `Copy from another environment into ${into}` }).click();
      const dialog = page.getByRole('dialog', { name: `Copy CANARY_TOKEN_1 into ${into}` });
      await dialog.getByRole('combobox', { name: 'Copy from' }).click();
      await page.getByRole('option', { name: from, exact: true }).click();
      await dialog.getByRole('button', { name: 'Copy value' }).click();
      if (into === 'Production') await dialog.getByRole('button', { name: 'Set value in Production' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText(`Copied CANARY_TOKEN_1 from ${from} to ${into}.`)).toBeVisible();
    }
    expect(await page.content()).not.toContain(CANARY);

    await expectNoLeak(page, context, recorder, SECRETS, watch);
    expectTokensOnlyInAuthorization(recorder, [`${baseURL}/api/`]);
    expect(await heapContains(page, [CANARY])).toEqual([]);
  });
});
