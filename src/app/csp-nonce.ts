/**
 * What index.html's `<meta name="csp-nonce">` holds until a server writes the response's nonce
 * over it (deploy/nginx does); left as is (dev, preview), it means "no nonce".
 */
export const CSP_NONCE_PLACEHOLDER = '__CSP_NONCE__';

/** The Content-Security-Policy nonce the server put in `<meta name="csp-nonce" content="…">`, if any. */
export function cspNonce(): string | undefined {
  const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
  return nonce && nonce !== CSP_NONCE_PLACEHOLDER ? nonce : undefined;
}
