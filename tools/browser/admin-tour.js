// Checks the admin console's Recommendations module in Debian's headless Chromium, as a store admin uses it: sign
// in, find the module in Broadleaf's menu, train a model and watch its progress bar complete, compare versions
// (table and chart), roll back and activate (the storefront's widget follows), upload a corrupt model file and see
// it refused with the check's findings, run an A/B test with simulated traffic to a verdict, promote the winner and
// undo it on the tuning page, make price suggestions, approve one at an edited price and see it in the shop, look a
// customer up in the privacy tools, read the storefront's health. Saves a screenshot of
// each step. Exit 1 on any problem.
// usage: node admin-tour.js [baseUrl] [outDir]
'use strict';
const crypto = require('crypto');
const path = require('path');
const { base, outDir, runTour } = require('./tour');

async function servedVersion(request) {
  const r = await request.get(base + '/shelfwise/api/recommendations?placement=home-trending&limit=4');
  return r.ok() ? (await r.json()).modelVersions : null;
}

async function waitForServed(request, version) {
  for (let i = 0; i < 60; i++) {
    if (await servedVersion(request) === version) return true;
    await new Promise(r => setTimeout(r, 1000));
  }
  return false;
}

runTour('admin-tour', async ({ browser, problems, expect }) => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  page.on('dialog', d => d.accept());
  const shot = async (name) => {
    await page.screenshot({ path: path.join(outDir, `${name}.png`) });
    console.log(`${name}: ${page.url()}`);
  };
  const flash = async () => (await page.locator('.sw-flash-ok, .sw-flash-error').allTextContents()).join(' | ');

  for (let i = 0; i < 180 && !(await servedVersion(context.request)); i++) {
    await new Promise(r => setTimeout(r, 1000));
  }
  const before = await servedVersion(context.request);
  expect(/^trending@\d+$/.test(before || ''), `the shop serves no trending model (${before})`);

  await page.goto(base + '/admin/login');
  await page.fill('input[name=j_username]', 'admin');
  await page.fill('input[name=j_password]', 'admin');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit], input[type=submit]')]);
  const menu = page.locator('#sidebar', { hasText: 'Recommendations' });
  expect(await menu.count() > 0, 'no Recommendations module in the admin menu');

  await page.goto(base + '/admin/shelfwise/models');
  expect(await page.locator('#sw-placements tr[data-placement]').count() >= 8, 'models: fewer than 8 placements');
  await shot('30-admin-models');

  // train a new trending version and follow its progress bar to the end (the page reloads when it is done)
  const trending = page.locator('#sw-strategy-trending');
  await Promise.all([page.waitForNavigation(), trending.locator('button.sw-train').click()]);
  expect(/Training trending@\d+/.test(await flash()), `train: ${await flash()}`);
  const bar = page.locator('#sw-strategy-trending .sw-progress');
  if (await bar.count() > 0) {
    await page.screenshot({ path: path.join(outDir, '31-admin-training.png') });
    console.log('31-admin-training: progress bar shown');
    await page.waitForNavigation({ timeout: 120000 });
  }
  for (let i = 0; i < 60 && await page.locator('#sw-strategy-trending tr[data-status=TRAINING]').count() > 0; i++) {
    await page.waitForTimeout(1000);
    await page.reload();
  }
  const newest = await page.locator('#sw-strategy-trending tr[data-version]').first().getAttribute('data-version');
  const newestStatus = await page.locator('#sw-strategy-trending tr[data-version]').first().getAttribute('data-status');
  expect(newestStatus === 'READY', `train: ${newest} ended ${newestStatus}`);
  expect(await page.locator('#sw-strategy-trending tr[data-version]').count() >= 2, 'compare: fewer than 2 versions');
  expect(await page.locator('#sw-strategy-trending .sw-chart[data-rendered=true]').count() === 1,
    'compare: the metrics chart was not drawn');
  await trending.scrollIntoViewIfNeeded();
  await shot('32-admin-versions-compared');
  expect(await waitForServed(context.request, newest), `activate: the shop never served ${newest}`);

  // roll back: the shop's widget returns to the previous version; then activate the new one again
  await Promise.all([page.waitForNavigation(), trending.locator('button.sw-rollback').click()]);
  expect(/is back on/.test(await flash()), `rollback: ${await flash()}`);
  await shot('33-admin-rolled-back');
  expect(await waitForServed(context.request, before), `rollback: the shop never went back to ${before}`);
  const row = page.locator(`#sw-strategy-trending tr[data-version="${newest}"]`);
  await Promise.all([page.waitForNavigation(), row.locator('button.sw-activate').click()]);
  expect(/now serves trending/.test(await flash()), `activate: ${await flash()}`);
  expect(await waitForServed(context.request, newest), `activate: the shop never served ${newest} again`);

  // a bring-your-own model upload of a corrupt file: refused with the check's findings, recorded FAILED (no
  // Activate button), and the shop keeps serving what it served
  await page.goto(base + '/admin/shelfwise/models');
  const servedBeforeUpload = await servedVersion(context.request);
  const uploadForm = page.locator('#sw-upload-form');
  expect(/csrfToken=/.test(await uploadForm.getAttribute('action') || ''), 'upload: the form has no CSRF token in its URL');
  await uploadForm.locator('input[name=strategy]').fill('my-model');
  await uploadForm.locator('input[name=file]').setInputFiles({
    name: 'corrupt.onnx', mimeType: 'application/octet-stream', buffer: crypto.randomBytes(4096) });
  await Promise.all([page.waitForNavigation(), uploadForm.locator('button.sw-upload-submit').click()]);
  expect(/failed validation/.test(await flash()) && await page.locator('.sw-flash-error').count() === 1,
    `upload: a corrupt file was not refused: ${await flash()}`);
  const findings = await page.locator('#sw-upload-findings').textContent().catch(() => '');
  expect(/ONNX Runtime cannot read/.test(findings), `upload: the findings do not say what is wrong (${findings})`);
  expect(await page.locator('#sw-strategy-my-model tr[data-status=FAILED]').count() >= 1,
    'upload: the FAILED version is not listed');
  expect(await page.locator('#sw-strategy-my-model button.sw-activate').count() === 0,
    'upload: a FAILED version offers Activate');
  await shot('37-admin-upload');
  expect(await servedVersion(context.request) === servedBeforeUpload, 'upload: what the shop serves changed');

  // an A/B test on home-trending: the trained model against popularity; a split that does not add up is refused
  await page.goto(base + '/admin/shelfwise/experiments');
  const form = page.locator('#sw-new-experiment');
  await form.locator('input[name=name]').fill('Trending or popular');
  await form.locator('select[name=placement]').selectOption('home-trending');
  await form.locator('input[name=armPercent]').nth(1).fill('40');
  await Promise.all([page.waitForNavigation(), page.click('button.sw-create')]);
  expect(/90/.test(await flash()) && await page.locator('.sw-flash-error').count() === 1,
    `A/B: a 50/40 split was not refused: ${await flash()}`);
  await form.locator('input[name=name]').fill('Trending or popular');
  await form.locator('select[name=placement]').selectOption('home-trending');
  await form.locator('input[name=armChain]').nth(1).fill('pop:none');
  await Promise.all([page.waitForNavigation(), page.click('button.sw-create')]);
  expect(/Created experiment/.test(await flash()), `A/B create: ${await flash()}`);
  await Promise.all([page.waitForNavigation(), page.click('button.sw-start')]);
  expect(/Started/.test(await flash()), `A/B start: ${await flash()}`);
  let arm = null;
  for (let i = 0; i < 30 && !arm; i++) { // storefront nodes learn of a started experiment within 10 s
    arm = (await (await context.request.get(base + '/shelfwise/api/recommendations?placement=home-trending')).json()).arm;
    if (!arm) await page.waitForTimeout(1000);
  }
  expect(arm === 'A' || arm === 'B', `A/B: the storefront JSON names no arm (${arm})`);
  await page.waitForTimeout(3000); // simulated shoppers arrive between the start and now
  await Promise.all([page.waitForNavigation(), page.click('button.sw-simulate')]);
  expect(/Simulated 2000 shoppers/.test(await flash()), `A/B simulate: ${await flash()}`);
  await page.reload();
  const impressionsA = Number(await page.locator('#sw-arm-metrics tr[data-arm=A] td:nth-child(3)').textContent());
  expect(impressionsA > 100, `A/B: arm A shows ${impressionsA} impressions after the simulation`);
  const verdict = await page.locator('.sw-verdict').textContent();
  expect(/winner: B/.test(verdict), `A/B verdict: ${verdict}`);
  await shot('36-admin-ab-test');
  await Promise.all([page.waitForNavigation(), page.click('button.sw-promote')]);
  expect(/Promoted arm B/.test(await flash()), `A/B promote: ${await flash()}`);

  // the promoted chain is home-trending's saved setting now: the tuning page shows it, the shop serves
  // popularity, and a reset there undoes the promotion (the shop serves the trending model again)
  const servedStrategy = async () => {
    const r = await context.request.get(base + '/shelfwise/api/recommendations?placement=home-trending&limit=4');
    return r.ok() ? ((await r.json()).modelVersions || '').split('@')[0] : null;
  };
  await page.goto(base + '/admin/shelfwise/tuning?placement=home-trending');
  expect((await page.locator('textarea[name=json]').inputValue()).includes('"pop'),
    'tuning: the promoted chain is not home-trending\'s settings');
  let strategy = null;
  for (let i = 0; i < 30 && strategy !== 'pop'; i++) { strategy = await servedStrategy(); if (strategy !== 'pop') await page.waitForTimeout(1000); }
  expect(strategy === 'pop', `after the promotion the shop serves ${strategy} on home-trending, not pop`);
  await shot('36b-admin-promoted-in-tuning');
  await Promise.all([page.waitForNavigation(), page.click('button.sw-reset')]);
  for (let i = 0; i < 30 && strategy !== 'trending'; i++) { strategy = await servedStrategy(); if (strategy !== 'trending') await page.waitForTimeout(1000); }
  expect(strategy === 'trending', `after the reset the shop serves ${strategy} on home-trending, not trending`);

  // the tuning form: blend popularity into the first step and cap one item per category, then preview (not saved)
  await page.goto(base + '/admin/shelfwise/tuning?placement=home-for-you');
  await page.waitForSelector('#sw-tuning-editor[data-ready=true] #sw-chain tr.sw-step');
  await page.locator('#sw-chain tr.sw-step').first().locator('button', { hasText: 'blend in' }).click();
  await page.locator('#sw-chain tr.sw-step').first().locator('select.sw-step-strategy').nth(1).selectOption('pop');
  await page.locator('input[name=sw-rule-maxPerCategory]').fill('1');
  const edited = JSON.parse(await page.locator('textarea[name=json]').inputValue());
  expect(edited.maxPerCategory === 1 && edited.chain[0].blend && edited.chain[0].blend[1].strategy === 'pop',
    `tuning form: the JSON does not follow the form (${JSON.stringify(edited).slice(0, 200)})`);
  await page.fill('input[name=shopper]', '17850');
  await Promise.all([page.waitForNavigation(), page.click('button.sw-preview')]);
  expect(await page.locator('.sw-flash-error').count() === 0, `tuning preview refused: ${await flash()}`);
  expect(await page.locator('#sw-preview tr[data-item]').count() > 0, 'tuning preview: nothing shown');
  const previewed = JSON.parse(await page.locator('textarea[name=json]').inputValue());
  expect(previewed.chain[0].blend && await page.locator('#sw-chain tr.sw-step').first()
    .locator('select.sw-step-strategy').count() === 2, 'tuning form: the blend is gone after the preview');
  await shot('36c-admin-tuning-form');

  // price suggestions: make them, approve one at an edited price, see it in the shop
  await page.goto(base + '/admin/shelfwise/prices');
  await Promise.all([page.waitForNavigation(), page.click('button.sw-make')]);
  for (let i = 0; i < 120 && await page.locator('.sw-run[data-state=DONE], .sw-run[data-state=FAILED]').count() === 0; i++) {
    await page.waitForTimeout(1000);
    await page.reload();
  }
  expect(await page.locator('.sw-run[data-state=DONE]').count() === 1, 'prices: the run did not finish');
  await shot('34-admin-price-suggestions');
  const first = page.locator('#sw-price-table tbody tr').first();
  const name = (await first.locator('td:nth-child(2) a').textContent()).trim();
  await first.locator('input[name=price]').fill('6.66');
  await Promise.all([page.waitForNavigation(), first.locator('button.sw-approve').click()]);
  expect((await flash()).includes('now costs 6.66'), `approve: ${await flash()}`);
  await shot('35-admin-price-approved');
  const shop = await context.newPage();
  await shop.goto(base + '/search?q=' + encodeURIComponent(name));
  expect((await shop.content()).includes('£6.66'), `the shop does not show ${name} at £6.66`);
  await shop.screenshot({ path: path.join(outDir, '38-shop-new-price.png') });
  await shop.close();

  // privacy tools: a seeded customer's history
  await page.goto(base + '/admin/shelfwise/privacy?customer=customer17850%40shelfwise.test');
  const events = await page.locator('#sw-customer').getAttribute('data-events').catch(() => null);
  expect(events !== null && Number(events) > 0, `privacy: no events found for customer17850 (${events})`);
  await shot('39-admin-privacy');

  // health: the storefront server's report (written every 15 s in the demo), with its intake and latency, and
  // the charts drawn from the series
  let nodes = 0;
  for (let i = 0; i < 12 && nodes === 0; i++) {
    await page.goto(base + '/admin/shelfwise/health');
    nodes = await page.locator('#sw-nodes tr[data-node^="storefront"]').count();
    if (nodes === 0) await new Promise(r => setTimeout(r, 5000));
  }
  expect(nodes > 0, 'health: no storefront server has reported');
  expect(await page.locator('#sw-latency tbody tr').count() > 0, 'health: no recommendation latency listed');
  expect(await page.locator('#sw-training tbody tr').count() > 0, 'health: no training run listed');
  await page.waitForSelector('#sw-events-chart[data-rendered]', { timeout: 10000 }).catch(() => null);
  const drawn = await page.locator('#sw-events-chart').getAttribute('data-rendered');
  expect(drawn === 'true' || drawn === 'empty', `health: events chart not drawn (${drawn})`);
  await shot('40-admin-health');
});
