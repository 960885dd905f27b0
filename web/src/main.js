// The web map: an offline world basemap, the network, route search, the leg table and a scenario's
// before/after route.
import 'leaflet/dist/leaflet.css';
import './style.css';
import L from 'leaflet';
import { feature } from 'topojson-client';
import countries50m from 'world-atlas/countries-50m.json';
import { api, ApiError } from './api.js';
import { attachAutocomplete } from './autocomplete.js';
import { MODES, modeColor } from './modes.js';

const $ = (sel) => document.querySelector(sel);
const app = $('#app');
const fromInput = $('#from');
const toInput = $('#to');
const errorBox = $('#error');
const scenarioSelect = $('#scenario');

const state = {
  nodes: new Map(), // id -> {id, name, country, kind, lat, lon}
  nextPick: 'from', // which box a click on the map fills
  routeLayer: null,
  beforeLayer: null, // the route before the scenario, dashed, when a scenario is picked
  scenarios: new Map(), // id -> {id, name, title, source, ...}
  request: 0,
};

function setStatus(s) { app.dataset.status = s; }

// ---- Map and basemap ------------------------------------------------------------------------
const map = L.map('map', { zoomSnap: 0.25, worldCopyJump: true, attributionControl: true })
  .setView([45, 60], 4);
map.attributionControl.setPrefix('Leaflet');
// The map object, for the browser tests and the developer console.
window.caravanMap = map;
map.attributionControl.addAttribution('Countries: Natural Earth via world-atlas');
map.attributionControl.addAttribution('Lines: © OpenStreetMap contributors (ODbL), Eurostat MARNET');
map.createPane('basemap').style.zIndex = 200;
map.createPane('network').style.zIndex = 400;
map.createPane('route').style.zIndex = 450;
map.createPane('marks').style.zIndex = 620;

// Rings that cross the antimeridian (Chukotka, Fiji) would be drawn as bands across the whole map:
// move their western-hemisphere points east of 180° when that makes the ring narrower.
function unwrapRing(ring) {
  const lons = ring.map((p) => p[0]);
  const span = Math.max(...lons) - Math.min(...lons);
  const shifted = ring.map(([x, y]) => [x < 0 ? x + 360 : x, y]);
  const xs = shifted.map((p) => p[0]);
  return Math.max(...xs) - Math.min(...xs) < span ? shifted : ring;
}
function unwrap(geometry) {
  if (!geometry) return geometry;
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
  if (geometry.type === 'MultiPolygon') {
    return { ...geometry, coordinates: geometry.coordinates.map((poly) => poly.map(unwrapRing)) };
  }
  return geometry;
}
const countries = feature(countries50m, countries50m.objects.countries);
countries.features = countries.features
  .filter((f) => f.id !== '010') // Antarctica: far from every corridor
  .map((f) => ({ ...f, geometry: unwrap(f.geometry) }));
L.geoJSON(countries, {
  pane: 'basemap',
  interactive: false,
  style: { color: '#9aa5ad', weight: 0.7, fillColor: '#eef0ea', fillOpacity: 1 },
}).addTo(map);

// ---- The network ----------------------------------------------------------------------------
const networkLayer = L.layerGroup().addTo(map);

// Lines: solid where surveyed (OSM track, OSM stations, MARNET lanes), dashed where schematic (not
// surveyed: a straight line between the places); planned links dash-dotted.
const SCHEMATIC_DASH = '6 6';
const PLANNED_DASH = '14 5 2 5';
const GEOMETRY_LABELS = {
  'osm-track': 'OpenStreetMap railway track',
  'osm-road': 'OpenStreetMap roads',
  'osm-stations': 'through the line\'s OpenStreetMap stations',
  marnet: 'MARNET shipping lanes',
  schematic: 'schematic (not surveyed: straight between the places)',
  mixed: 'partly schematic',
};
function geometryLabel(source) { return GEOMETRY_LABELS[source] || GEOMETRY_LABELS.schematic; }
function lineDash(existing, schematic) {
  if (!existing) return PLANNED_DASH;
  return schematic ? SCHEMATIC_DASH : null;
}
/** A leg's lines: its sections (runs of one geometry source), or straight between its nodes. */
function legSections(leg) {
  if (leg.sections && leg.sections.length) {
    return leg.sections.map((s) => ({
      source: s.geometry_source,
      latlngs: s.coordinates.map(([lon, lat]) => [lat, lon]),
    }));
  }
  const latlngs = leg.nodes.map((id) => state.nodes.get(id)).filter(Boolean).map((n) => [n.lat, n.lon]);
  return [{ source: 'schematic', latlngs }];
}

function drawNetwork(fc) {
  const nodeFeatures = fc.features.filter((f) => f.properties.kind === 'node');
  for (const f of nodeFeatures) {
    const [lon, lat] = f.geometry.coordinates;
    const p = f.properties;
    state.nodes.set(p.id, { id: p.id, name: p.name, country: p.country, kind: p.node_kind, lat, lon });
  }
  for (const f of fc.features.filter((x) => x.properties.kind === 'link')) {
    const p = f.properties;
    const latlngs = f.geometry.coordinates.map(([lon, lat]) => [lat, lon]);
    const existing = p.status === 'existing';
    const schematic = p.schematic !== false;
    L.polyline(latlngs, {
      pane: 'network',
      color: modeColor(p.mode),
      weight: p.mode === 'sea' ? 1.5 : 2.5,
      opacity: p.mode === 'sea' ? 0.35 : existing ? 0.45 : 0.35,
      dashArray: lineDash(existing, schematic),
      className: `link link-${p.id} geometry-${p.geometry_source || 'schematic'}`,
    }).bindTooltip(`${p.id}: ${MODES[p.mode] ? MODES[p.mode].label : p.mode}, ${p.km} km, ` +
      `${p.status}${p.open_year ? ` (${p.open_year})` : ''}` +
      `<br>line: ${geometryLabel(p.geometry_source)}` +
      `${p.corridors.length ? `<br>${p.corridors.join(', ')}` : ''}`, { sticky: true })
      .addTo(networkLayer);
  }
  for (const n of state.nodes.values()) {
    const border = n.kind === 'border';
    L.circleMarker([n.lat, n.lon], {
      pane: 'marks',
      radius: border ? 4 : 5,
      color: '#2c3e50',
      weight: 1.5,
      fillColor: border ? '#f5b7b1' : '#ffffff',
      fillOpacity: 1,
      className: `node node-${n.id}`,
    }).bindTooltip(`${n.name} (${n.country}) · ${n.kind.replace('_', ' ')}`, { direction: 'top' })
      .on('click', () => pickFromMap(n))
      .addTo(networkLayer);
  }
  const c = fc.properties || {};
  $('#network-info').textContent =
    `${state.nodes.size} places, ${fc.features.length - state.nodes.size} links` +
    (c.corridors ? `, ${c.corridors.length} corridors` : '');
  if (state.nodes.size > 0) {
    map.fitBounds(L.latLngBounds([...state.nodes.values()].map((n) => [n.lat, n.lon])).pad(0.1));
  }
}

function drawLegend() {
  const rows = Object.entries(MODES).map(([m, d]) =>
    `<li><span class="swatch" style="background:${d.color}"></span>${d.label}</li>`).join('');
  $('#legend').innerHTML = `<h3>Legend</h3><ul>${rows}` +
    '<li><span class="mark border-mark"></span>border crossing</li>' +
    '<li><span class="mark transfer-mark"></span>transfer (mode or gauge change)</li>' +
    '<li><span class="swatch line-solid"></span>surveyed line (OSM track or stations, MARNET lanes)</li>' +
    '<li><span class="swatch line-schematic"></span>schematic line (not surveyed)</li>' +
    '<li><span class="swatch line-planned"></span>planned / under construction</li></ul>';
}

// ---- Picking places -------------------------------------------------------------------------
function setPlace(input, place) {
  input.value = place.name;
  input.dataset.id = place.id;
}

function pickFromMap(node) {
  if (state.nextPick === 'from' || !fromInput.value) {
    setPlace(fromInput, node);
    state.nextPick = 'to';
  } else {
    setPlace(toInput, node);
    state.nextPick = 'from';
  }
  if (fromInput.value && toInput.value) findRoute();
}

const place = (input) => input.dataset.id || input.value.trim();

// ---- Errors ---------------------------------------------------------------------------------
function showError(err) {
  errorBox.hidden = false;
  errorBox.innerHTML = '';
  const msg = document.createElement('p');
  const field = err.parameter ? `${err.parameter}: ` : '';
  const target = err.parameter === 'from' ? fromInput : err.parameter === 'to' ? toInput : null;
  const buttons = target && err.suggestions && err.suggestions.length;
  // The suggestions become buttons, so the message need not list them too.
  msg.textContent = field + (buttons ? err.message.replace(/; did you mean .*$/, '.') : err.message);
  errorBox.appendChild(msg);
  if (buttons) {
    const p = document.createElement('p');
    p.className = 'did-you-mean';
    p.append('Did you mean ');
    err.suggestions.forEach((s, i) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'suggestion';
      b.textContent = s;
      b.addEventListener('click', () => { target.value = s; delete target.dataset.id; findRoute(); });
      p.append(b, i + 1 < err.suggestions.length ? ' ' : '?');
    });
    errorBox.appendChild(p);
  }
  [fromInput, toInput].forEach((i) => i.classList.toggle('invalid', i === target));
}

function clearError() {
  errorBox.hidden = true;
  errorBox.innerHTML = '';
  fromInput.classList.remove('invalid');
  toInput.classList.remove('invalid');
}

// ---- Routing --------------------------------------------------------------------------------
const objective = () => document.querySelector('input[name="by"]:checked').value;
const fmt = (v, d = 0) => Number(v).toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function findRoute() {
  clearError();
  const from = place(fromInput);
  const to = place(toInput);
  if (!from || !to) {
    showError({ parameter: from ? 'to' : 'from', message: 'type a place or click one on the map' });
    return;
  }
  const mine = ++state.request;
  setStatus('routing');
  const params = { from, to, by: objective() };
  const scenario = scenarioSelect.value;
  try {
    // With a scenario: the route on it (drawn solid, in the table) and on the base network (dashed).
    const [r, beforeRoute] = scenario
      ? await Promise.all([api.route({ ...params, scenario }), api.route(params).catch(() => null)])
      : [await api.route(params), null];
    if (mine !== state.request) return;
    drawRoute(r);
    if (scenario) {
      drawBefore(beforeRoute);
      renderChange(beforeRoute, r, state.scenarios.get(scenario));
      // Alternatives and corridors are computed on the base network: not shown beside a scenario.
      $('#compare').hidden = true;
      $('#alternatives').hidden = true;
    } else {
      loadAlternatives(params, mine);
      loadComparison(params, mine);
    }
    history.replaceState(null, '', `#from=${encodeURIComponent(r.from_id)}&to=${encodeURIComponent(r.to_id)}&by=${r.objective}` +
      (scenario ? `&scenario=${encodeURIComponent(scenario)}` : ''));
    setStatus('routed');
  } catch (e) {
    if (mine !== state.request) return;
    clearRoute();
    $('#compare').hidden = true;
    $('#alternatives').hidden = true;
    showError(e instanceof ApiError ? e : { message: String(e) });
    setStatus('error');
  }
}

function clearRoute() {
  if (state.routeLayer) state.routeLayer.remove();
  state.routeLayer = null;
  clearBefore();
  $('#result').hidden = true;
}

function clearBefore() {
  if (state.beforeLayer) state.beforeLayer.remove();
  state.beforeLayer = null;
  $('#scenario-change').hidden = true;
}

// ---- Scenarios ------------------------------------------------------------------------------
/** The route without the scenario: a grey dashed line under the scenario's route. */
function drawBefore(r) {
  if (!r) return;
  const group = L.layerGroup();
  for (const leg of r.legs) {
    for (const sec of legSections(leg)) {
      L.polyline(sec.latlngs, {
        pane: 'route', color: '#566573', weight: 4, opacity: 0.9, dashArray: '8 7', className: 'route-before',
      }).bindTooltip(`before the scenario: ${leg.from} → ${leg.to}, ${leg.mode}, ${fmt(leg.km)} km`, { sticky: true })
        .addTo(group);
    }
  }
  group.addTo(map);
  // Below the scenario's route, which was drawn first; the view shows both.
  group.eachLayer((l) => l.bringToBack());
  state.beforeLayer = group;
  const bounds = L.latLngBounds([]);
  group.eachLayer((l) => bounds.extend(l.getBounds()));
  if (state.routeLayer) state.routeLayer.eachLayer((l) => { if (l.getBounds) bounds.extend(l.getBounds()); });
  if (bounds.isValid()) map.fitBounds(bounds.pad(0.15));
}

/** The before/after table: km, days and USD, with the change (negative = saved). */
function renderChange(before, after, sc) {
  $('#scenario-change-title').textContent = `Scenario: ${sc ? sc.title : scenarioSelect.value}`;
  const body = $('#change-table tbody');
  body.innerHTML = '';
  const signed = (v, d) => (v > 0 ? '+' : v < 0 ? '−' : '±') + fmt(Math.abs(v), d);
  for (const [label, key, d, unit] of [['distance', 'km', 0, 'km'], ['time', 'days', 1, 'days'], ['cost', 'usd', 0, 'USD']]) {
    const tr = document.createElement('tr');
    tr.dataset.quantity = key;
    const a = after.total[key];
    const b = before ? before.total[key] : null;
    const cells = [label, b === null ? 'no route' : `${fmt(b, d)} ${unit}`, `${fmt(a, d)} ${unit}`,
      b === null ? 'now reachable' : `${signed(a - b, d)} ${unit}`];
    cells.forEach((v, i) => {
      const td = document.createElement('td');
      td.textContent = v;
      if (i > 0) td.className = 'num';
      if (i === 3 && b !== null) {
        td.classList.add('change');
        // Compare rounded values so a change too small to show is not coloured.
        const delta = Number((a - b).toFixed(d));
        if (delta < 0) td.classList.add('better');
        if (delta > 0) td.classList.add('worse');
      }
      tr.appendChild(td);
    });
    body.appendChild(tr);
  }
  $('#scenario-change').hidden = false;
}

async function loadScenarios() {
  let list = [];
  try {
    list = (await api.scenarios()).scenarios;
  } catch {
    // An older server or none offered: no selector.
  }
  for (const sc of list) {
    state.scenarios.set(sc.id, sc);
    const o = document.createElement('option');
    o.value = sc.id;
    o.textContent = sc.title || sc.name;
    o.title = sc.source;
    scenarioSelect.appendChild(o);
  }
  $('#scenario-box').hidden = list.length === 0;
}

// ---- Alternatives ---------------------------------------------------------------------------
/** Highlights the row whose route is drawn, in either table. */
function markSelected(tr) {
  document.querySelectorAll('#alternatives-table tbody tr, #corridors tbody tr')
    .forEach((x) => x.classList.toggle('selected', x === tr));
}

async function loadAlternatives(params, mine) {
  $('#alternatives').hidden = true;
  try {
    const a = await api.alternatives({ ...params, k: 3 });
    if (mine === state.request) renderAlternatives(a.routes);
  } catch {
    // No alternative to show.
  }
}

function renderAlternatives(routes) {
  const body = $('#alternatives-table tbody');
  body.innerHTML = '';
  routes.forEach((r, i) => {
    const tr = document.createElement('tr');
    tr.className = i === 0 ? 'alternative selected' : 'alternative';
    const t = r.total;
    [i + 1, fmt(t.days, 1), fmt(t.usd), fmt(t.kg_co2), fmt(t.km), t.borders, r.modes.replaceAll('>', ' › ')]
      .forEach((v, k) => {
        const td = document.createElement('td');
        td.textContent = v;
        if (k >= 1 && k <= 5) td.className = 'num';
        tr.appendChild(td);
      });
    tr.title = r.corridors ? `corridors: ${r.corridors}; click to draw` : 'click to draw';
    tr.addEventListener('click', () => {
      drawRoute(r);
      markSelected(tr);
    });
    body.appendChild(tr);
  });
  $('#alternatives').hidden = routes.length < 2;
}

// ---- Corridor comparison --------------------------------------------------------------------
async function loadComparison(params, mine) {
  $('#compare').hidden = true;
  try {
    const c = await api.compare(params);
    if (mine === state.request) renderComparison(c);
  } catch {
    // A network without corridors (422 no_corridors) simply has no comparison to show.
  }
}

function renderComparison(c) {
  const body = $('#corridors tbody');
  body.innerHTML = '';
  const none = c.corridors.filter((o) => !o.connects);
  for (const opt of c.corridors.filter((o) => o.connects)) {
    const tr = document.createElement('tr');
    tr.className = opt.connects ? 'corridor' : 'corridor none';
    tr.dataset.corridor = opt.corridor_id;
    const cells = opt.connects
      ? [opt.rank, opt.corridor, fmt(opt.days, 1), fmt(opt.usd_per_teu), fmt(opt.kg_co2_per_teu),
        opt.borders, opt.modes.replaceAll('>', ' › ')]
      : ['–', opt.corridor, 'does not connect these places', '', '', '', ''];
    cells.forEach((v, i) => {
      const td = document.createElement('td');
      td.textContent = v;
      if (i >= 2 && i <= 5 && opt.connects) td.className = 'num';
      if (!opt.connects && i === 2) td.colSpan = 5;
      if (opt.connects || i < 3) tr.appendChild(td);
    });
    if (opt.connects) {
      tr.title = opt.entry
        ? `along the corridor from ${opt.entry} to ${opt.exit} (${Math.round(100 * opt.share_along_corridor)}% of the km); click to draw`
        : 'click to draw this route';
      tr.addEventListener('click', () => {
        drawRoute(opt.route);
        markSelected(tr);
      });
    }
    body.appendChild(tr);
  }
  if (none.length) {
    const tr = document.createElement('tr');
    tr.className = 'none';
    const td = document.createElement('td');
    td.colSpan = 7;
    td.textContent = `${none.length} more corridor${none.length > 1 ? 's' : ''} do not serve these places: ` +
      none.map((o) => o.corridor).join('; ');
    tr.appendChild(td);
    body.appendChild(tr);
  }
  $('#compare').hidden = c.corridors.length === 0;
}

function drawRoute(r) {
  clearRoute();
  const group = L.layerGroup();
  const bounds = [];
  r.legs.forEach((leg, i) => {
    for (const sec of legSections(leg)) {
      const schematic = sec.source === 'schematic';
      bounds.push(...sec.latlngs);
      L.polyline(sec.latlngs, { pane: 'route', color: '#ffffff', weight: 9, opacity: 0.9, interactive: false })
        .addTo(group);
      L.polyline(sec.latlngs, {
        pane: 'route', color: modeColor(leg.mode), weight: 5, opacity: 1,
        dashArray: schematic ? SCHEMATIC_DASH : null,
        className: `route-leg route-leg-${i} mode-${leg.mode} geometry-${sec.source}${schematic ? ' schematic' : ''}`,
      }).bindTooltip(`${i + 1}. ${leg.from} → ${leg.to}: ${leg.mode}, ${fmt(leg.km)} km, ${fmt(leg.hours, 1)} h` +
        `<br>line: ${geometryLabel(sec.source)}`, { sticky: true })
        .addTo(group);
    }
    // Borders: every step between nodes of different countries.
    for (let k = 1; k < leg.nodes.length; k++) {
      const a = state.nodes.get(leg.nodes[k - 1]);
      const b = state.nodes.get(leg.nodes[k]);
      if (!a || !b || a.country === b.country) continue;
      L.marker([b.lat, b.lon], {
        pane: 'marks',
        icon: L.divIcon({ className: 'border-icon', html: '', iconSize: [12, 12] }),
        title: `border ${a.country} → ${b.country}`,
      }).bindTooltip(`border ${a.country} → ${b.country} at ${b.name}`, { direction: 'right' }).addTo(group);
    }
  });
  for (const t of r.transfers) {
    const n = state.nodes.get(t.at_id);
    if (!n) continue;
    L.marker([n.lat, n.lon], {
      pane: 'marks',
      icon: L.divIcon({ className: 'transfer-icon', html: '⇄', iconSize: [18, 18] }),
      title: `transfer at ${t.at}`,
    }).bindTooltip(`transfer at ${t.at}: ${t.from_mode} → ${t.to_mode}, ${fmt(t.hours, 1)} h, $${fmt(t.usd)}`, { direction: 'left' })
      .addTo(group);
  }
  for (const [id, label] of [[r.from_id, 'A'], [r.to_id, 'B']]) {
    const n = state.nodes.get(id);
    if (n) {
      L.marker([n.lat, n.lon], { pane: 'marks', icon: L.divIcon({ className: 'end-icon', html: label, iconSize: [22, 22] }) })
        .bindTooltip(n.name, { permanent: true, direction: 'bottom', offset: [0, 10], className: 'end-label' })
        .addTo(group);
    }
  }
  group.addTo(map);
  state.routeLayer = group;
  if (bounds.length) map.fitBounds(L.latLngBounds(bounds).pad(0.15));
  renderTable(r);
}

function renderTable(r) {
  const sc = state.scenarios.get(scenarioSelect.value);
  $('#summary-title').textContent = `${r.from} → ${r.to}` + (sc ? ' (with the scenario)' : '');
  const t = r.total;
  $('#summary').innerHTML = '';
  for (const [k, v] of [
    ['by', r.objective], ['distance', `${fmt(t.km)} km`], ['time', `${fmt(t.hours, 1)} h (${fmt(t.days, 1)} days)`],
    ['cost', `$${fmt(t.usd)}`], ['CO₂', `${fmt(t.kg_co2)} kg`], ['transfers', t.transfers], ['borders', t.borders],
  ]) {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = v;
    dd.dataset.total = k;
    $('#summary').append(dt, dd);
  }
  const body = $('#legs tbody');
  body.innerHTML = '';
  const cell = (tr, text, cls) => {
    const td = document.createElement('td');
    td.textContent = text;
    if (cls) td.className = cls;
    tr.appendChild(td);
    return td;
  };
  r.legs.forEach((leg, i) => {
    const tr = document.createElement('tr');
    tr.className = 'leg';
    tr.dataset.mode = leg.mode;
    cell(tr, i + 1);
    cell(tr, leg.from);
    cell(tr, leg.to);
    const m = cell(tr, '', 'mode');
    m.innerHTML = `<span class="swatch" style="background:${modeColor(leg.mode)}"></span>`;
    m.append(leg.mode);
    cell(tr, fmt(leg.km), 'num');
    cell(tr, fmt(leg.hours, 1), 'num');
    cell(tr, fmt(leg.usd), 'num');
    cell(tr, fmt(leg.kg_co2), 'num');
    cell(tr, leg.borders ? leg.borders : '', 'num').title = leg.countries.join(' → ');
    const corridor = cell(tr, leg.corridor || '', 'corridor');
    corridor.title = leg.corridors.join('; ');
    body.appendChild(tr);
    const tx = r.transfers[i];
    if (tx && i + 1 < r.legs.length) {
      const row = document.createElement('tr');
      row.className = 'transfer';
      const td = cell(row, `⇄ transfer at ${tx.at}: ${tx.from_mode} → ${tx.to_mode}`);
      td.colSpan = 5;
      cell(row, fmt(tx.hours, 1), 'num');
      cell(row, fmt(tx.usd), 'num');
      cell(row, '');
      cell(row, '');
      cell(row, '');
      body.appendChild(row);
    }
  });
  $('#legs tfoot').innerHTML = '';
  const tr = document.createElement('tr');
  cell(tr, '');
  cell(tr, 'total');
  cell(tr, '');
  cell(tr, '');
  cell(tr, fmt(t.km), 'num');
  cell(tr, fmt(t.hours, 1), 'num');
  cell(tr, fmt(t.usd), 'num');
  cell(tr, fmt(t.kg_co2), 'num');
  cell(tr, t.borders, 'num');
  cell(tr, '');
  $('#legs tfoot').appendChild(tr);
  $('#shipment-note').textContent = `Shipment: ${r.shipment.teu} TEU, ${r.shipment.tonnes} t of cargo; ${r.shipment.note}.`;
  $('#result').hidden = false;
}

// ---- Wiring ---------------------------------------------------------------------------------
attachAutocomplete(fromInput, $('#from-list'), () => { state.nextPick = 'to'; if (toInput.value) findRoute(); else toInput.focus(); });
attachAutocomplete(toInput, $('#to-list'), () => { state.nextPick = 'from'; if (fromInput.value) findRoute(); });
$('#route-form').addEventListener('submit', (e) => { e.preventDefault(); findRoute(); });
scenarioSelect.addEventListener('change', () => { if (fromInput.value && toInput.value) findRoute(); });
document.querySelectorAll('input[name="by"]').forEach((r) =>
  r.addEventListener('change', () => { if (fromInput.value && toInput.value) findRoute(); }));
$('#swap').addEventListener('click', () => {
  const [v, id] = [fromInput.value, fromInput.dataset.id];
  fromInput.value = toInput.value;
  if (toInput.dataset.id) fromInput.dataset.id = toInput.dataset.id; else delete fromInput.dataset.id;
  toInput.value = v;
  if (id) toInput.dataset.id = id; else delete toInput.dataset.id;
  if (fromInput.value && toInput.value) findRoute();
});
$('#clear').addEventListener('click', () => {
  for (const i of [fromInput, toInput]) { i.value = ''; delete i.dataset.id; }
  state.nextPick = 'from';
  clearError();
  clearRoute();
  $('#compare').hidden = true;
  $('#alternatives').hidden = true;
  history.replaceState(null, '', location.pathname);
  setStatus('ready');
});

async function start() {
  drawLegend();
  try {
    drawNetwork(await api.network());
  } catch (e) {
    showError(e instanceof ApiError ? e : { message: String(e) });
    setStatus('error');
    return;
  }
  await loadScenarios();
  setStatus('ready');
  // A shared link: #from=ID&to=ID&by=cost&scenario=ID
  const h = new URLSearchParams(location.hash.slice(1));
  if (h.get('scenario') && state.scenarios.has(h.get('scenario'))) scenarioSelect.value = h.get('scenario');
  if (h.get('by')) {
    const radio = document.querySelector(`input[name="by"][value="${CSS.escape(h.get('by'))}"]`);
    if (radio) radio.checked = true;
  }
  for (const [key, input] of [['from', fromInput], ['to', toInput]]) {
    const id = h.get(key);
    if (id) {
      const n = state.nodes.get(id);
      input.value = n ? n.name : id;
      if (n) input.dataset.id = id;
    }
  }
  if (fromInput.value && toInput.value) findRoute();
}

start();
