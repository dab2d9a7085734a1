// What the browser tours share: the store's base URL and the screenshot folder from the command line
// ([baseUrl] [outDir]), Debian's headless Chromium, a list of problems, and exit 1 when there are any.
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');

const base = (process.argv[2] || 'http://localhost:8080').replace(/\/$/, '');
const outDir = process.argv[3] || path.join(__dirname, '..', '..', 'artifacts', 'screenshots');

// Runs walk({ browser, problems, expect }) in a fresh Chromium; an exception thrown by it is one more problem.
async function runTour(name, walk) {
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const problems = [];
  const expect = (condition, message) => { if (!condition) problems.push(message); };
  try {
    await walk({ browser, problems, expect });
  } catch (e) {
    problems.push(String(e && e.stack || e));
  } finally {
    await browser.close();
  }
  if (problems.length) {
    console.error(`${name}: ${problems.length} problem(s):\n  ` + problems.join('\n  '));
    process.exit(1);
  }
  console.log(`${name}: passed (screenshots in ${outDir})`);
}

module.exports = { base, outDir, runTour };
