// Renders forms/manual-review.form with form-js in headless Chromium, the way Camunda Tasklist does:
// it fetches only the variables getSchemaVariables() finds in the form, imports them as form data,
// then takes a screenshot, and for the first case submits the form (empty, then DECLINE + comment).
//
//   node render.mjs [--form ../../forms/manual-review.form] [--vars sample-variables.json] [--out /tmp/manual-review-preview]
//
// Exit code 0 when every case rendered without import or FEEL errors and the submit returned exactly
// { reviewDecision, reviewComment } with no validation error; 1 otherwise.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), [])
);
const formPath = path.resolve(args.form ?? path.join(here, '../../forms/manual-review.form'));
const varsPath = path.resolve(args.vars ?? path.join(here, 'sample-variables.json'));
const outDir = path.resolve(args.out ?? path.join(os.tmpdir(), 'manual-review-preview'));
const browserPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
fs.mkdirSync(outDir, { recursive: true });

const formJsDist = path.join(path.dirname(require.resolve('@bpmn-io/form-js/package.json')), 'dist');
const formJsVersion = require('@bpmn-io/form-js/package.json').version;

const page = `<!doctype html>
<html><head><meta charset="utf-8"><title>manual-review preview</title>
<link rel="stylesheet" href="/assets/form-js.css">
<link rel="stylesheet" href="/assets/flatpickr/light.css">
<style>body{font-family:"IBM Plex Sans",Arial,sans-serif;margin:0;background:#f4f4f4}
#frame{max-width:880px;margin:16px auto;background:#fff;padding:16px 24px;border:1px solid #ddd}
#case{font:12px monospace;color:#666;margin-bottom:8px}</style>
<script src="/form-viewer.umd.js"></script></head>
<body><div id="frame"><div id="case"></div><div id="form"></div></div></body></html>`;

const files = {
  '/': ['text/html', () => page],
  '/form-viewer.umd.js': ['text/javascript', () => fs.readFileSync(path.join(formJsDist, 'form-viewer.umd.js'))],
  '/assets/form-js.css': ['text/css', () => fs.readFileSync(path.join(formJsDist, 'assets/form-js.css'))],
  '/assets/flatpickr/light.css': ['text/css', () => fs.readFileSync(path.join(formJsDist, 'assets/flatpickr/light.css'))],
};
const server = http.createServer((req, res) => {
  const file = files[new URL(req.url, 'http://x').pathname];
  if (!file) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': file[0] }).end(file[1]());
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/`;

const schema = JSON.parse(fs.readFileSync(formPath, 'utf8'));
const cases = JSON.parse(fs.readFileSync(varsPath, 'utf8'));
const browser = await chromium.launch({
  executablePath: browserPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

let failed = false;
const fail = (msg) => {
  failed = true;
  console.log(`  FAIL ${msg}`);
};
console.log(`form-js ${formJsVersion} (form-viewer.umd.js), form ${formPath}`);

try {
  for (const [caseName, variables] of Object.entries(cases)) {
    const context = await browser.newContext({ viewport: { width: 960, height: 900 } });
    const tab = await context.newPage();
    await tab.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    const consoleLines = [];
    tab.on('console', (m) => ['error', 'warning'].includes(m.type()) && consoleLines.push(`${m.type()}: ${m.text()}`));
    tab.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
    await tab.goto(base);

    const imported = await tab.evaluate(async ({ schema, variables, caseName }) => {
      document.getElementById('case').textContent = `case: ${caseName}`;
      // Tasklist: variable names = getSchemaVariables(schema); only those are fetched and passed as data.
      const names = FormViewer.getSchemaVariables(schema);
      const data = Object.fromEntries(names.filter((n) => n in variables).map((n) => [n, JSON.parse(JSON.stringify(variables[n]))]));
      const form = new FormViewer.Form({ container: document.getElementById('form') });
      window.form = form;
      const { warnings } = await form.importSchema(schema, data);
      return { names, passed: Object.keys(data), warnings: warnings.map((w) => String(w.message ?? w)) };
    }, { schema, variables, caseName });
    await tab.waitForTimeout(300);

    console.log(`\n== case ${caseName}`);
    console.log(`  variables the form asks for (getSchemaVariables): ${imported.names.join(', ')}`);
    const missing = Object.keys(variables).filter((n) => !imported.names.includes(n));
    if (missing.length) console.log(`  process variables the form does not fetch: ${missing.join(', ')}`);
    imported.warnings.forEach((w) => fail(`import warning: ${w}`));

    const view = await tab.evaluate(() => ({
      texts: [...document.querySelectorAll('.fjs-form-field-text')].map((e) => e.innerText.trim()),
      tables: [...document.querySelectorAll('.fjs-form-field-table')].map((t) => ({
        label: t.querySelector('.fjs-form-field-label')?.innerText.trim(),
        rows: [...t.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((c) => c.innerText.trim())),
      })),
    }));
    view.texts.forEach((t, i) => {
      console.log(`  text[${i}]:\n    ${t.replace(/\n+/g, '\n    ')}`);
      // feelers shows a template it cannot evaluate as {{⚠}}, without logging anything
      if (/\{\{|\}\}|⚠/.test(t)) fail(`text[${i}] shows an unevaluated template`);
    });
    for (const t of view.tables) {
      console.log(`  table "${t.label}": ${t.rows.length} row(s) shown; first: ${JSON.stringify(t.rows[0] ?? null)}`);
      if (t.rows.length === 1 && t.rows[0].length === 1) console.log('    (table has no rows)');
    }
    const shot = path.join(outDir, `manual-review-${caseName}.png`);
    await tab.screenshot({ path: shot, fullPage: true });
    console.log(`  screenshot ${shot}`);

    if (caseName === Object.keys(cases)[0]) {
      const empty = await tab.evaluate(() => window.form.submit());
      console.log(`  submit untouched form -> errors ${JSON.stringify(empty.errors)}`);
      // errors are keyed by component id
      if (!empty.errors.Radio_ReviewDecision || !empty.errors.Textarea_ReviewComment) fail('empty submit should flag the decision and the comment');
      await tab.getByRole('radio', { name: 'Decline the payment' }).check();
      const comment = tab.getByRole('textbox', { name: /^Comment/ });
      await comment.fill('Customer confirmed by phone that the card was stolen; declining.');
      await comment.blur(); // form-js debounces typing and flushes on blur, as clicking Tasklist's "Complete Task" does
      await tab.waitForTimeout(400);
      const sent = await tab.evaluate(() => window.form.submit());
      console.log(`  submit with DECLINE + comment -> data ${JSON.stringify(sent.data)}`);
      console.log(`  validation errors ${JSON.stringify(sent.errors)}`);
      if (Object.keys(sent.errors).length) fail('validation errors on a filled form');
      const keys = Object.keys(sent.data).sort().join(',');
      if (keys !== 'reviewComment,reviewDecision') fail(`submitted keys are [${keys}], expected exactly reviewComment,reviewDecision`);
      if (sent.data.reviewDecision !== 'DECLINE') fail('reviewDecision is not DECLINE');
      const filled = path.join(outDir, `manual-review-${caseName}-submitted.png`);
      await tab.screenshot({ path: filled, fullPage: true });
      console.log(`  screenshot ${filled}`);
    }
    consoleLines.forEach((l) => fail(`browser console ${l}`));
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(failed ? '\nRESULT: problems found' : '\nRESULT: ok');
process.exit(failed ? 1 : 0);
