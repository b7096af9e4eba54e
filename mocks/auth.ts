/**
 * Who may call what on the fake: the demo's Bearer tokens and their scopes, and the header value
 * that opens the `/__fake` control routes.
 */
import { HEADERS } from '../src/api/contract.ts';
import { errorResponse } from './responses.ts';

/** The demo's public tokens (this is a fake: they protect nothing). */
export const FAKE_TOKENS = {
  readWrite: 'demo-token',
  read: 'demo-read-token',
  write: 'demo-write-token',
} as const;

interface Scope {
  read: boolean;
  write: boolean;
}

const TOKEN_SCOPES = new Map<string, Scope>([
  [FAKE_TOKENS.readWrite, { read: true, write: true }],
  [FAKE_TOKENS.read, { read: true, write: false }],
  [FAKE_TOKENS.write, { read: false, write: true }],
]);

/** 'any': a read or a write token (list environments and providers, list/look up apps). */
export type Access = 'control' | 'open' | 'any' | 'read' | 'write';

/** The value of the control header that opens the `/__fake` routes. */
export const FAKE_CONTROL_VALUE = '1';

/** The 401/403 a request gets for lack of a token with the scope `access` needs; null when allowed. */
export function authorize(request: Request, access: Access): Response | null {
  if (access === 'control' || access === 'open') return null;
  const header = request.headers.get(HEADERS.authorization);
  const token = header ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
  const scope = token === undefined ? undefined : TOKEN_SCOPES.get(token);
  if (!scope) {
    return errorResponse(401, header ? 'The API access token is invalid or expired' : 'An API access token is required (Authorization: Bearer <token>)');
  }
  if (access === 'read' && !scope.read) return errorResponse(403, 'This token does not have the Read scope needed to read secrets');
  if (access === 'write' && !scope.write) return errorResponse(403, 'This token does not have the Write scope needed to change secrets');
  return null;
}
