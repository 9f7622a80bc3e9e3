// The benchmark: the release app at 1k, 10k and 100k customers in Debian's
// headless Chromium, beside a raw IndexedDB baseline in plain JavaScript on
// the same records in the same browser. Writes bench/results.json and prints
// a Markdown table. A benchmark, not a test: it never fails on a number.
//
// Run it with `bash .ci/bench` (which builds the release app first).
// Environment: BENCH_SIZES (default 1000,10000,100000), BENCH_RUNS (5), BENCH_SEED (2026),
// BENCH_OUT (default bench/results.json).
import { chromium } from '@playwright/test';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const distRoot = process.env.BENCH_DIST_ROOT ?? path.join(root, 'target/bench-root');
const dist = path.join(distRoot, 'dossier');
// The size is measured on the build people download, without the benchmark's hooks.
const bundleDist = path.join(process.env.BENCH_BUNDLE_ROOT ?? path.join(root, 'target/bench-bundle'), 'dossier');
// A size is a customer count, optionally with the customers written per
// transaction after a slash (by default all in one, as a restore or an
// import writes them; 100000/100 is an archive grown by small saves).
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000,100000/100').split(',').map((s) => {
  const [count, batch] = s.split('/').map(Number);
  return { key: s, count, batch: batch || count };
});
const runs = Number(process.env.BENCH_RUNS ?? 5);
const seed = Number(process.env.BENCH_SEED ?? 2026);
const port = 4180;
const out = process.env.BENCH_OUT ?? path.join(here, 'results.json');
const url = `http://127.0.0.1:${port}/dossier/`;
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const launch = (profile) => chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', args, viewport: { width: 1400, height: 900 }, locale: 'en-US',
});

// In-page probes, installed before the app starts: when the first rows show,
// when the whole list is searchable, and the wasm instance (for its memory).
const probes = (expect) => {
  window.__bench = { expect };
  addEventListener('dossier:wasm', (e) => { window.__bench.wasm = e.detail?.wasm; });
  const watch = new MutationObserver(() => {
    const b = window.__bench;
    if (b.firstRows === undefined && document.querySelector('.row')) b.firstRows = performance.now();
    const count = document.querySelector('.page-head .count')?.textContent ?? '';
    const m = count.match(/^(\d+) of (\d+)/);
    if (b.searchable === undefined && m && m[2] === String(b.expect) && m[1] === m[2]) b.searchable = performance.now();
    if (b.firstRows !== undefined && b.searchable !== undefined) watch.disconnect();
  });
  document.addEventListener('DOMContentLoaded', () => watch.observe(document.body, { childList: true, subtree: true, characterData: true }));
};

/** Time from an action in the page to the first DOM change matching `done`. */
async function timeInPage(page, action, done, arg) {
  return page.evaluate(async ({ action, done, arg }) => {
    const act = new Function('arg', action);
    const finished = new Function('arg', done);
    return new Promise((resolve) => {
      let t0;
      const obs = new MutationObserver(() => {
        if (finished(arg)) { obs.disconnect(); resolve(performance.now() - t0); }
      });
      obs.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      t0 = performance.now();
      act(arg);
    });
  }, { action, done, arg });
}

const search = (text) => ({
  action: `const el = document.getElementById('customer-search'); el.value = arg; el.dispatchEvent(new Event('input', { bubbles: true }));`,
  done: `return document.querySelector('.page-head .count')?.textContent !== window.__bench.countBefore;`,
  arg: text,
});

async function measureApp(profile, size) {
  const ctx = await launch(profile);
  await ctx.addInitScript(probes, size);
  const page = ctx.pages()[0] ?? await ctx.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__bench?.firstRows !== undefined && window.__bench?.searchable !== undefined, null, { timeout: 600_000 });
  const r = await page.evaluate(() => ({ firstRows: window.__bench.firstRows, searchable: window.__bench.searchable }));
  // The app marks when the browser handed it the open archive: what comes
  // before is the browser opening its database, the same for any page.
  await page.waitForFunction(() => performance.getEntriesByName('dossier:list-complete').length > 0);
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name.replace('dossier:', ''), m.startTime])));
  const opened = marks.opened;
  r.appStarted = marks.started;
  r.archiveOpened = opened;
  // Start-up after the first screen, step by step: the row log read, replayed
  // into rows, the search index built.
  r.logRead = marks['log-read'] - marks['first-screen'];
  r.logReplay = marks['rows-parsed'] - marks['log-read'];
  r.indexBuild = marks['index-built'] - marks['rows-parsed'];
  r.firstRowsAfterOpen = r.firstRows - opened;
  r.searchableAfterOpen = r.searchable - opened;
  // Search: keystroke to updated results, for a name, a phone and a Chinese fragment.
  for (const [key, text] of [['searchName', 'Harbour'], ['searchPhone', '1390'], ['searchChinese', '华联']]) {
    await page.evaluate(() => { window.__bench.countBefore = document.querySelector('.page-head .count').textContent; });
    const s = search(text);
    r[key] = await timeInPage(page, s.action, s.done, s.arg);
    await page.evaluate(() => { window.__bench.countBefore = document.querySelector('.page-head .count').textContent; });
    const c = search('');
    await timeInPage(page, c.action, c.done, c.arg);
  }
  // Search typed key by key ("Harbour"): input event to every effect done, per key.
  const keys = await page.evaluate(async (word) => {
    const times = [];
    for (let k = 1; k <= word.length; k++) {
      times.push(await new Promise((resolve) => {
        const t0 = performance.now();
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now() - t0);
        const el = document.getElementById('customer-search');
        el.value = word.slice(0, k);
        el.dispatchEvent(new Event('input', { bubbles: true }));
        ch.port2.postMessage(0);
      }));
      await new Promise((r) => setTimeout(r, 50));
    }
    return times;
  }, 'Harbour');
  r.searchTypedMedian = [...keys].sort((a, b) => a - b)[Math.floor(keys.length / 2)];
  r.searchTypedLast = keys[keys.length - 1];
  {
    await page.evaluate(() => { window.__bench.countBefore = document.querySelector('.page-head .count').textContent; });
    const c = search('');
    await timeInPage(page, c.action, c.done, c.arg);
  }
  // Scroll the whole list top to bottom, a viewport per frame: longest frame and
  // frames over 25 ms, beside the same page's idle frames (headless has no GPU).
  Object.assign(r, await page.evaluate(async () => {
    const idle = [];
    let prev = performance.now();
    for (let i = 0; i < 60; i++) {
      await new Promise((res) => requestAnimationFrame(res));
      const now = performance.now(); idle.push(now - prev); prev = now;
    }
    const body = document.querySelector('.grid-body');
    const steps = Math.min(400, Math.ceil(body.scrollHeight / body.clientHeight));
    const frames = [];
    let last = performance.now();
    for (let i = 0; i < steps; i++) {
      body.scrollTop = (i + 1) * body.scrollHeight / steps;
      await new Promise((res) => requestAnimationFrame(res));
      const now = performance.now(); frames.push(now - last); last = now;
    }
    body.scrollTop = 0;
    await new Promise((res) => requestAnimationFrame(res));
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return {
      scrollLongestFrame: Math.max(...frames),
      scrollMedianFrame: median(frames),
      scrollDropped: frames.filter((f) => f > 25).length,
      scrollFrames: frames.length,
      idleMedianFrame: median(idle),
      idleLongestFrame: Math.max(...idle),
    };
  }));
  // Memory after the list shows: JS heap plus wasm linear memory.
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const wasmBytes = await page.evaluate(() => window.__bench.wasm?.memory?.buffer?.byteLength ?? 0);
  r.memoryMB = (metrics.JSHeapUsedSize + wasmBytes) / 1e6;
  r.wasmMemoryMB = wasmBytes / 1e6;
  // Open a customer; save an edit (mark reviewed) until it is committed.
  r.openCustomer = await timeInPage(page,
    `document.querySelectorAll('.row')[3].click();`,
    `return !!document.querySelector('.customer-page h1');`);
  const save = () => timeInPage(page,
    `[...document.querySelectorAll('.toast')].forEach((t) => t.remove());
     [...document.querySelectorAll('.customer-page .actions button')].find((b) => b.textContent === 'Mark reviewed').click();`,
    `return [...document.querySelectorAll('.toast')].some((t) => t.textContent === 'Marked as reviewed.');`);
  r.saveEdit = await save();
  // The first open and save after start-up also pay for the browser compiling
  // that code and for the archive's first write; then the same again, warm.
  const warmOpen = [], warmSave = [];
  for (let k = 0; k < 3; k++) {
    await page.goBack();
    await page.waitForSelector('.row');
    await page.waitForTimeout(200);
    warmOpen.push(await timeInPage(page,
      `document.querySelectorAll('.row')[${4 + k}].click();`,
      `return !!document.querySelector('.customer-page h1');`));
    await page.waitForTimeout(200);
    warmSave.push(await save());
  }
  const mid = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  r.openCustomerWarm = mid(warmOpen);
  r.saveEditWarm = mid(warmSave);
  // The same work as start-up and search, on as many generated rows, in the
  // page without IndexedDB: steadier than the figures above on a busy machine.
  const [replayMs, indexMs, searchMs] = await page.evaluate((n) => Array.from(window.wasmBindings.benchLoad(n, 2026)), size);
  Object.assign(r, { inPageReplay: replayMs, inPageIndex: indexMs, inPageSearch: searchMs / 3 });
  // The Analysis page's figures, for 10,000 customers with 10 transactions each, whatever the size.
  const [analysisMs] = await page.evaluate(() => Array.from(window.wasmBindings.benchAnalysis(10000, 10, 2026)));
  r.analysis = analysisMs;
  // Complaints and visits: statistics, a work list and every due list, for 10,000 customers with 20,000 complaints.
  const [serviceMs, statsMs, workMs, dueMs] = await page.evaluate(() => Array.from(window.wasmBindings.benchService(10000, 20000, 2026)));
  Object.assign(r, { service: serviceMs, serviceStats: statsMs, serviceWork: workMs, serviceDue: dueMs });
  // Files, at sizes an agency's archive has (a 100k backup is built in memory; see the README).
  if (size <= 10000) {
    const [backup, sealed, restore, exportCsv, importCsv, backupBytes, imported] =
      await page.evaluate(() => window.wasmBindings.benchFiles('dossier').then((v) => Array.from(v)));
    Object.assign(r, { backup, sealedBackup: sealed, restore, exportCsv, importCsv, backupMB: backupBytes / 1e6, imported });
  }
  await ctx.close();
  return r;
}

/** The raw IndexedDB baseline, in plain JavaScript, on the app's own stored customers. */
async function measureBaseline(profile) {
  const ctx = await launch(profile);
  const page = ctx.pages()[0] ?? await ctx.newPage();
  // Same origin as the app, so the same databases, but without the app running.
  await page.goto(`http://127.0.0.1:${port}/`);
  const r = await page.evaluate(async () => {
    const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const done = (tx) => new Promise((res, rej) => { tx.oncomplete = res; tx.onerror = () => rej(tx.error); tx.onabort = () => rej(tx.error); });
    const t0 = performance.now();
    const db = await req(indexedDB.open('dossier'));
    const coldOpen = performance.now() - t0;
    const all = await req(db.transaction('customers').objectStore('customers').getAll());
    const coldOpenGetAll = performance.now() - t0;
    const t1 = performance.now();
    await req(db.transaction('customers').objectStore('customers').getAll());
    const getAll = performance.now() - t1;
    await req(indexedDB.deleteDatabase('raw-baseline'));
    const open = indexedDB.open('raw-baseline', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('customers', { keyPath: 'id' });
    const raw = await req(open);
    const t2 = performance.now();
    const tx = raw.transaction('customers', 'readwrite');
    const store = tx.objectStore('customers');
    for (const c of all) store.put(c);
    await done(tx);
    const bulkPut = performance.now() - t2;
    const ids = all.map((c) => c.id);
    const gets = [];
    for (let i = 0; i < 50; i++) {
      const id = ids[(i * 7919) % ids.length];
      const t = performance.now();
      await req(raw.transaction('customers').objectStore('customers').get(id));
      gets.push(performance.now() - t);
    }
    const puts = [];
    for (let i = 0; i < 20; i++) {
      const c = { ...all[(i * 104729) % all.length], rev: 999 };
      const t = performance.now();
      const w = raw.transaction('customers', 'readwrite');
      w.objectStore('customers').put(c);
      await done(w);
      puts.push(performance.now() - t);
    }
    raw.close();
    db.close();
    await req(indexedDB.deleteDatabase('raw-baseline'));
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return { records: all.length, coldOpen, coldOpenGetAll, getAll, bulkPut, singleGet: median(gets), singlePut: median(puts) };
  });
  await ctx.close();
  return r;
}

// What the browser fetches before the first rows (the wasm, its JS glue, the
// CSS), and the split-off pages' wasm it fetches once the list is in
// (.ci/tools/build-wasm.sh); both gzipped as a static host sends them.
function bundleSizes() {
  const out = {};
  const add = (key, raw, gzip) => {
    out[key] ??= { raw: 0, gzip: 0 };
    out[key].raw += raw;
    out[key].gzip += gzip;
  };
  for (const f of fs.readdirSync(bundleDist, { recursive: true })) {
    const ext = path.extname(f).slice(1);
    if (!['wasm', 'js', 'css'].includes(ext)) continue;
    const bytes = fs.readFileSync(path.join(bundleDist, f));
    const gzip = zlib.gzipSync(bytes, { level: 9 }).length;
    const later = ext === 'wasm' && path.basename(f) !== 'dossier-app_bg.wasm';
    add(later ? 'pages' : ext, bytes.length, gzip);
    add(later ? 'all' : 'total', bytes.length, gzip);
  }
  add('all', out.total?.raw ?? 0, out.total?.gzip ?? 0);
  return out;
}

// The archive's schema version and the row log's segment size: a profile
// filled by an older build would be migrated or read the old way on every
// run, so each gets profiles of its own. `fill` counts changes to what a fill
// leaves beside the archive (2: the copy of the list's first screen; 3: the
// app opened once after the fill; 4: the database's files left to settle,
// see `filledProfile`; 5: an import's customers written in one transaction,
// not 2,000 per transaction).
const fill = 5;
const schemaVersion = fs.readFileSync(path.join(root, 'src/storage/schema.rs'), 'utf8').match(/pub const VERSION: u32 = (\d+);/)[1];
const segmentBytes = fs.readFileSync(path.join(root, 'src/storage/rowlog.rs'), 'utf8').match(/pub const SEGMENT_BYTES: usize = ([\d_]+);/)[1].replace(/_/g, '');

/** Wait until the profile's IndexedDB files have not changed for 10 s (at most 5 minutes). */
async function settled(profile) {
  const root = path.join(profile, 'Default', 'IndexedDB');
  const stamp = () => {
    let out = '';
    for (const f of fs.readdirSync(root, { recursive: true })) {
      // A file LevelDB deletes between the listing and its stat is a change too.
      const st = fs.statSync(path.join(root, f), { throwIfNoEntry: false });
      out += st?.isFile() ? `${f}:${st.size}:${st.mtimeMs};` : `${f}:gone;`;
    }
    return out;
  };
  const t = Date.now();
  let last = stamp();
  let quiet = Date.now();
  while (Date.now() - quiet < 10_000 && Date.now() - t < 300_000) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = stamp();
    if (now !== last) {
      last = now;
      quiet = Date.now();
    }
  }
  process.stderr.write(`database settled after ${((Date.now() - t) / 1000).toFixed(0)} s\n`);
}

/** Fill a profile once per size, seed and schema version; later runs copy it. */
async function filledProfile({ count: size, batch }) {
  const per = batch === size ? '' : `-t${batch}`;
  const dir = path.join(here, 'profiles', `${size}${per}-s${seed}-v${schemaVersion}-b${segmentBytes}-f${fill}`);
  if (fs.existsSync(path.join(dir, 'FILLED'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  const ctx = await launch(dir);
  const page = ctx.pages()[0] ?? await ctx.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.wasmBindings?.benchFill);
  const t = Date.now();
  process.stderr.write(`filling ${size} customers, ${batch} per transaction… `);
  await page.evaluate(([n, s, b]) => window.wasmBindings.benchFill('dossier', n, 3, 5, s, b), [size, seed, batch]);
  process.stderr.write(`${((Date.now() - t) / 1000).toFixed(1)} s\n`);
  // The app opened once, as the archive is on any day after its import: its
  // first start puts the row log in name order (and compacts it). The
  // archive grown by small saves is kept as they left it, to measure that
  // first start.
  if (batch === size) {
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('dossier:settled').length > 0, null, { timeout: 600_000 });
  }
  // Let the database finish tidying its files (LevelDB compacts in the
  // background for a while after a large write): a browser left open does
  // that long before the archive is next opened, and a profile closed half
  // way would make every run's open, the app's and the baseline's, pay for
  // the rest.
  await settled(dir);
  await ctx.close();
  fs.writeFileSync(path.join(dir, 'FILLED'), new Date().toISOString());
  return dir;
}

/** Copy a filled profile for one run, and let the disk take the copy first:
 * a 100k profile is 300 MB, and writing it back while the browser starts
 * would be measured as the app's start. */
function fresh(base, copy) {
  fs.cpSync(base, copy, { recursive: true });
  execFileSync('sync');
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1], runs: s.length };
};

async function main() {
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', distRoot], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 800));
  const results = { createdAt: new Date().toISOString(), machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model }, seed, runs, sizes: {}, bundle: bundleSizes() };
  try {
    for (const size of sizes) {
      const base = await filledProfile(size);
      const app = [], raw = [];
      for (let i = 0; i < runs; i++) {
        const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-'));
        fresh(base, copy);
        raw.push(await measureBaseline(copy));
        fs.rmSync(copy, { recursive: true, force: true });
        fresh(base, copy);
        app.push(await measureApp(copy, size.count));
        fs.rmSync(copy, { recursive: true, force: true });
        process.stderr.write(`${size.key}: run ${i + 1}/${runs}\n`);
      }
      const pick = (list, key) => stats(list.map((x) => x[key]));
      const out = { app: {}, raw: {} };
      for (const k of Object.keys(app[0])) out.app[k] = pick(app, k);
      for (const k of Object.keys(raw[0])) out.raw[k] = pick(raw, k);
      results.sizes[size.key] = out;
    }
  } finally {
    server.kill();
  }
  fs.writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  console.log(table(results));
}

const ms = (s) => s === undefined ? '—' : `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
const ratio = (a, b) => (a && b && b.median > 0) ? `${(a.median / b.median).toFixed(2)}×` : '';

function table(r) {
  const lines = [];
  lines.push(`Dossier benchmark, ${r.createdAt}, ${r.machine.cpus} cores, median (min–max) of ${r.runs} runs, ms unless noted`);
  lines.push('');
  lines.push('| size | measure | app | raw IndexedDB baseline | app / baseline | target |');
  lines.push('|---|---|---|---|---|---|');
  for (const [size, s] of Object.entries(r.sizes)) {
    const a = s.app, b = s.raw;
    const row = (name, av, bv, target = '') => lines.push(`| ${size} | ${name} | ${ms(av)} | ${bv ? ms(bv) : ''} | ${ratio(av, bv)} | ${target} |`);
    row('first rows visible after navigation', a.firstRows, b.coldOpenGetAll, '< 500');
    row('app started: wasm downloaded, compiled and running (navigation → main)', a.appStarted);
    row('archive open (app: navigation → open; baseline: open alone)', a.archiveOpened, b.coldOpen);
    row('first rows visible after the archive opened', a.firstRowsAfterOpen);
    row('whole list searchable after navigation (baseline: cold open → getAll of full records done)', a.searchable, b.coldOpenGetAll, '< 0.5× getAll');
    row('whole list searchable after the archive opened (baseline: getAll)', a.searchableAfterOpen, b.getAll, '< 0.5× getAll');
    row('… of which: row log read, from the first screen (baseline: getAll)', a.logRead, b.getAll);
    row('… of which: row log replayed into rows', a.logReplay);
    row('… of which: search index built', a.indexBuild);
    row('search keystroke → results, name', a.searchName, undefined, '< 30');
    row('search keystroke → results, phone', a.searchPhone, undefined, '< 30');
    row('search keystroke → results, Chinese', a.searchChinese, undefined, '< 30');
    row('search typed key by key (Harbour): median key', a.searchTypedMedian, undefined, '< 30');
    row('search typed key by key (Harbour): last key', a.searchTypedLast, undefined, '< 30');
    row('open a customer', a.openCustomer, b.singleGet, '< 50');
    row('save an edit, committed', a.saveEdit, b.singlePut, '< 30');
    row('open a customer, warm (median of 3 more)', a.openCustomerWarm, b.singleGet, '< 50');
    row('save an edit, warm (median of 3 more)', a.saveEditWarm, b.singlePut, '< 30');
    row('scroll top to bottom: longest frame (baseline: idle page)', a.scrollLongestFrame, a.idleLongestFrame);
    row('scroll top to bottom: median frame (baseline: idle page)', a.scrollMedianFrame, a.idleMedianFrame);
    lines.push(`| ${size} | scroll: frames over 25 ms, of ${a.scrollFrames.median} | ${ms(a.scrollDropped)} | | | |`);
    row('in the page without IndexedDB: row log replayed', a.inPageReplay);
    row('in the page without IndexedDB: search index built', a.inPageIndex);
    row('in the page without IndexedDB: one search over every row', a.inPageSearch, undefined, '< 30');
    row('analysis: every figure of the dashboard, 10,000 customers with 100,000 transactions', a.analysis, undefined, '< 200');
    row('complaint statistics, a work list and every due list, 10,000 customers with 20,000 complaints', a.service, undefined, '< 200');
    lines.push(`| ${size} | memory, JS heap + wasm (MB) | ${ms(a.memoryMB)} | | | < 200 |`);
    if (a.backup) {
      row('backup written (every store, SHA-256 checksum)', a.backup);
      row('backup written, sealed with a passphrase (PBKDF2 600,000 rounds, AES-GCM)', a.sealedBackup);
      row('backup read, checked and restored into an empty archive', a.restore);
      row('customers exported to CSV (with primary contacts)', a.exportCsv);
      row('that CSV imported into an empty archive (read, mapped, checked, one transaction)', a.importCsv);
      lines.push(`| ${size} | backup file (MB) | ${ms(a.backupMB)} | | | |`);
    }
    lines.push(`| ${size} | raw bulk put of all customers, one transaction | | ${ms(b.bulkPut)} | | |`);
  }
  const k = (n) => `${(n / 1024).toFixed(1)} KB`;
  lines.push('');
  lines.push('| bundle | raw | gzip |');
  lines.push('|---|---|---|');
  const parts = [['wasm', 'wasm'], ['js', 'js'], ['css', 'css'], ['total', 'before the first rows (wasm + js + css)'],
    ['pages', 'split-off pages, fetched once the list is in'], ['all', 'everything']];
  for (const [f, name] of parts) lines.push(`| ${name} | ${k(r.bundle[f]?.raw ?? 0)} | ${k(r.bundle[f]?.gzip ?? 0)} |`);
  lines.push(`\nBundle target: gzip < 400 KB before the first rows.`);
  return lines.join('\n');
}

await main();
