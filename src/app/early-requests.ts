/**
 * The first page's data requests, sent by the entry chunk as soon as it runs (#6). On a direct load
 * of a secrets page with a stored session, the environment list and the app leave at once and, as
 * soon as the URL's slug is found in the list, the masked list — while the app's code is still
 * downloading and compiling; with the list in, it draws the page's first paint (first-paint.ts).
 * The API client takes the responses in flight (api/early-responses.ts) and validates them with
 * their schemas like any other; the slug lookup here only picks the id to ask for.
 *
 * Small (no zod, no React): the entry chunk holds it, first-paint.ts and main.tsx. Anything
 * unexpected — demo mode, no or odd session, another page, an error — sends nothing more: the app
 * then asks itself, as on any navigation.
 */
import { bearer, buildUrl, requests, type HttpRequest } from '@/api/contract-http';
import { sendEarly } from '@/api/early-responses';
import { readStoredSession } from '@/features/session/session-storage';
import { paintFirstPage, type FirstPaintInput } from './first-paint';
import { secretsPageParams } from './paths';

interface EarlySession {
  baseUrl: string;
  readToken: string;
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/** The stored session when it can be used for the early reads (session-store.ts validates it fully). */
function earlySession(stored: unknown): EarlySession | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { baseUrl, readToken, demo } = stored as Record<string, unknown>;
  return nonEmpty(baseUrl) && nonEmpty(readToken) && demo !== true ? { baseUrl, readToken } : null;
}

/** The id of the environment with this slug in a list-environments body, if the body has one. */
export function environmentIdForSlug(body: unknown, slug: string): string | undefined {
  const list = typeof body === 'object' && body !== null ? (body as { environments?: unknown }).environments : undefined;
  if (!Array.isArray(list)) return undefined;
  for (const env of list as unknown[]) {
    if (typeof env !== 'object' || env === null) continue;
    const { slug: envSlug, id } = env as Record<string, unknown>;
    if (envSlug === slug) return nonEmpty(id) ? id : undefined;
  }
  return undefined;
}

/** Draws the first paint of the page with its responses. */
export type PaintFirstPage = (input: Omit<FirstPaintInput, 'viewportHeight'>) => void;

const paintIntoRoot: PaintFirstPage = (input) => void paintFirstPage(document.getElementById('root'), { ...input, viewportHeight: window.innerHeight });

/**
 * Sends the early requests for the page at `location` and, when the masked list is in, draws the
 * page's first paint with them (first-paint.ts) — unless the URL carries a search, which the first
 * paint does not draw. Resolves once that is done, or when there is nothing (more) to send or draw;
 * never rejects.
 */
export async function sendEarlyRequests(
  config: unknown,
  location: Pick<Location, 'pathname' | 'origin' | 'search'>,
  stored: unknown = readStoredSession(),
  paint: PaintFirstPage = paintIntoRoot,
): Promise<void> {
  const page = secretsPageParams(location.pathname);
  const demo = typeof config === 'object' && config !== null && (config as { demo?: unknown }).demo === true;
  const session = page && !demo ? earlySession(stored) : null;
  if (!page || !session) return;
  const send = (request: HttpRequest) => sendEarly(buildUrl(session.baseUrl, request.path, request.query, location.origin), bearer(session.readToken));
  try {
    // The app's name for the header, alongside (the page asks for it too: secrets-loader.ts).
    const app = send(requests.getApp(page.appId, 'Identifier'));
    const environments = send(requests.listEnvironments());
    if (!(await environments.response).ok) return;
    const environmentsBody = await environments.json();
    const envId = environmentIdForSlug(environmentsBody, page.envSlug);
    if (envId === undefined) return;
    const list = send(requests.renderedSecrets({ appId: page.appId, envId, mode: 'PreviewOnly' }));
    if (location.search !== '' || !(await list.response).ok) return;
    const [listBody, appBody] = await Promise.all([
      list.json(),
      // Without the app's name the header shows its id, as the page does when the lookup fails.
      app.response.then((response) => (response.ok ? app.json() : undefined)).catch(() => undefined),
    ]);
    paint({ appId: page.appId, envSlug: page.envSlug, app: appBody, environments: environmentsBody, list: listBody });
  } catch {
    // A network error, an aborted request, a body that is not JSON, a token a header cannot carry:
    // the app's own requests meet the same and say so.
  }
}
