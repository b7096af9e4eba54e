import { chromium } from '@playwright/test';
const base = process.argv[2]!;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--disable-quic'] });
for (let run = 0; run < 4; run++) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    sessionStorage.setItem('secrets-dashboard.session', JSON.stringify({ baseUrl: '/api', readToken: 'demo-token', demo: false }));
    (window as any).__firstRow = 0;
    new MutationObserver(() => { if (!(window as any).__firstRow && document.querySelector('[role=row][aria-rowindex="2"]')) (window as any).__firstRow = performance.now(); }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await page.goto(`${base}/apps/app_payments/development`);
  await page.waitForFunction(() => (window as any).__firstRow > 0);
  const t = await page.evaluate(() => {
    const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const lt: any[] = [];
    return {
      firstRow: (window as any).__firstRow,
      nav: { responseEnd: nav.responseEnd, domInteractive: nav.domInteractive, domContentLoaded: nav.domContentLoadedEventEnd },
      res: res.filter((r) => r.name.includes('/api/') || r.name.includes('secrets-route') || r.name.includes('index-')).map((r) => `${r.name.replace(location.origin, '').slice(0, 60)} start=${r.startTime.toFixed(0)} end=${r.responseEnd.toFixed(0)} size=${r.encodedBodySize}`),
    };
  });
  if (run === 3) console.log(JSON.stringify(t, null, 1)); else console.log('firstRow', t.firstRow);
  await context.close();
}
await browser.close();
