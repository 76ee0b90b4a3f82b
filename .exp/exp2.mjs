import puppeteer from 'puppeteer-core';
import { serveStatic } from '/work/hspeed/scripts/static-server.mjs';
const mode = process.argv[2];
const server = await serveStatic({ '/': '/work/hspeed/storybook-static', '/__axe/': '/work/hspeed/node_modules/axe-core' }, (p) => (p.startsWith('/assets/') || p.startsWith('/__axe/') ? { 'cache-control': 'max-age=3600' } : {}));
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
const id = 'donor-ranking--seed';
let page = await browser.newPage();
const t = performance.now();
for (let i = 0; i < 20; i++) {
  if (mode === 'new') { await page.close(); page = await browser.newPage(); }
  if (mode === 'blank') await page.goto('about:blank');
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${server.base}/iframe.html?id=${id}&viewMode=story&globals=a11y.manual:!true`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.body.classList.contains('sb-show-main'));
  await page.waitForFunction(() => document.querySelector('#storybook-root donor-ranking')?.status === 'ready', { polling: 50 });
}
console.log(mode, ((performance.now() - t) / 20).toFixed(0), 'ms per load');
await browser.close(); await server.close();
