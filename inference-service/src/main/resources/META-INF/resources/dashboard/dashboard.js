// StreamTune dashboard: polls GET /v1/dashboard and draws the selected model with uPlot (webjar).
// Everything shown comes from that one answer, except the live training chart, whose history is kept here
// from successive polls, and the prediction box, which calls POST /v1/models/{model}/predict.
'use strict';

const POLL_MS = 2000;
const HISTORY_POINTS = 300;
const COLORS = ['#0969da', '#cf222e', '#1a7f37', '#9a6700', '#8250df', '#bf3989', '#1b7c83', '#953800', '#57606a', '#0550ae'];

const state = { selected: decodeURIComponent(location.hash.slice(1)) || null, charts: {}, history: {}, last: null };

function $(id) { return document.getElementById(id); }

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else if (k.startsWith('data-')) e.setAttribute(k, v); else e[k] = v;
  }
  for (const c of children) e.append(c instanceof Node ? c : String(c));
  return e;
}

const fmt = {
  pct: v => v == null ? '–' : (100 * v).toFixed(1) + ' %',
  num: v => v == null ? '–' : Number(v).toLocaleString('en-US', { maximumFractionDigits: 1 }),
  time: ms => ms ? new Date(ms).toLocaleTimeString('en-GB') : '–',
  duration: ms => {
    if (ms == null) return '–';
    const s = ms / 1000;
    if (s < 60) return s.toFixed(1) + ' s';
    if (s < 3600) return (s / 60).toFixed(1) + ' min';
    return (s / 3600).toFixed(1) + ' h';
  },
};

// ---- polling ---------------------------------------------------------------------------------------------------

async function poll() {
  try {
    const response = await fetch('/v1/dashboard', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(await problemDetail(response));
    const data = await response.json();
    state.last = data;
    record(data);
    render(data);
    $('updated').textContent = 'updated ' + fmt.time(data.generatedAt);
    $('updated').classList.remove('error');
  } catch (e) {
    $('updated').textContent = 'inference-service not answering: ' + e.message;
    $('updated').classList.add('error');
  } finally {
    setTimeout(poll, POLL_MS);
  }
}

async function problemDetail(response) {
  try {
    const p = await response.json();
    return p.detail || ('HTTP ' + response.status);
  } catch (e) {
    return 'HTTP ' + response.status;
  }
}

// Keeps each model's training figures over time (the trainer reports only its current figures).
function record(data) {
  for (const m of data.models) {
    if (!m.training) continue;
    const h = state.history[m.name] || (state.history[m.name] = [[], [], []]);
    h[0].push(data.generatedAt / 1000);
    h[1].push(m.training.samplesPerSecond);
    h[2].push(m.training.consumerLag);
    if (h[0].length > HISTORY_POINTS) h.forEach(a => a.shift());
  }
}

// ---- rendering -------------------------------------------------------------------------------------------------

function render(data) {
  renderTrainers(data.trainers);
  renderModelList(data.models);
  const model = data.models.find(m => m.name === state.selected);
  if (!model) {
    $('panel').hidden = true;
    showMessage(data.models.length === 0
      ? 'No model is registered yet. Register one at the ingest service (POST /v1/models) and stream samples; its versions appear here.'
      : 'Pick a model above.');
    return;
  }
  showMessage(null);
  $('panel').hidden = false;
  renderModel(model, data);
}

function showMessage(text) {
  $('message').hidden = !text;
  $('message').textContent = text || '';
}

function renderTrainers(trainers) {
  const pill = $('trainer-state');
  const down = trainers.filter(t => !t.reachable);
  pill.className = 'pill ' + (trainers.length && down.length === 0 ? 'ok' : 'bad');
  if (trainers.length === 0) {
    pill.textContent = 'trainer: none configured';
  } else if (down.length === 0) {
    pill.textContent = 'trainer: reachable (' + trainers.map(t => t.url + ' on ' + (t.device || '?')).join(', ') + ')';
  } else {
    pill.textContent = 'trainer unreachable: ' + down.map(t => t.url + ' (' + t.detail + ')').join(', ');
  }
}

function renderModelList(models) {
  if (!state.selected && models.length) selectModel(models[0].name, false);
  const nav = $('models');
  nav.replaceChildren(...models.map(m => {
    const b = el('button', { type: 'button', 'data-model': m.name, class: m.name === state.selected ? 'selected' : '' },
      m.name + (m.servingVersion ? ' · v' + m.servingVersion : ''));
    b.addEventListener('click', () => selectModel(m.name, true));
    return b;
  }));
}

function selectModel(name, redraw) {
  state.selected = name;
  history.replaceState(null, '', '#' + encodeURIComponent(name));
  $('predict-result').replaceChildren();
  if (redraw && state.last) render(state.last);
}

function renderModel(m, data) {
  $('model-name').textContent = m.name;
  $('model-task').textContent = m.task || '';
  renderKpis(m, data);
  const versions = m.versions || [];
  drawAccuracy(versions);
  drawClasses(versions);
  drawTimeline(versions);
  drawTraining(m, data);
  renderVersions(versions);
  renderRefused(m.refused || []);
  const image = m.task === 'image-classification';
  $('predict-text').hidden = image;
  $('predict-image').hidden = !image;
}

function setKpi(id, value, note) {
  $('kpi-' + id).textContent = value;
  $('kpi-' + id + '-note').textContent = note || '';
}

function renderKpis(m, data) {
  const serving = (m.versions || []).find(v => v.serving);
  const metrics = serving ? serving.metrics : null;
  const t = m.training;
  const trainerNote = data.trainers.some(x => x.reachable) ? 'no trainer reports this model' : 'trainer unreachable';
  setKpi('serving', m.servingVersion ? 'v' + m.servingVersion : 'none',
    m.pinnedVersion ? 'pinned to v' + m.pinnedVersion : (m.latestVersion ? 'latest kept v' + m.latestVersion : 'no version yet'));
  setKpi('accuracy', fmt.pct(metrics && metrics.accuracy), metrics ? 'on ' + metrics.holdoutSize + ' held-out samples' : '');
  setKpi('forgetting', fmt.pct(metrics && metrics.forgetting), metrics ? 'old classes now ' + fmt.pct(metrics.oldClassAccuracy) : '');
  setKpi('throughput', t ? fmt.num(t.samplesPerSecond) : '–', t ? fmt.num(t.samplesTrained) + ' trained on ' + t.device : trainerNote);
  setKpi('lag', t ? fmt.num(t.consumerLag) : '–', t ? 'records on partition ' + t.partition : trainerNote);
  setKpi('freshness', fmt.duration(m.freshnessMs), m.newestSampleAt ? 'newest sample served ' + fmt.time(m.newestSampleAt) : '');
  setKpi('gate', t ? t.lastDecision : '–', t ? (t.lastDecisionReason || '') + (t.rejectedCandidates ? ' · ' + t.rejectedCandidates + ' rejected' : '') : trainerNote);
}

// ---- charts (uPlot) --------------------------------------------------------------------------------------------

// Draws (or updates) the chart in figure `id`; rebuilds it when its series change.
function plot(id, key, makeOpts, data) {
  const figure = $(id);
  const host = figure.querySelector('.plot');
  let c = state.charts[id];
  if (c && c.key !== key) {
    c.chart.destroy();
    c = null;
  }
  const width = Math.max(300, host.clientWidth || figure.clientWidth - 16);
  if (!c) {
    const opts = makeOpts();
    opts.width = width;
    opts.height = 240;
    c = state.charts[id] = { key, chart: new uPlot(opts, data, host) };
  } else {
    c.chart.setData(data);
    if (Math.abs(c.chart.width - width) > 4) c.chart.setSize({ width, height: 240 });
  }
  figure.dataset.points = String(data[0].length);
}

function line(label, i, extra) {
  return Object.assign({ label, stroke: COLORS[i % COLORS.length], width: 2, points: { show: true, size: 6 } }, extra || {});
}

function versionAxis() {
  return { label: 'version', values: (u, vals) => vals.map(v => Number.isInteger(v) ? 'v' + v : '') };
}

function drawAccuracy(versions) {
  const data = [
    versions.map(v => v.version),
    versions.map(v => v.metrics ? v.metrics.accuracy : null),
    versions.map(v => v.metrics ? v.metrics.oldClassAccuracy : null),
    versions.map(v => v.metrics ? v.metrics.forgetting : null),
  ];
  plot('chart-accuracy', 'accuracy', () => ({
    scales: { x: { time: false }, y: { range: [0, 1] } },
    axes: [versionAxis(), { label: 'holdout', values: (u, vals) => vals.map(v => (100 * v).toFixed(0) + '%') }],
    series: [{ label: 'version' }, line('accuracy', 0), line('old-class accuracy', 2), line('forgetting', 1, { dash: [6, 4] })],
  }), data);
}

function drawClasses(versions) {
  const labels = [...new Set(versions.flatMap(v => Object.keys((v.metrics && v.metrics.perClass) || {})))].sort();
  const data = [versions.map(v => v.version)].concat(labels.map(l =>
    versions.map(v => (v.metrics && v.metrics.perClass && v.metrics.perClass[l] != null) ? v.metrics.perClass[l] : null)));
  plot('chart-classes', labels.join('\u0000'), () => ({
    scales: { x: { time: false }, y: { range: [0, 1] } },
    axes: [versionAxis(), { label: 'class accuracy', values: (u, vals) => vals.map(v => (100 * v).toFixed(0) + '%') }],
    series: [{ label: 'version' }].concat(labels.map((l, i) => line(l, i))),
  }), data);
}

function drawTimeline(versions) {
  const sorted = versions.slice().sort((a, b) => a.createdAt - b.createdAt);
  const data = [sorted.map(v => v.createdAt / 1000), sorted.map(v => v.version), sorted.map(v => v.cumulativeSamples)];
  plot('chart-timeline', 'timeline', () => ({
    scales: { x: { time: true }, samples: {} },
    axes: [{}, { label: 'version' }, { label: 'samples trained', scale: 'samples', side: 1, grid: { show: false } }],
    series: [{ label: 'published' }, line('version', 0, { paths: uPlot.paths.stepped({ align: 1 }) }),
      line('samples trained', 2, { scale: 'samples' })],
  }), data);
}

function drawTraining(m, data) {
  const h = state.history[m.name] || [[], [], []];
  plot('chart-training', 'training', () => ({
    scales: { x: { time: true }, lag: {} },
    axes: [{}, { label: 'samples/s' }, { label: 'consumer lag', scale: 'lag', side: 1, grid: { show: false } }],
    series: [{ label: 'time' }, line('samples/s', 0, { points: { show: false } }), line('consumer lag', 1, { scale: 'lag', points: { show: false } })],
  }), h);
  const note = $('chart-training').querySelector('.chart-note');
  const down = data.trainers.filter(t => !t.reachable);
  note.textContent = m.training ? 'reported by ' + m.trainedBy
    : down.length ? 'trainer unreachable: ' + down.map(t => t.detail).join('; ') : 'no trainer reports this model yet';
}

// ---- tables ----------------------------------------------------------------------------------------------------

function renderVersions(versions) {
  const rows = versions.slice().reverse().map(v => {
    const mt = v.metrics || {};
    const flags = [v.serving ? 'serving' : '', v.pinned ? 'pinned' : '', v.signed ? 'signed' : 'unsigned'].filter(Boolean).join(', ');
    const newSamples = (v.lineage || []).reduce((s, r) => s + r.count, 0);
    return el('tr', { 'data-version': v.version, class: v.serving ? 'serving' : '' },
      el('td', {}, 'v' + v.version), el('td', {}, fmt.time(v.createdAt)), el('td', {}, fmt.num(v.cumulativeSamples)),
      el('td', {}, v.lineage && v.lineage.length ? fmt.num(newSamples) : '–'), el('td', {}, fmt.pct(mt.accuracy)), el('td', {}, fmt.pct(mt.oldClassAccuracy)),
      el('td', {}, fmt.pct(mt.forgetting)), el('td', {}, fmt.num(mt.holdoutSize)), el('td', { class: 'labels' }, (v.labels || []).join(', ')),
      el('td', {}, flags));
  });
  $('versions').querySelector('tbody').replaceChildren(...rows);
}

function renderRefused(refused) {
  $('refused').replaceChildren(...(refused.length ? [el('h3', {}, 'Refused versions'),
    el('ul', {}, ...refused.map(r => el('li', {}, 'v' + r.version + ': ' + r.reason + ' (' + r.detail + ') at ' + fmt.time(r.at))))] : []));
}

// ---- prediction box --------------------------------------------------------------------------------------------

async function predict(event) {
  event.preventDefault();
  const model = state.selected;
  const out = $('predict-result');
  let body;
  try {
    body = $('predict-image').hidden ? { text: $('predict-text').value } : { image: await imageBase64($('predict-image').files[0]) };
  } catch (e) {
    out.replaceChildren(el('p', { class: 'error' }, e.message));
    return;
  }
  out.replaceChildren(el('p', { class: 'muted' }, 'predicting…'));
  try {
    const k = $('predict-k').value || '3';
    const response = await fetch('/v1/models/' + encodeURIComponent(model) + '/predict?k=' + encodeURIComponent(k),
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(await problemDetail(response));
    const p = await response.json();
    out.replaceChildren(
      el('p', {}, el('strong', { id: 'predicted-label' }, p.label), ' by version ',
        el('span', { id: 'predicted-version' }, 'v' + p.modelVersion), ', knowledge ' + fmt.duration(p.freshnessMs) + ' old'),
      el('ul', { class: 'topk' }, ...p.topK.map(s => {
        const bar = el('span', { class: 'bar' });
        bar.style.width = (100 * s.score).toFixed(1) + '%';
        return el('li', {}, el('span', {}, s.label), el('span', {}, bar), el('span', {}, (100 * s.score).toFixed(1) + ' %'));
      })));
  } catch (e) {
    out.replaceChildren(el('p', { class: 'error', id: 'predict-error' }, e.message));
  }
}

function imageBase64(file) {
  if (!file) return Promise.reject(new Error('choose an image first'));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('cannot read ' + file.name));
    reader.readAsDataURL(file);
  });
}

$('predict-form').addEventListener('submit', predict);
window.addEventListener('hashchange', () => selectModel(decodeURIComponent(location.hash.slice(1)), true));
poll();
