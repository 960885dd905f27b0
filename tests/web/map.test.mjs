// Browser test of the web map: starts `caravan serve` on a free loopback port, drives Debian's
// headless Chromium with playwright-core, plans a route by search box and by clicks, switches the
// objective, checks the error for an unknown name, picks a scenario (before dashed, after solid, the
// change in km, days and USD), and saves screenshots as test artifacts.
// Environment: CARAVAN_BINARY, CARAVAN_WEB_DIR, CARAVAN_ARTIFACT_DIR, CARAVAN_WEB_NETWORK (example).
// Exits 77 (ctest SKIP) with the reason when Chromium or playwright-core is absent.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const chromiumPath = process.env.CARAVAN_CHROMIUM || '/usr/bin/chromium';
const binary = process.env.CARAVAN_BINARY || join(repo, 'build', 'caravan');
const webDir = process.env.CARAVAN_WEB_DIR || join(repo, 'web', 'dist');
const artifacts = process.env.CARAVAN_ARTIFACT_DIR || join(repo, 'build', 'test-artifacts');
const network = process.env.CARAVAN_WEB_NETWORK || 'example';
// The pair to plan: the example network spans Urumqi..Poti; eurasia Lianyungang..Duisburg.
const [FROM, TO] = network === 'eurasia' ? ['Lianyungang', 'Duisburg'] : ['Urumqi', 'Poti'];
// The scenario to pick: eurasia serves its built-in scenarios; the example network the test ones.
const [SCENARIO, S_FROM, S_TO, S_BY] = network === 'eurasia'
  ? ['center-west-highway', 'Astana', 'Irgiz', 'distance']
  : ['fast-beyneu', 'Urumqi', 'Poti', 'time'];
const scenarioArgs = network === 'eurasia' ? [] : ['--scenarios', join(repo, 'tests', 'server', 'scenarios')];

function skip(reason) {
  console.log(`SKIP: ${reason}`);
  process.exit(77);
}
if (!existsSync(chromiumPath)) skip(`no Chromium at ${chromiumPath} (scripts/install-deps web installs it)`);
if (!existsSync(join(webDir, 'index.html'))) skip(`the web page is not built in ${webDir} (make web)`);
if (!existsSync(binary)) skip(`no caravan binary at ${binary}`);
let chromium;
try {
  chromium = createRequire(join(repo, 'web', 'package.json'))('playwright-core').chromium;
} catch {
  skip('playwright-core is not installed (npm ci in web/)');
}

let server;
let base;
let context;
let page;
let profile;
const browserErrors = [];

function startServer() {
  return new Promise((resolve, reject) => {
    const p = spawn(binary, ['serve', '--network', network, '--port', '0', '--threads', '4',
      '--web', webDir, '--quiet', ...scenarioArgs], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`caravan serve printed no URL: ${out}`)), 60000);
    p.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/open (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) { clearTimeout(timer); resolve({ proc: p, url: m[1] }); }
    });
    p.on('exit', (code) => { clearTimeout(timer); reject(new Error(`caravan serve exited with ${code}: ${out}`)); });
  });
}

async function apiRoute(params) {
  const res = await fetch(`${base}route?${new URLSearchParams(params)}`);
  assert.equal(res.status, 200);
  return res.json();
}

/** The drawn pieces of a route: one path per leg section (a run of one geometry source). */
const sectionCount = (r) => r.legs.reduce((n, leg) => n + leg.sections.length, 0);

async function waitStatus(status) {
  await page.waitForSelector(`#app[data-status="${status}"]`, { timeout: 30000 });
}

async function pickBySearch(selector, typed, name) {
  await page.fill(selector, '');
  await page.type(selector, typed, { delay: 30 });
  const item = page.locator(`${selector}-list li`, { hasText: name }).first();
  await item.waitFor({ timeout: 10000 });
  await item.click();
}

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  const s = await startServer();
  server = s.proc;
  base = s.url;
  profile = mkdtempSync(join(tmpdir(), 'caravan-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 860 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  page = context.pages()[0] || await context.newPage();
  page.on('pageerror', (e) => browserErrors.push(String(e)));
  // The 422 of the unknown-name step is expected; any other failed load or script error is not.
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 422/.test(m.text())) browserErrors.push(m.text());
  });
});

after(async () => {
  if (context) await context.close();
  if (server) server.kill('SIGTERM');
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test('the page loads the basemap and the network', async () => {
  await page.goto(base);
  await waitStatus('ready');
  const health = await (await fetch(`${base}health`)).json();
  // One circle per node; the basemap draws many country paths.
  assert.equal(await page.locator('path.node').count(), health.nodes);
  assert.ok(await page.locator('.leaflet-basemap-pane path').count() > 100);
  assert.match(await page.textContent('#network-info'), new RegExp(`^${health.nodes} places`));
});

test(`route ${FROM} -> ${TO} picked by search box: line and leg table`, async () => {
  await pickBySearch('#from', FROM.slice(0, 4), FROM);
  await pickBySearch('#to', TO.slice(0, 3), TO);
  await waitStatus('routed');
  const expected = await apiRoute({ from: FROM, to: TO, by: 'time' });
  const rows = page.locator('#legs tbody tr.leg');
  assert.equal(await rows.count(), expected.legs.length);
  assert.equal(await page.locator('path.route-leg').count(), sectionCount(expected));
  for (let i = 0; i < expected.legs.length; i++) {
    const cells = await rows.nth(i).locator('td').allTextContents();
    assert.equal(cells[1], expected.legs[i].from);
    assert.equal(cells[2], expected.legs[i].to);
    assert.equal(cells[3], expected.legs[i].mode);
    // Each leg is drawn in its mode's class (the colour comes with it), one path per section.
    assert.equal(await page.locator(`path.route-leg-${i}.mode-${expected.legs[i].mode}`).count(),
      expected.legs[i].sections.length);
  }
  assert.equal(await page.locator('#legs tbody tr.transfer').count(), expected.transfers.length);
  assert.equal(await page.locator('.transfer-icon').count(), expected.transfers.length);
  assert.ok(await page.locator('.border-icon').count() >= 1);
  const km = expected.total.km.toLocaleString('en-US', { maximumFractionDigits: 0 });
  assert.equal(await page.textContent('dd[data-total="distance"]'), `${km} km`);
  assert.equal(await page.textContent('dd[data-total="by"]'), 'time');
  await page.screenshot({ path: join(artifacts, 'web-route.png') });
});

test('alternatives are listed and drawn on click', async () => {
  const res = await fetch(`${base}alternatives?${new URLSearchParams({ from: FROM, to: TO, by: 'time', k: 3 })}`);
  assert.equal(res.status, 200);
  const expected = await res.json();
  if (expected.routes.length < 2) return; // nothing to choose from: the section stays hidden
  await page.waitForSelector('#alternatives:not([hidden])', { timeout: 30000 });
  const rows = page.locator('#alternatives-table tbody tr.alternative');
  assert.equal(await rows.count(), expected.routes.length);
  await rows.nth(1).click();
  const second = expected.routes[1];
  assert.equal(await page.locator('#legs tbody tr.leg').count(), second.legs.length);
  const km = second.total.km.toLocaleString('en-US', { maximumFractionDigits: 0 });
  assert.equal(await page.textContent('dd[data-total="distance"]'), `${km} km`);
});

test('the corridor comparison lists each corridor and draws one on click', async () => {
  const res = await fetch(`${base}compare?${new URLSearchParams({ from: FROM, to: TO, by: 'time' })}`);
  assert.equal(res.status, 200);
  const expected = await res.json();
  await page.waitForSelector('#compare:not([hidden])', { timeout: 30000 });
  // One row per corridor that connects the places, in the API's rank order; one line for the rest.
  const connecting = expected.corridors.filter((c) => c.connects);
  assert.ok(connecting.length >= 1);
  const rows = page.locator('#corridors tbody tr.corridor');
  assert.equal(await rows.count(), connecting.length);
  for (let i = 0; i < connecting.length; i++) {
    assert.equal(await rows.nth(i).locator('td').nth(1).textContent(), connecting[i].corridor);
  }
  const others = expected.corridors.length - connecting.length;
  if (others > 0) assert.match(await page.textContent('#corridors tr.none'), new RegExp(`^${others} more corridor`));
  // Draw the last corridor that connects: its legs replace the table's.
  const pick = connecting[connecting.length - 1];
  await page.click(`#corridors tr[data-corridor="${pick.corridor_id}"]`);
  assert.equal(await page.locator('#legs tbody tr.leg').count(), pick.route.legs.length);
  assert.equal(await page.locator('path.route-leg').count(), sectionCount(pick.route));
  await page.screenshot({ path: join(artifacts, 'web-corridor.png') });
});

test('switching the objective re-plans the route', async () => {
  await page.check('input[name="by"][value="distance"]');
  await page.waitForSelector('dd[data-total="by"]:text-is("distance")', { timeout: 30000 });
  await waitStatus('routed');
  const expected = await apiRoute({ from: FROM, to: TO, by: 'distance' });
  const km = expected.total.km.toLocaleString('en-US', { maximumFractionDigits: 0 });
  assert.equal(await page.textContent('dd[data-total="distance"]'), `${km} km`);
  assert.equal(await page.locator('#legs tbody tr.leg').count(), expected.legs.length);
  assert.match(page.url(), /by=distance/);
});

test('an unknown name shows the error with suggestions', async () => {
  await page.fill('#to', `${TO}tt`);
  await page.click('#go');
  await waitStatus('error');
  const text = await page.textContent('#error');
  assert.match(text, new RegExp(`no place named '${TO}tt'`));
  assert.match(text, /^to: /);
  assert.ok(await page.isHidden('#result'));
  assert.equal(await page.locator('.route-leg').count(), 0);
  await page.screenshot({ path: join(artifacts, 'web-unknown-name.png') });
  // The first suggestion is the place meant; clicking it plans the route.
  const suggestion = page.locator('#error button.suggestion').first();
  assert.equal(await suggestion.textContent(), TO);
  await suggestion.click();
  await waitStatus('routed');
});

test('the search box works with the keyboard', async () => {
  await page.fill('#to', '');
  await page.type('#to', TO.slice(0, 3), { delay: 30 });
  await page.waitForSelector('#to-list li', { timeout: 10000 });
  const first = await page.locator('#to-list li .name').first().textContent();
  await page.press('#to', 'ArrowDown');
  await page.press('#to', 'Enter');
  assert.equal(await page.inputValue('#to'), first);
  assert.ok(await page.isHidden('#to-list'));
  await waitStatus('routed');
});

test('clicking two places on the map plans a route', async () => {
  await page.click('#clear');
  await waitStatus('ready');
  const health = await (await fetch(`${base}places?q=${encodeURIComponent(FROM)}&limit=1`)).json();
  const to = await (await fetch(`${base}places?q=${encodeURIComponent(TO)}&limit=1`)).json();
  // Dispatched on the node's own circle: a click at its centre could land on a neighbour drawn on top.
  await page.locator(`path.node-${health.places[0].id}`).dispatchEvent('click');
  assert.equal(await page.inputValue('#from'), FROM);
  await page.locator(`path.node-${to.places[0].id}`).dispatchEvent('click');
  await waitStatus('routed');
  assert.equal(await page.inputValue('#to'), TO);
  assert.ok(await page.locator('#legs tbody tr.leg').count() >= 1);
  assert.deepEqual(browserErrors, []);
});

test('the sea route Shanghai -> Rotterdam is drawn along the lanes through Malacca and Suez', async (t) => {
  if (network !== 'eurasia') { t.skip('the example network has no sea links'); return; }
  await page.click('#clear');
  await waitStatus('ready');
  await page.check('input[name="by"][value="cost"]');
  await pickBySearch('#from', 'Shangh', 'Shanghai');
  await pickBySearch('#to', 'Rotter', 'Rotterdam');
  await waitStatus('routed');
  const r = await apiRoute({ from: 'Shanghai', to: 'Rotterdam', by: 'cost' });
  const sea = r.legs.find((l) => l.mode === 'sea');
  assert.ok(sea, 'the cheapest route takes the sea');
  assert.equal(sea.geometry_source, 'marnet');
  const coords = sea.sections.flatMap((s) => s.coordinates);
  // Where the line crosses a parallel (axis 1) or a meridian (axis 0): [lon, lat] points.
  const crossings = (axis, v) => {
    const out = [];
    for (let k = 1; k < coords.length; k++) {
      const a = coords[k - 1];
      const b = coords[k];
      if ((a[axis] - v) * (b[axis] - v) > 0 || a[axis] === b[axis]) continue;
      const t = (v - a[axis]) / (b[axis] - a[axis]);
      out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    }
    return out;
  };
  // The line crosses 30.5 N inside the Suez Canal (32.2-32.6 E) and 101 E inside the Strait of
  // Malacca (1.8-3.2 N, between Sumatra and the Malay Peninsula) ...
  const suez = crossings(1, 30.5).find(([lon]) => lon > 32.2 && lon < 32.6);
  const malacca = crossings(0, 101.0).find(([, lat]) => lat > 1.8 && lat < 3.2);
  assert.ok(suez, 'the sea line passes the Suez Canal');
  assert.ok(malacca, 'the sea line passes the Strait of Malacca');
  // ... and the page draws its sea path through both.
  // Let the map's fit-to-route animation end before reading pixels.
  await page.evaluate(() => new Promise((resolve) => {
    window.caravanMap.once('moveend', resolve);
    setTimeout(resolve, 1500);
  }));
  const drawn = await page.evaluate((points) => {
    const m = window.caravanMap;
    const box = m.getContainer().getBoundingClientRect();
    // What the browser draws at the point's pixel (or one within 3 px): the sea leg's path.
    return points.map(([lon, lat]) => {
      const p = m.latLngToContainerPoint([lat, lon]);
      for (let dx = -3; dx <= 3; dx++) {
        for (let dy = -3; dy <= 3; dy++) {
          const el = document.elementFromPoint(box.left + p.x + dx, box.top + p.y + dy);
          if (el && el.matches('path.route-leg.mode-sea')) return true;
        }
      }
      return false;
    });
  }, [suez, malacca]);
  assert.deepEqual(drawn, [true, true]);
  assert.equal(await page.locator('path.route-leg.mode-sea.schematic').count(), 0);
  await page.screenshot({ path: join(artifacts, 'web-sea-suez.png') });
  await page.check('input[name="by"][value="time"]');
  await waitStatus('routed');
});

test('a schematic road is drawn dashed and named so in the legend', async (t) => {
  if (network !== 'eurasia') { t.skip('the example network is checked by the other tests'); return; }
  await page.click('#clear');
  await waitStatus('ready');
  await page.check('input[name="by"][value="distance"]');
  await pickBySearch('#from', 'Kyzylo', 'Kyzylorda');
  await pickBySearch('#to', 'Zhezk', 'Zhezkazgan');
  await waitStatus('routed');
  const r = await apiRoute({ from: 'Kyzylorda', to: 'Zhezkazgan', by: 'distance' });
  const road = r.legs.find((l) => l.mode === 'road');
  assert.ok(road, 'Kyzylorda -> Zhezkazgan is shortest by road');
  assert.equal(road.geometry_source, 'schematic');
  const dashed = page.locator('path.route-leg.mode-road.schematic');
  assert.ok(await dashed.count() >= 1);
  assert.equal(await dashed.first().getAttribute('stroke-dasharray'), '6 6');
  assert.match(await page.textContent('#legend'), /schematic line \(not surveyed\)/);
  await page.screenshot({ path: join(artifacts, 'web-schematic-road.png') });
  await page.check('input[name="by"][value="time"]');
  await waitStatus('routed');
});

test('a scenario draws the route before (dashed) and after (solid) and shows the change', async () => {
  const listed = (await (await fetch(`${base}scenarios`)).json()).scenarios;
  const sc = listed.find((x) => x.id === SCENARIO);
  assert.ok(sc, `${SCENARIO} is served`);
  assert.equal(await page.locator('#scenario option').count(), listed.length + 1);
  await page.click('#clear');
  await waitStatus('ready');
  await page.check(`input[name="by"][value="${S_BY}"]`);
  await pickBySearch('#from', S_FROM.slice(0, 4), S_FROM);
  await pickBySearch('#to', S_TO.slice(0, 4), S_TO);
  await waitStatus('routed');
  await page.selectOption('#scenario', SCENARIO);
  await page.waitForSelector('#scenario-change:not([hidden])', { timeout: 30000 });
  await waitStatus('routed');
  const before = await apiRoute({ from: S_FROM, to: S_TO, by: S_BY });
  const afterRoute = await apiRoute({ from: S_FROM, to: S_TO, by: S_BY, scenario: SCENARIO });
  // The scenario changes this route: it is shorter or faster.
  assert.ok(afterRoute.total.km < before.total.km || afterRoute.total.hours < before.total.hours);
  // The solid route and the leg table are the scenario's; the dashed line is the route before.
  assert.equal(await page.locator('path.route-leg').count(), sectionCount(afterRoute));
  assert.equal(await page.locator('#legs tbody tr.leg').count(), afterRoute.legs.length);
  assert.equal(await page.locator('path.route-before').count(), sectionCount(before));
  const en = (v, d) => v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  assert.equal(await page.textContent('dd[data-total="distance"]'), `${en(afterRoute.total.km, 0)} km`);
  const row = async (q) => page.locator(`#change-table tr[data-quantity="${q}"] td`).allTextContents();
  const km = await row('km');
  assert.equal(km[1], `${en(before.total.km, 0)} km`);
  assert.equal(km[2], `${en(afterRoute.total.km, 0)} km`);
  // The change: after - before with its sign (± when nothing changes).
  const change = (a, b, d, unit) => `${a < b ? '−' : a > b ? '+' : '±'}${en(Math.abs(a - b), d)} ${unit}`;
  assert.equal(km[3], change(afterRoute.total.km, before.total.km, 0, 'km'));
  const days = await row('days');
  assert.equal(days[3], change(afterRoute.total.days, before.total.days, 1, 'days'));
  const usd = await row('usd');
  assert.equal(usd[2], `${en(afterRoute.total.usd, 0)} USD`);
  assert.match(await page.textContent('#scenario-change-title'), new RegExp(sc.title));
  assert.match(page.url(), new RegExp(`scenario=${SCENARIO}`));
  // Let Leaflet's zoom animation finish, or the picture shows markers mid-transform.
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(artifacts, 'web-scenario.png') });
  // Back to no scenario: the dashed line and the change table go away.
  await page.selectOption('#scenario', '');
  await page.waitForSelector('#scenario-change', { state: 'hidden', timeout: 30000 });
  await waitStatus('routed');
  assert.equal(await page.locator('path.route-before').count(), 0);
  assert.equal(await page.textContent('dd[data-total="distance"]'), `${en(before.total.km, 0)} km`);
  assert.deepEqual(browserErrors, []);
});
