import type { Request } from '@playwright/test';
import { test, expect, HTTP_SESSION, injectHttpFault, remainingHttpFaults, row, startSignedIn } from './fixtures';
import { SESSION_KEY, TOKENS } from './audit';
import { CANARY, HTTP_TIMEOUT_MS } from './constants';
import {
  CELLS,
  ENV_LABEL,
  ENV_SLUG,
  appSecrets,
  errorAlert,
  expectedMessage,
  faultRule,
  fetchStarts,
  isOpRequest,
  isStatus,
  recordFetchStarts,
  recovers,
  retried,
  signInAgainAndSave,
  visibleText,
} from './fault-matrix-cells';

/**
 * Fault matrix: every user operation × every class of fault the API can throw at it, over real
 * HTTP (`vite preview` proxy → the HTTP fake), one test per cell. The table is the behaviour of
 * every operation × fault; the cells that run are one per class where it differs (`KEPT` in
 * fault-matrix-cells.ts says which and why).
 *
 * Every cell asserts: a clear message (the server's `message` and `Request id` when it sent them),
 * the exact number of requests the operation sent (reads retried only where they should be, with
 * their backoff; writes never), no secret value, canary or token in the page text or console, what
 * was typed still in the dialog (writes), the fault rule consumed, and the page still usable (the
 * operation succeeds when tried again, or another action works). A 401 ends the session (the user
 * lands on sign-in with "Your session ended…"), unless a dialog holds typed input: then only the
 * refused token is asked for again over the page, and the kept input saves afterwards.
 *
 * Legend: N req = requests the operation sent to its endpoint before the message showed (counted
 * in the browser; gaps timed in the page); msg+id = the injected `message` and `Request id` shown;
 * kept = the dialog still holds the typed name/value; ok = trying again from the same screen
 * succeeds with exactly one more request (Retry / Retry revealing / Copy again / Create / Save).
 * Status faults carry `{ message: 'Injected <status> for <op>', requestId: 'req_<op>_<status>' }`;
 * 429 carries `Retry-After: 1`. Retried read faults are injected 4 times (retries exhaust, the
 * message shows, Retry succeeds); every other fault once. Every rule expires by `times` and is
 * checked consumed (never DELETEd: other workers' rules live in the same fake).
 *
 * | fault \ op  | list (open env)             | reveal one              | reveal all              | copy ²               | create secret                     | set value (Development) |
 * |-------------|-----------------------------|-------------------------|-------------------------|----------------------|-----------------------------------|-------------------------|
 * | 401         | 1 req → sign-in + notice    | 1 req → sign-in + notice| 1 req → sign-in + notice| 1 req → sign-in      | 1 req → re-sign-in prompt, kept, ok ¹ | 1 req → prompt, kept, ok ¹ |
 * | 403         | 1 req, msg+id + hint, ok ⁴  | 1 req, msg+id ⁵, ok     | 1 req, msg+id, ok       | 1 req, msg+id, ok    | 1 req, msg+id + hint, kept, ok    | 1 req, msg+id + hint, kept, ok |
 * | 404         | 1 req, msg+id, ok ⁴         | 1 req, msg+id ⁵, ok     | 1 req, msg+id, ok       | 1 req, msg+id, ok    | 1 req, msg+id, kept, ok           | 1 req, msg+id, kept, ok |
 * | 409         | –                           | –                       | –                       | –                    | 1 req, "<name> already exists"+id, link to existing, kept, ok | – |
 * | 429 (RA 1s) | 4 req 1 s apart, msg+id, ok | 4 req 1 s apart, msg+id, ok | 4 req 1 s apart, msg+id, ok | 1 req, msg+id, ok | 1 req, msg+id, kept, ok       | 1 req, msg+id, kept, ok |
 * | 500         | 4 req (+0.5/1/2 s), msg+id, ok | 4 req, msg+id, ok    | 4 req, msg+id, ok       | 1 req, msg+id, ok    | 1 req, msg+id, kept, ok           | 1 req, msg+id, kept, ok |
 * | 503         | 4 req (+0.5/1/2 s), msg+id, ok | 4 req, msg+id, ok    | 4 req, msg+id, ok       | 1 req, msg+id, ok    | 1 req, msg+id, kept, ok           | 1 req, msg+id, kept, ok |
 * | timeout 2 s | 4 req (2 s + backoff), "did not answer in time", ok | 2 req: progress, then the value (injected once) | same as reveal one | 1 req, "did not answer", ok | 1 req, same, kept, ok | 1 req, same, kept, ok |
 * | network ³   | 4 req, "failed … (HTTP 502)", ok | 4 req, same, ok    | 4 req, same, ok         | 1 req, same, ok      | 1 req, same, kept, ok             | 1 req, same, kept, ok   |
 * | malformed   | 1 req, "not JSON", ok ⁴     | 1 req, same, ok         | 1 req, same, ok         | 1 req, same, ok      | 1 req, same, kept, ok             | – ⁶                     |
 * | schema      | 1 req, "does not match the contract", ok ⁴ | 1 req, same, ok | 1 req, same, ok  | 1 req, same, ok      | 1 req, same, kept, ok             | – ⁶                     |
 *
 * Every cell also checks that no clear value of the app, the canary, no token and nothing typed is
 * in the page's text (error time) or the console.
 * ¹ The prompt asks for the Write token only (same origin), the page and dialog stay as they were,
 *   the dialog says the session was renewed, and sending again saves (one more request).
 * ² Copy is a one-shot read tied to the click (the clipboard write needs the user's gesture in
 *   most browsers), so it is never retried in the background: the user clicks again.
 * ³ The fake drops the connection; behind the same-origin `vite preview` proxy the browser gets
 *   the proxy's 502 (empty body), so the app shows its own 5xx message (no request id) and retries
 *   reads like any 5xx. The proxy logs each one as "[WebServer] http proxy error" on stderr.
 * ⁴ Was 2 requests when the route loader's read failed before the page mounted (react-query
 *   retried on mount); the list query now has `retryOnMount: false`.
 * ⁵ The row's inline error showed no request id; it now shows "(request id …)".
 * ⁶ Any 2xx to a set value is success whatever its body (the service promises none): a 200 with a
 *   broken body is not a fault there (client and integration tests cover every body).
 */


test.describe.configure({ mode: 'parallel' });

test.describe('fault matrix', () => {
  test.beforeEach(async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await startSignedIn(page, HTTP_SESSION);
    await page.addInitScript(recordFetchStarts);
  });

  for (const cell of CELLS) {
    const title = `${cell.op} × ${cell.fault} (${cell.app})`;
    test(title, async ({ page, request, recorder }) => {
      // "No answer" cells wait for the timeout once (writes, copy) or four times (retried reads).
      const slow = cell.fault === 'timeout' && retried(cell) && !recovers(cell);
      if (slow) test.setTimeout(60_000);
      const errorTimeout = slow ? 4 * HTTP_TIMEOUT_MS + 3_500 + 7_000 : retried(cell) ? 12_000 : 7_000 + (cell.fault === 'timeout' ? HTTP_TIMEOUT_MS : 0);

      // The app's data, from the fake directly (before this cell's rule exists).
      const secrets = await appSecrets(request, cell.app);
      const withValue = secrets
        .filter((s) => s.serializedValue !== undefined && s.serializedValue.length >= 12 && !s.serializedValue.includes('\n'))
        .sort((a, b) => a.key.localeCompare(b.key));
      const target = withValue[0];
      expect(target, `a secret with a value in ${cell.app}`).toBeDefined();
      const key = target!.key;
      const value = target!.serializedValue!;
      const clearValues = secrets.map((s) => s.serializedValue ?? '').filter((v) => v.length >= 8);
      const stamp = Date.now().toString(36).toUpperCase();
      const newName = `FM_${cell.fault.toUpperCase()}_${stamp}`;
      const typed = `fm-typed-${cell.op}-${cell.fault}-${stamp}`;
      const forbidden = [CANARY, ...TOKENS, ...clearValues, typed];

      // The operation's own requests, as the browser sent them.
      const sent: Request[] = [];
      page.on('request', (r) => {
        if (isOpRequest(cell, key, r)) sent.push(r);
      });

      const rule = faultRule(cell);
      const pattern = rule.match.pathPattern;

      // ---- Act: reach the operation, inject the fault right before it, trigger it.
      if (cell.op === 'list') {
        await injectHttpFault(request, rule);
        await page.goto(`/apps/${cell.app}/${ENV_SLUG}`);
      } else {
        await page.goto(`/apps/${cell.app}/${ENV_SLUG}?q=${encodeURIComponent(key)}`);
        await expect(row(page, key)).toBeVisible();
        if (cell.op === 'reveal') {
          await injectHttpFault(request, rule);
          await row(page, key).getByRole('button', { name: `Reveal ${key}` }).click();
        } else if (cell.op === 'revealall') {
          await injectHttpFault(request, rule);
          await page.getByRole('button', { name: 'Reveal all' }).click();
        } else if (cell.op === 'copy') {
          await injectHttpFault(request, rule);
          await row(page, key).getByRole('button', { name: `Copy ${key}` }).click();
        } else if (cell.op === 'create') {
          await page.getByRole('button', { name: 'New secret' }).click();
          const dialog = page.getByRole('dialog', { name: 'New secret' });
          await dialog.getByRole('textbox', { name: /^Name/ }).fill(newName);
          await dialog.getByRole('textbox', { name: `Initial value in ${ENV_LABEL}` }).fill(typed);
          await injectHttpFault(request, {
            ...rule,
            fault: cell.fault === '409' ? { ...rule.fault, body: { ...(rule.fault.body as object), entityId: target!.secretId } } : rule.fault,
          });
          await dialog.getByRole('button', { name: 'Create secret' }).click();
        } else {
          await row(page, key).getByRole('button', { name: `Edit ${key}` }).click();
          const editor = page.getByRole('dialog', { name: `Set ${key} in ${ENV_LABEL}` });
          await editor.getByRole('textbox', { name: 'New value' }).fill(typed);
          await injectHttpFault(request, rule);
          await editor.getByRole('button', { name: 'Save' }).click();
        }
      }

      // ---- 401 over typed input: the refused token is asked for again; the input is kept and saves.
      if (cell.fault === '401' && (cell.op === 'create' || cell.op === 'set')) {
        await signInAgainAndSave(page, cell.op, { key, newName, typed, sent, forbidden });
        expect(await remainingHttpFaults(request, pattern)).toEqual([]);
        const consoleText = recorder.console.join('\n');
        for (const secret of forbidden) expect(consoleText.includes(secret), `"${secret.slice(0, 10)}…" in the console`).toBe(false);
        return;
      }

      // ---- 401: the session ends, the user is on sign-in with the notice, the tokens are gone.
      if (cell.fault === '401') {
        await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
        await expect(page.getByText('Your session ended. Sign in again to continue where you were.')).toBeVisible();
        expect(await page.evaluate((k) => sessionStorage.getItem(k), SESSION_KEY)).toBeNull();
        expect(sent).toHaveLength(1);
        const text = await visibleText(page);
        for (const secret of forbidden) expect(text.includes(secret), `"${secret.slice(0, 10)}…" on screen`).toBe(false);
        // The typed input went with the page: the dialogs are gone.
        await expect(page.getByRole('dialog')).toHaveCount(0);
        expect(await remainingHttpFaults(request, pattern)).toEqual([]);
        return;
      }

      // ---- A reveal that times out once: progress while waiting, then the value from the retry.
      if (recovers(cell)) {
        await expect(cell.op === 'reveal' ? row(page, key).getByLabel(`Revealing ${key}`) : page.getByLabel('Revealing all values')).toBeVisible();
        await expect(row(page, key).getByLabel(`Value of ${key}`, { exact: true })).toHaveText(value, { timeout: HTTP_TIMEOUT_MS + 7_000 });
        await expect(page.getByRole('alert')).toHaveCount(0);
        expect(sent).toHaveLength(2);
        const starts = await fetchStarts(page, cell, key);
        expect(starts).toHaveLength(2);
        expect(starts[1]! - starts[0]!, 'timeout + first backoff').toBeGreaterThanOrEqual(HTTP_TIMEOUT_MS + 500 - 20);
        expect(await remainingHttpFaults(request, pattern), 'fault rule consumed').toEqual([]);
        const consoleText = recorder.console.join('\n');
        for (const secret of forbidden) expect(consoleText.includes(secret), `"${secret.slice(0, 10)}…" in the console`).toBe(false);
        return;
      }

      // ---- A clear message: the server's message and request id when it gave them.
      const alert = errorAlert(page, cell, key, newName);
      await expect(alert).toBeVisible({ timeout: errorTimeout });
      await expect(alert).toContainText(expectedMessage(cell));
      if (isStatus(cell.fault)) {
        await expect(alert).toContainText(`req_${cell.op}_${cell.fault}`);
        await expect(alert).toContainText(/[Rr]equest id/);
      }
      if (cell.fault === '403' && cell.op === 'list') await expect(alert).toContainText('Ask an admin for a token with Read scope');
      if (cell.fault === '403' && (cell.op === 'create' || cell.op === 'set')) await expect(alert).toContainText('Your token is read-only');
      if (cell.op === 'create' && cell.fault === '409') {
        await expect(page.getByRole('link', { name: `Open the existing ${newName}` })).toBeVisible();
      }

      // ---- Retries: reads retried with backoff (or Retry-After) only where they should be; writes never.
      const expectedRequests = retried(cell) ? 4 : 1;
      expect(sent, `${cell.op} requests`).toHaveLength(expectedRequests);
      if (retried(cell)) {
        // Start-to-start gaps, timed in the page: ≥ (timeout, for "no answer") + Retry-After or backoff.
        const starts = await fetchStarts(page, cell, key);
        expect(starts).toHaveLength(4);
        const base = cell.fault === 'timeout' ? HTTP_TIMEOUT_MS : 0;
        const waits = cell.fault === '429' ? [1000, 1000, 1000] : [500, 1000, 2000];
        for (let i = 1; i < starts.length; i++) {
          const gap = starts[i]! - starts[i - 1]!;
          expect(gap, `gap before attempt ${i + 1}`).toBeGreaterThanOrEqual(base + waits[i - 1]! - 20);
          // …and not much more: Retry-After is honoured as given, backoff doubles from 500 ms.
          expect(gap, `gap before attempt ${i + 1}`).toBeLessThan(base + waits[i - 1]! + 1500);
        }
      }
      expect(await remainingHttpFaults(request, pattern), 'fault rule consumed').toEqual([]);

      // ---- No value, canary or token in what the user sees or in the console.
      const text = await visibleText(page);
      for (const secret of forbidden) expect(text.includes(secret), `"${secret.slice(0, 10)}…" on screen`).toBe(false);

      // ---- Nothing typed is lost, and the page stays usable: trying again succeeds.
      if (cell.op === 'list') {
        await alert.getByRole('button', { name: 'Retry' }).click();
        await expect(page.getByRole('table', { name: `Secrets in ${ENV_LABEL}` })).toBeVisible();
        await page.getByRole('searchbox', { name: 'Search keys' }).fill(key);
        await expect(row(page, key)).toBeVisible();
        await expect(page.getByRole('status').filter({ hasText: /of \d+ secrets match/ })).toBeVisible();
      } else if (cell.op === 'reveal') {
        await row(page, key).getByRole('button', { name: `Retry revealing ${key}` }).click();
        await expect(row(page, key).getByLabel(`Value of ${key}`, { exact: true })).toHaveText(value);
      } else if (cell.op === 'revealall') {
        await alert.getByRole('button', { name: 'Retry' }).click();
        await expect(row(page, key).getByLabel(`Value of ${key}`, { exact: true })).toHaveText(value);
        await expect(alert).toHaveCount(0);
      } else if (cell.op === 'copy') {
        await row(page, key).getByRole('button', { name: `Copy ${key}` }).click();
        await expect(page.getByText(`Copied ${key} to the clipboard.`)).toBeVisible();
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);
      } else if (cell.op === 'create') {
        const dialog = page.getByRole('dialog', { name: 'New secret' });
        await expect(dialog.getByRole('textbox', { name: /^Name/ })).toHaveValue(newName);
        await expect(dialog.getByRole('textbox', { name: `Initial value in ${ENV_LABEL}` })).toHaveValue(typed);
        await dialog.getByRole('button', { name: 'Create secret' }).click();
        await expect(dialog).toBeHidden();
        await expect(page.getByText(`Created ${newName}.`)).toBeVisible();
      } else {
        const editor = page.getByRole('dialog', { name: `Set ${key} in ${ENV_LABEL}` });
        await expect(editor.getByRole('textbox', { name: 'New value' })).toHaveValue(typed);
        await editor.getByRole('button', { name: 'Save' }).click();
        await expect(editor).toBeHidden();
        await expect(page.getByText(`Saved the new value of ${key} in ${ENV_LABEL}.`)).toBeVisible();
      }
      // Exactly one more request: the successful one.
      expect(sent, `${cell.op} requests after trying again`).toHaveLength(expectedRequests + 1);

      const consoleText = recorder.console.join('\n');
      for (const secret of forbidden) expect(consoleText.includes(secret), `"${secret.slice(0, 10)}…" in the console`).toBe(false);
    });
  }
});
