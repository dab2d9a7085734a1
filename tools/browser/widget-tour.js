// Checks the recommendation widgets of the demo store in Debian's headless Chromium, as a shopper meets them:
// every placement shows a strip, an impression and a click are tracked (the beacons are answered 204), "Why
// this?" explains, add-to-basket and "add all to basket" work from a widget, lazy widgets fill in. Saves a
// screenshot of each page. Exit 1 on any problem.
// usage: node widget-tour.js [baseUrl] [outDir]
'use strict';
const path = require('path');
const { base, outDir, runTour } = require('./tour');

async function waitForModels(request) {
  for (let i = 0; i < 180; i++) {
    const response = await request.get(base + '/shelfwise/api/recommendations?placement=home-trending&limit=4');
    if (response.ok()) {
      const body = await response.json();
      if (body.items && body.items.length >= 4) return body;
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error('no trained models answered within 3 minutes');
}

runTour('widget-tour', async ({ browser, problems, expect }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const beacons = [];
  page.on('response', r => {
    if (r.url().includes('/shelfwise/api/events')) beacons.push({ body: r.request().postData() || '', status: r.status() });
  });
  await waitForModels(context.request);
  const shot = async (name) => {
    await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
    console.log(`${name}: ${page.url()}`);
  };
  const strip = async (placement, min) => {
    const widget = page.locator(`section[data-shelfwise-widget="${placement}"]`);
    await widget.first().waitFor({ timeout: 15000 }).catch(() => {});
    const n = await widget.locator('.shelfwise-item').count();
    expect(n >= min, `${placement}: ${n} items shown, expected at least ${min} on ${page.url()}`);
    return widget;
  };
  const waitForBeacon = async (type) => {
    for (let i = 0; i < 50 && !beacons.some(b => b.body.includes('type=' + type)); i++) {
      await page.waitForTimeout(100);
    }
    const beacon = beacons.find(b => b.body.includes('type=' + type));
    expect(beacon && beacon.status === 204, `${type} beacon: ${beacon ? 'HTTP ' + beacon.status : 'never sent'}`);
  };

  // home: for you (new visitor: trending fallback) and trending, no item twice
  await page.goto(base + '/', { waitUntil: 'load' });
  const forYou = await strip('home-for-you', 4);
  await strip('home-trending', 4);
  const ids = await page.$$eval('section[data-shelfwise-widget] .shelfwise-name', as => as.map(a => a.dataset.shelfwiseItem));
  expect(new Set(ids).size === ids.length, `home: an item appears in two widgets: ${ids}`);
  await waitForBeacon('impression');
  // "Why this?" opens the reason
  const toggle = forYou.locator('.shelfwise-why-toggle').first();
  await toggle.click();
  expect(await toggle.getAttribute('aria-expanded') === 'true', 'home: "Why this?" did not expand');
  expect(await forYou.locator('.shelfwise-reason').first().isVisible(), 'home: the reason is not shown');
  await shot('20-widgets-home');

  // a click on a recommended product is tracked and opens it
  const first = forYou.locator('.shelfwise-name').first();
  await Promise.all([page.waitForNavigation(), first.click()]);
  await waitForBeacon('click');

  // product page: bought together, also bought, similar (lazy, filled from the JSON endpoint when scrolled to)
  await strip('pdp-also-bought', 4);
  await page.mouse.wheel(0, 3000);
  await strip('pdp-similar', 4);
  const together = page.locator('section[data-shelfwise-widget="pdp-bought-together"]');
  const hasTogether = await together.count() > 0;
  await shot('21-widgets-product');

  // add to basket from a widget
  const before = Number(await page.textContent('.basket-link .count'));
  await Promise.all([page.waitForNavigation(),
    page.locator('section[data-shelfwise-widget="pdp-also-bought"] .shelfwise-add-button').first().click()]);
  const after = Number(await page.textContent('.basket-link .count'));
  expect(after > before, `add to basket from a widget: basket count ${before} -> ${after}`);

  // "add all to basket" from frequently bought together (on a product that has partners)
  if (hasTogether) {
    await page.goBack({ waitUntil: 'load' });
  } else {
    const partnered = await context.request.get(base + '/shelfwise/api/recommendations?placement=pdp-also-bought&limit=1');
    expect(partnered.ok(), 'no product to try bought-together on');
  }
  const togetherNow = page.locator('section[data-shelfwise-widget="pdp-bought-together"] .shelfwise-add-together button');
  if (await togetherNow.count() > 0) {
    const count0 = Number(await page.textContent('.basket-link .count'));
    await Promise.all([page.waitForNavigation(), togetherNow.click()]);
    const count1 = Number(await page.textContent('.basket-link .count'));
    expect(count1 >= count0 + 2, `add all to basket: basket count ${count0} -> ${count1}`);
  } else {
    problems.push('pdp-bought-together: no "add all to basket" on ' + page.url());
  }

  // basket: complete your purchase
  await page.goto(base + '/cart', { waitUntil: 'load' });
  await strip('cart-complete', 3);
  await shot('22-widgets-cart');

  // checkout -> confirmation: you might also like
  await page.goto(base + '/checkout', { waitUntil: 'load' });
  await page.fill('input[name=firstName]', 'Grace');
  await page.fill('input[name=lastName]', 'Hopper');
  await page.fill('input[name=emailAddress]', 'grace@example.com');
  await page.fill('input[name=addressLine1]', '1 Navy Yard');
  await page.fill('input[name=city]', 'Bath');
  await page.fill('input[name=postalCode]', 'BA1 1AA');
  await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit]')]);
  await strip('confirmation', 3);
  await shot('23-widgets-confirmation');

  // search with no results: popular right now
  await page.goto(base + '/search?q=qqqzzzxx', { waitUntil: 'load' });
  await strip('search-empty', 4);
  await shot('24-widgets-search-empty');

  // a category page: trending in the category
  const categoryHref = await page.getAttribute('nav.categories a:nth-child(3)', 'href');
  await page.goto(base + categoryHref, { waitUntil: 'load' });
  const trending = await strip('home-trending', 3);
  const title = await trending.locator('.shelfwise-title').textContent();
  expect(/^Trending in /.test(title), `category: widget title is '${title}'`);
  await shot('25-widgets-category');

  // the JSON endpoint refuses bad input with 4xx and says why
  for (const [query, status] of [['placement=no-such', 404], ['placement=home-trending&limit=5000', 400],
                                 ['placement=home-trending&product=1%3Cscript%3E', 400], ['', 400]]) {
    const r = await context.request.get(base + '/shelfwise/api/recommendations?' + query);
    expect(r.status() === status, `JSON ?${query}: HTTP ${r.status()}, expected ${status}`);
  }
});
