/** Shared by playwright.config.ts and the specs. */
export const DEMO_PORT = 4173;
export const HTTP_PREVIEW_PORT = 4174;
export const HTTP_FAKE_PORT = 8788;
export const HTTP_FAKE_URL = `http://127.0.0.1:${HTTP_FAKE_PORT}`;
/** A distinctive value the HTTP fake sets for CANARY_TOKEN_1..3 in every environment of the first app. */
export const CANARY = 'CANARY-9f27c1-do-not-leak';
/** The HTTP fake's environments (`--envs 4`), in its order. */
export const HTTP_ENVS = [
  { id: 'env_dev', label: 'Development' },
  { id: 'env_qa', label: 'QA' },
  { id: 'env_staging', label: 'Staging' },
  { id: 'env_prod', label: 'Production' },
] as const;
/** Apps of the generated HTTP dataset: app_payments, then app_0002 … */
export const HTTP_APPS = 80;
/** The HTTP fake's extra app (`--gaps-app`): some values missing in some environments; only the overview's specs use it. */
export const GAPS_APP = 'app_gaps';
/** The http project's request timeout (API_TIMEOUT_MS), short so that "no answer" cells run fast. */
export const HTTP_TIMEOUT_MS = 2000;
/** The prod project: `npm run serve` (nginx) on this port, proxying /api/ to the http project's fake. */
export const PROD_PORT = 4175;
