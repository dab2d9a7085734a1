// Walks through the demo store as a shopper and an admin would, in Debian's headless Chromium, and saves a
// screenshot of each page. Fails (exit 1) on any page that is not 2xx or that shows a stack trace.
// usage: node store-tour.js [baseUrl] [outDir]
'use strict';
const path = require('path');
const { base, outDir, runTour } = require('./tour');

runTour('store-tour', async ({ browser, problems }) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const visit = async (name, url) => {
    const response = await page.goto(base + url, { waitUntil: 'load' });
    await check(name, response);
  };
  const check = async (name, response) => {
    const status = response ? response.status() : 0;
    const text = await page.textContent('body');
    if (status < 200 || status >= 300) problems.push(`${name}: HTTP ${status} at ${page.url()}`);
    if (/Exception|\tat [a-z]+\./.test(text)) problems.push(`${name}: stack trace on ${page.url()}`);
    await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: false });
    console.log(`${name}: ${status} ${page.url()}`);
  };

  await visit('01-home', '/');
  const categoryHref = await page.getAttribute('nav.categories a:nth-child(2)', 'href');
  await visit('02-category', categoryHref);
  const productHref = await page.getAttribute('.card h3 a', 'href');
  await visit('03-product', productHref);
  await page.fill('#quantity', '2');
  await Promise.all([page.waitForNavigation(), page.click('form.buy button')]);
  await check('04-cart-after-add', { status: () => 200 });
  await visit('05-search', '/search?q=lantern');
  await page.click('.card .add-form button');
  await page.waitForLoadState('load');
  await visit('06-cart', '/cart');
  await visit('07-checkout', '/checkout');
  await page.fill('input[name=firstName]', 'Ada');
  await page.fill('input[name=lastName]', 'Lovelace');
  await page.fill('input[name=emailAddress]', 'ada@example.com');
  await page.fill('input[name=addressLine1]', '12 St James\'s Square');
  await page.fill('input[name=city]', 'London');
  await page.fill('input[name=postalCode]', 'SW1Y 4JH');
  const [confirmation] = await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit]')]);
  await check('08-confirmation', confirmation);
  await visit('09-not-found', '/no-such-product').catch(() => {});
  problems.splice(problems.findIndex(p => p.startsWith('09-not-found: HTTP 404')), 1);
  await visit('10-login', '/login');
  await page.fill('input[name=username]', 'customer17850@shelfwise.test');
  await page.fill('input[name=password]', 'shopper');
  const [afterLogin] = await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit]')]);
  await check('11-after-login', afterLogin);
  await visit('12-account', '/account');

  const admin = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const adminResponse = await admin.goto(base + '/admin/');
  await admin.screenshot({ path: path.join(outDir, '13-admin-login.png') });
  console.log(`13-admin-login: ${adminResponse.status()} ${admin.url()}`);
  await admin.fill('input[name=j_username]', 'admin');
  await admin.fill('input[name=j_password]', 'admin');
  await Promise.all([admin.waitForNavigation(), admin.click('button[type=submit], input[type=submit]')]);
  await admin.waitForLoadState('networkidle');
  await admin.screenshot({ path: path.join(outDir, '14-admin-home.png') });
  console.log(`14-admin-home: ${admin.url()}`);
  if (/\/login/.test(admin.url())) problems.push('14-admin-home: still on the login page after signing in');
  await admin.goto(base + '/admin/product');
  await admin.waitForLoadState('networkidle');
  await admin.screenshot({ path: path.join(outDir, '15-admin-products.png') });
  console.log(`15-admin-products: ${admin.url()}`);
});
