// The QA control panel: plain browser JS, no build step. It talks only to the admin API
// (/__mock/...) and the Jobs API (/v1/...), like any other client of the mock.

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const TICK_MS = 1000;
const JOB_TYPES = ['instance.create', 'instance.destroy', 'branch.create', 'instance.sleep', 'instance.wake', 'project.backup', 'project.restore', 'project.upgrade_minor', 'kv.create'];
const TERMINAL = new Set(['completed', 'failed']);

const state = {
  dataset: null,
  scenarios: [],
  jobs: [],
  openJobId: null,
  openJob: null,
  journal: [],
  shownLogs: { stdout: null, stderr: null },
  busy: false,
};

// ---------- helpers ----------

/** Escapes text for HTML; every string from the mock goes through it before markup is added. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** Renders SGR colour codes (0, 1, 22, 39, 30–37, 90–97) as spans; HTML is escaped first. */
export function ansiToHtml(text) {
  const escaped = escapeHtml(text);
  let fg = null;
  let bold = false;
  let out = '';
  const parts = escaped.split(/\u001b\[([0-9;]*)m/);
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] ?? '';
    if (i % 2 === 1) {
      for (const raw of (part === '' ? '0' : part).split(';')) {
        const code = Number(raw);
        if (code === 0) { fg = null; bold = false; }
        else if (code === 1) bold = true;
        else if (code === 22) bold = false;
        else if (code === 39) fg = null;
        else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) fg = code;
      }
      continue;
    }
    if (part === '') continue;
    const classes = [fg === null ? '' : `ansi-${fg}`, bold ? 'ansi-bold' : ''].filter(Boolean).join(' ');
    out += classes ? `<span class="${classes}">${part}</span>` : part;
  }
  // Stray escape sequences that are not SGR would otherwise show as garbage.
  return out.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
}

function showAlert(message) {
  const alert = $('alert');
  alert.textContent = message;
  alert.hidden = false;
}

function clearAlert() {
  const alert = $('alert');
  alert.textContent = '';
  alert.hidden = true;
}

function describeError(action, status, body) {
  let words = `the mock answered HTTP ${status}`;
  if (body && typeof body === 'object' && typeof body.error === 'string') {
    words = body.error;
    if (Array.isArray(body.violations) && body.violations.length > 0) {
      words += ': ' + body.violations.map((v) => `${v.path || '(body)'} ${v.message}`).join('; ');
    }
  }
  return `Could not ${action}: ${words}.`;
}

/** Calls the admin API; failures are shown in the alert region and returned as null. */
async function admin(action, method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    showAlert(`Could not ${action}: the mock server is not reachable (${error instanceof Error ? error.message : String(error)}).`);
    return null;
  }
  const text = await response.text();
  let parsed = null;
  try { parsed = text === '' ? {} : JSON.parse(text); } catch { parsed = null; }
  if (!response.ok) {
    showAlert(describeError(action, response.status, parsed));
    return null;
  }
  return parsed ?? {};
}

function credentialToken() {
  const select = /** @type {HTMLSelectElement} */ ($('credential-select'));
  return select.value;
}

async function jobsApi(path) {
  try {
    const response = await fetch(path, { headers: { authorization: `Bearer ${credentialToken()}`, accept: 'application/json' } });
    const text = await response.text();
    let body = null;
    try { body = JSON.parse(text); } catch { body = null; }
    return { status: response.status, body, text, fault: response.headers.get('x-capydb-mock-fault') };
  } catch (error) {
    return { status: 0, body: null, text: error instanceof Error ? error.message : String(error), fault: null };
  }
}

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function badge(jobState, testid) {
  return el('span', { class: `badge state-${jobState}`, 'data-testid': testid }, jobState);
}

function formatTime(iso) {
  return typeof iso === 'string' ? iso.replace('T', ' ').replace(/(\.\d{3})\d*Z$/, '$1Z') : '—';
}

// ---------- target (org / project / credential) ----------

function selectedOrg() {
  const id = /** @type {HTMLSelectElement} */ ($('org-select')).value;
  return state.dataset?.organizations.find((o) => o.id === id) ?? null;
}

function selectedProjectId() {
  return /** @type {HTMLSelectElement} */ ($('project-select')).value;
}

function fillProjects() {
  const org = selectedOrg();
  const select = /** @type {HTMLSelectElement} */ ($('project-select'));
  select.replaceChildren(...(org?.projects ?? []).map((p) => el('option', { value: p.id }, `${p.name} (${p.jobCount.toLocaleString('en')} seeded jobs)`)));
  // The org-wide jobs:read key of the chosen organization reads every one of its projects.
  const creds = state.dataset?.credentials ?? [];
  const orgWord = (org?.name ?? '').toLowerCase();
  const preferred = creds.find((c) => /_jobs_read$/.test(c.label) && /organization-wide/i.test(c.description) && c.description.toLowerCase().includes(orgWord));
  if (preferred) /** @type {HTMLSelectElement} */ ($('credential-select')).value = preferred.token;
  describeCredential();
}

function describeCredential() {
  const token = credentialToken();
  const cred = state.dataset?.credentials.find((c) => c.token === token);
  $('credential-description').textContent = cred ? cred.description : '';
}

async function loadDataset() {
  const dataset = await admin('load the dataset', 'GET', '/__mock/dataset');
  if (!dataset) return;
  state.dataset = dataset;
  const orgSelect = /** @type {HTMLSelectElement} */ ($('org-select'));
  const previousOrg = orgSelect.value;
  const previousProject = selectedProjectId();
  orgSelect.replaceChildren(...dataset.organizations.map((o) => el('option', { value: o.id }, `${o.name} (${o.id})`)));
  if (previousOrg) orgSelect.value = previousOrg;
  const credSelect = /** @type {HTMLSelectElement} */ ($('credential-select'));
  credSelect.replaceChildren(...dataset.credentials.map((c) => el('option', { value: c.token }, c.label)));
  fillProjects();
  if (previousProject) /** @type {HTMLSelectElement} */ ($('project-select')).value = previousProject;
}

// ---------- scenarios ----------

async function loadScenarios() {
  const list = await admin('load the scenario catalog', 'GET', '/__mock/scenarios');
  if (!list) return;
  state.scenarios = list.scenarios;
  const select = /** @type {HTMLSelectElement} */ ($('scenario-select'));
  select.replaceChildren(...list.scenarios.map((s) => el('option', { value: s.name }, s.name)));
  describeScenario();
}

function describeScenario() {
  const name = /** @type {HTMLSelectElement} */ ($('scenario-select')).value;
  $('scenario-description').textContent = state.scenarios.find((s) => s.name === name)?.description ?? '';
}

async function applyScenario() {
  const name = /** @type {HTMLSelectElement} */ ($('scenario-select')).value;
  const applied = await admin(`apply the scenario ${name}`, 'POST', `/__mock/scenarios/${encodeURIComponent(name)}/apply`, {});
  if (!applied) return;
  clearAlert();
  // Show the project the scenario seeded, so its jobs are what the list shows.
  const org = state.dataset?.organizations.find((o) => o.projects.some((p) => p.id === applied.projectId));
  if (org) {
    /** @type {HTMLSelectElement} */ ($('org-select')).value = org.id;
    fillProjects();
    /** @type {HTMLSelectElement} */ ($('project-select')).value = applied.projectId;
  }
  $('jobs-status').textContent = `Applied ${applied.scenario} to ${applied.projectId}.`;
  await tick();
}

async function resetMock() {
  const done = await admin('reset the mock', 'POST', '/__mock/reset');
  if (!done) return;
  clearAlert();
  closeJob();
  await loadDataset();
  $('jobs-status').textContent = 'The mock is back to its default dataset.';
  await tick();
}

// ---------- jobs ----------

async function refreshJobs() {
  const projectId = selectedProjectId();
  if (!projectId) return;
  const answer = await jobsApi(`/v1/projects/${encodeURIComponent(projectId)}/jobs?limit=100`);
  if (answer.status !== 200 || !answer.body || !Array.isArray(answer.body.jobs)) {
    const why = answer.body && typeof answer.body.error === 'string' ? answer.body.error : answer.text.slice(0, 120);
    $('jobs-status').textContent = `The Jobs API answered ${answer.status || 'nothing'}${answer.fault ? ` (fault ${answer.fault})` : ''}: ${why}. Showing the last good list.`;
    return;
  }
  if ($('jobs-status').textContent?.startsWith('The Jobs API answered')) $('jobs-status').textContent = '';
  state.jobs = answer.body.jobs;
  renderJobs();
}

function renderJobs() {
  $('job-count').textContent = String(state.jobs.length);
  const rows = state.jobs.map((job) => {
    const tr = el('tr', { 'data-testid': 'job-row', 'data-job-id': job.id, 'data-state': job.state });
    if (job.id === state.openJobId) tr.classList.add('selected');
    const stateCell = el('td');
    stateCell.append(badge(job.state, 'job-state'));
    const open = el('button', { type: 'button', class: 'small secondary', 'data-testid': 'job-open', 'aria-label': `Open job ${job.id}` }, 'Open');
    open.addEventListener('click', () => openJob(job.id));
    const openCell = el('td');
    openCell.append(open);
    tr.append(stateCell, el('td', {}, job.type), el('td', {}, job.id), el('td', {}, `${job.attempts}/${job.max_attempts}`), el('td', {}, formatTime(job.created_at)), openCell);
    return tr;
  });
  $('job-rows').replaceChildren(...rows);
}

async function openJob(id) {
  state.openJobId = id;
  state.shownLogs = { stdout: null, stderr: null };
  $('job-detail').hidden = false;
  await refreshOpenJob();
  renderJobs();
  $('detail-close').focus();
}

function closeJob() {
  state.openJobId = null;
  state.openJob = null;
  $('job-detail').hidden = true;
  renderJobs();
}

async function refreshOpenJob() {
  const id = state.openJobId;
  if (!id) return;
  const answer = await jobsApi(`/v1/jobs/${encodeURIComponent(id)}`);
  if (id !== state.openJobId) return;
  const job = answer.body?.job;
  if (answer.status !== 200 || !job || typeof job.id !== 'string') return;
  state.openJob = job;
  renderDetail(job);
}

const TRANSITIONS = {
  pending: [{ to: 'running', label: 'Claim and run (→ running)' }],
  running: [
    { to: 'completed', label: 'Complete (→ completed)' },
    { to: 'failed', label: 'Fail permanently (→ failed)', classification: 'permanent' },
    { to: 'pending', label: 'Transient failure, retry (→ pending)', classification: 'transient' },
  ],
  completed: [],
  failed: [],
};

function renderDetail(job) {
  $('detail-id').textContent = job.id;
  const detailState = $('detail-state');
  detailState.textContent = job.state;
  detailState.className = `badge state-${job.state}`;
  detailState.dataset.state = job.state;

  const buttons = (TRANSITIONS[job.state] ?? []).map((t) => {
    const button = el('button', { type: 'button', 'data-testid': `transition-${t.to}` }, t.label);
    button.addEventListener('click', () => transition(job.id, t));
    return button;
  });
  const box = $('detail-transitions');
  const signature = buttons.map((b) => b.dataset.testid).join(',');
  if (box.dataset.signature !== signature || box.dataset.job !== job.id) {
    box.replaceChildren(...(buttons.length > 0 ? buttons : [el('span', { class: 'hint' }, TERMINAL.has(job.state) ? 'Terminal state: no transitions.' : 'No transitions.')]));
    box.dataset.signature = signature;
    box.dataset.job = job.id;
  }

  const steps = [['created', job.created_at], ['claimed', job.claimed_at], ['started', job.started_at], ['completed', job.completed_at]];
  $('detail-timeline').replaceChildren(...steps.map(([name, at]) => {
    const li = el('li', { class: at ? 'done' : 'todo', 'data-step': name });
    li.append(el('strong', {}, name), document.createTextNode(' '), el('time', at ? { datetime: at } : {}, at ? formatTime(at) : 'not yet'));
    return li;
  }));

  const fields = [];
  for (const [key, value] of Object.entries(job)) {
    if (key === 'last_stdout' || key === 'last_stderr') continue;
    fields.push(el('dt', {}, key), el('dd', { 'data-field': key }, value === null ? 'null' : typeof value === 'object' ? JSON.stringify(value) : String(value)));
  }
  $('detail-fields').replaceChildren(...fields);

  for (const stream of ['stdout', 'stderr']) {
    const text = job[`last_${stream}`] ?? '';
    // Logs can be a mebibyte: redraw only when they changed.
    if (state.shownLogs[stream] === text) continue;
    state.shownLogs[stream] = text;
    $(`detail-${stream}`).innerHTML = text === '' ? '<span class="hint">(empty)</span>' : ansiToHtml(text);
  }
}

async function transition(jobId, t) {
  const body = { to: t.to };
  if (t.classification) body.classification = t.classification;
  const moved = await admin(`move ${jobId} to ${t.to}`, 'POST', `/__mock/jobs/${encodeURIComponent(jobId)}/transitions`, body);
  if (!moved) return;
  clearAlert();
  await tick();
}

async function startLiveJob(event) {
  event.preventDefault();
  const type = /** @type {HTMLInputElement} */ ($('live-type')).value.trim();
  const outcome = /** @type {HTMLSelectElement} */ ($('live-outcome')).value;
  const body = { type, outcome };
  const projectId = selectedProjectId();
  if (projectId) body.projectId = projectId;
  const started = await admin(`start a live ${type} job`, 'POST', '/__mock/live-jobs', body);
  if (!started) return;
  clearAlert();
  await openJob(started.job.id);
  await refreshJobs();
}

// ---------- clock ----------

async function refreshClock(clock) {
  const value = clock ?? (await admin('read the clock', 'GET', '/__mock/clock'));
  if (!value) return;
  $('clock-now').textContent = formatTime(value.now);
  $('clock-mode').textContent = value.frozen ? 'frozen' : `running ×${value.speed}`;
  $('clock-mode').className = `badge ${value.frozen ? 'state-pending' : 'state-running'}`;
  const speed = /** @type {HTMLInputElement} */ ($('clock-speed'));
  if (document.activeElement !== speed) speed.value = String(value.speed);
}

async function clockCommand(command, action) {
  const clock = await admin(action, 'POST', '/__mock/clock', command);
  if (!clock) return;
  clearAlert();
  await refreshClock(clock);
  await tick();
}

// ---------- faults ----------

async function refreshFaults() {
  const list = await admin('list the fault rules', 'GET', '/__mock/faults');
  if (!list) return;
  const items = list.rules.map((rule) => {
    const li = el('li', { 'data-testid': 'fault-rule', 'data-rule-id': rule.id, 'data-kind': rule.fault.kind });
    const remaining = rule.remaining === undefined ? '' : `, ${rule.remaining} left`;
    li.append(el('span', {}, `${rule.fault.kind} on ${rule.operation}, p=${rule.probability}${remaining} `));
    const remove = el('button', { type: 'button', class: 'small secondary', 'data-testid': 'fault-remove', 'aria-label': `Remove fault rule ${rule.id} (${rule.fault.kind})` }, 'Remove');
    remove.addEventListener('click', async () => {
      if (await admin(`remove the fault rule ${rule.id}`, 'DELETE', `/__mock/faults/${encodeURIComponent(rule.id)}`) !== null) {
        clearAlert();
        await refreshFaults();
      }
    });
    li.append(remove);
    return li;
  });
  $('fault-list').replaceChildren(...(items.length > 0 ? items : [el('li', { class: 'hint' }, 'No fault rules.')]));
}

async function addFault(event) {
  event.preventDefault();
  const kind = /** @type {HTMLSelectElement} */ ($('fault-kind')).value;
  const fault = { kind };
  if (kind === 'latency') fault.latency = { distribution: 'fixed', ms: Number(/** @type {HTMLInputElement} */ ($('fault-latency')).value) };
  const body = {
    fault,
    probability: Number(/** @type {HTMLInputElement} */ ($('fault-probability')).value),
    operation: /** @type {HTMLSelectElement} */ ($('fault-operation')).value,
  };
  if (await admin(`add a ${kind} fault rule`, 'POST', '/__mock/faults', body) !== null) {
    clearAlert();
    await refreshFaults();
  }
}

// ---------- journal ----------

async function refreshJournal() {
  const journal = await admin('read the journal', 'GET', '/__mock/journal?limit=500');
  if (!journal) return;
  state.journal = journal.entries;
  renderJournal();
}

function renderJournal() {
  const needle = /** @type {HTMLInputElement} */ ($('journal-filter')).value.trim().toLowerCase();
  const rows = [];
  for (const entry of state.journal) {
    const cells = [String(entry.seq), entry.method, entry.path, entry.credential, String(entry.status), `${Math.round(entry.latencyMs)} ms`, entry.fault ?? ''];
    if (needle && !cells.join(' ').toLowerCase().includes(needle)) continue;
    const tr = el('tr', { 'data-testid': 'journal-row', 'data-status': String(entry.status), 'data-fault': entry.fault ?? '' });
    if (entry.status >= 400) tr.classList.add('error');
    tr.append(...cells.map((c) => el('td', {}, c)));
    rows.push(tr);
    if (rows.length >= 200) break;
  }
  $('journal-rows').replaceChildren(...rows);
}

// ---------- the tick ----------

async function tick() {
  if (state.busy) return;
  state.busy = true;
  try {
    await Promise.all([refreshClock(), refreshJobs(), refreshOpenJob(), refreshJournal()]);
  } finally {
    state.busy = false;
  }
}

function wire() {
  $('org-select').addEventListener('change', () => { fillProjects(); closeJob(); void tick(); });
  $('project-select').addEventListener('change', () => { closeJob(); void tick(); });
  $('credential-select').addEventListener('change', () => { describeCredential(); void tick(); });
  $('scenario-select').addEventListener('change', describeScenario);
  $('scenario-apply').addEventListener('click', applyScenario);
  $('reset').addEventListener('click', resetMock);
  $('live-form').addEventListener('submit', startLiveJob);
  $('detail-close').addEventListener('click', closeJob);
  $('clock-freeze').addEventListener('click', () => clockCommand({ action: 'freeze' }, 'freeze the clock'));
  $('clock-resume').addEventListener('click', () => clockCommand({ action: 'resume' }, 'resume the clock'));
  for (const id of ['clock-advance-10s', 'clock-advance-1m', 'clock-advance-10m']) {
    const button = $(id);
    button.addEventListener('click', () => clockCommand({ action: 'advance', ms: Number(button.dataset.ms) }, `advance the clock by ${button.textContent}`));
  }
  $('speed-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void clockCommand({ action: 'speed', speed: Number(/** @type {HTMLInputElement} */ ($('clock-speed')).value) }, 'change the clock speed');
  });
  $('fault-form').addEventListener('submit', addFault);
  $('journal-filter').addEventListener('input', renderJournal);
  $('job-types').replaceChildren(...JOB_TYPES.map((t) => el('option', { value: t })));
}

async function main() {
  wire();
  await Promise.all([loadDataset(), loadScenarios(), refreshFaults()]);
  await tick();
  document.body.dataset.ready = 'true';
  setInterval(() => { void tick(); }, TICK_MS);
  // Fault rules change rarely and count down as they fire; a slower beat is enough.
  setInterval(() => { void refreshFaults(); }, TICK_MS * 3);
}

void main();
