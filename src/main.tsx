// Alone in the entry chunk: config, session, QueryClient and — on a secrets page — the data
// requests, which leave as soon as this small chunk has run, while the app's chunk (preloaded by
// index.html) is still downloading (#6).
import { appMayStart, config, firstRenderMayStart, queryClient } from '@/app/early-data';

// Not a top-level await: the app's chunk imports this chunk's modules, so this module must finish
// evaluating before that one can start.
void appMayStart.then(() => import('@/app/start')).then(({ startApp }) => startApp(config, queryClient, firstRenderMayStart));
