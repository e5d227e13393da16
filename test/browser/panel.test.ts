import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startMockServer, type RunningMockServer } from '../../mocks/server/index.js';
import { README_API_KEY } from '../../src/auth/dev-credentials.js';
import { MAIN_PROJECT_ID } from '../../src/data/topology.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
// Only a developer machine without chromium may skip; in CI a missing browser is a failure.
const skip = !existsSync(CHROMIUM) && process.env['CI'] !== 'true';
const WAIT = { timeout: 15_000 };

describe.skipIf(skip)('QA control panel (mocks/panel) in headless Chromium', () => {
  let server: RunningMockServer;
  let browser: Browser;
  let page: Page;
  let shot = 0;

  const screenshot = async (name: string): Promise<void> => {
    shot += 1;
    await page.screenshot({ path: `test-output/panel-${String(shot).padStart(2, '0')}-${name}.png`, fullPage: true });
  };
  const jobStates = (): Promise<string[]> => page.locator('[data-testid="job-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state') ?? ''));

  beforeAll(async () => {
    mkdirSync('test-output', { recursive: true });
    mkdirSync('docs', { recursive: true });
    server = await startMockServer({ port: 0, frozen: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${server.url}/__mock/`);
    await page.waitForSelector('body[data-ready="true"]', WAIT);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the dataset, the scenario catalog and the main project’s jobs', async () => {
    expect(await page.locator('#project-select').inputValue()).toBe(MAIN_PROJECT_ID);
    await page.locator('[data-testid="job-row"]').first().waitFor(WAIT);
    expect(Number(await page.locator('#job-count').textContent())).toBeGreaterThan(4);
    await page.selectOption('#scenario-select', 'one-job-per-state');
    expect(await page.locator('#scenario-description').textContent()).toMatch(/one pending, one running/);
    await screenshot('default');
  });

  it('applies one-job-per-state and the list changes to its four jobs, one per state', async () => {
    await page.click('#scenario-apply');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="job-row"]').length === 4, undefined, WAIT);
    expect((await jobStates()).sort()).toEqual(['completed', 'failed', 'pending', 'running']);
    expect(await page.locator('#job-count').textContent()).toBe('4');
    await screenshot('one-job-per-state');
  });

  it('offers only legal transitions: none for a terminal job, → running for a pending one', async () => {
    await page.locator('[data-testid="job-row"][data-state="completed"] [data-testid="job-open"]').click();
    await page.waitForSelector('#detail-state[data-state="completed"]', WAIT);
    expect(await page.locator('#detail-transitions button').count()).toBe(0);
    await page.waitForSelector('[data-field="completed_at"]', WAIT);

    await page.locator('[data-testid="job-row"][data-state="pending"] [data-testid="job-open"]').click();
    await page.waitForSelector('#detail-state[data-state="pending"]', WAIT);
    const offered = await page.locator('#detail-transitions button').evaluateAll((b) => b.map((x) => x.getAttribute('data-testid')));
    expect(offered).toEqual(['transition-running']);
    await page.click('[data-testid="transition-running"]');
    await page.waitForSelector('#detail-state[data-state="running"]', WAIT);
    const next = await page.locator('#detail-transitions button').evaluateAll((b) => b.map((x) => x.getAttribute('data-testid')));
    expect(next.sort()).toEqual(['transition-completed', 'transition-failed', 'transition-pending']);
    expect(await page.locator('#detail-timeline li[data-step="claimed"]').getAttribute('class')).toBe('done');
  });

  it('renders ANSI colours of a failed job’s stderr as spans, with HTML escaped', async () => {
    await page.locator('[data-testid="job-row"][data-state="failed"] [data-testid="job-open"]').click();
    await page.waitForSelector('#detail-state[data-state="failed"]', WAIT);
    const html = await page.locator('#detail-stderr').innerHTML();
    expect(html).not.toContain('\u001b');
    expect(await page.locator('#detail-stderr').textContent()).not.toBe('(empty)');
    // A string expression, so vitest does not rewrite the browser's dynamic import.
    const ansiToHtml = await page.evaluate(`import('/__mock/panel/panel.js').then((m) => m.ansiToHtml('\\u001b[1;31mERROR\\u001b[0m <b>x</b> \\u001b[92mok'))`);
    expect(ansiToHtml).toBe('<span class="ansi-31 ansi-bold">ERROR</span> &lt;b&gt;x&lt;/b&gt; <span class="ansi-92">ok</span>');
  });

  it('starts a live instance.create job that reaches completed after +10 min on the frozen clock', async () => {
    const before = await page.locator('#clock-now').textContent();
    await page.fill('#live-type', 'instance.create');
    await page.selectOption('#live-outcome', 'success');
    await page.click('#live-start');
    await page.waitForSelector('#detail-state[data-state="pending"]', WAIT);
    const jobId = await page.locator('#detail-id').textContent();
    expect(jobId).toMatch(/^job_/);
    await page.waitForSelector(`[data-testid="job-row"][data-job-id="${jobId}"]`, WAIT);
    await screenshot('live-started');

    await page.click('#clock-advance-10m');
    await page.waitForSelector('#detail-state[data-state="completed"]', WAIT);
    await page.waitForSelector(`[data-testid="job-row"][data-job-id="${jobId}"][data-state="completed"]`, WAIT);
    expect(await page.locator('#clock-now').textContent()).not.toBe(before);
    expect(await page.locator('#detail-timeline li.done').count()).toBe(4);
    await screenshot('live-completed');
  });

  it('shows an admin API refusal in plain words in the alert region', async () => {
    await page.fill('#clock-speed', '0');
    await page.click('#clock-speed-set');
    const alert = page.getByRole('alert');
    await alert.waitFor({ state: 'visible', ...WAIT });
    expect(await alert.textContent()).toMatch(/^Could not change the clock speed: .*speed/);
    await page.fill('#clock-speed', '2');
    await page.click('#clock-speed-set');
    await alert.waitFor({ state: 'hidden', ...WAIT });
    await page.waitForFunction(() => document.querySelector('#clock-mode')?.textContent === 'frozen', undefined, WAIT);
  });

  it('adds a server-error fault rule, journals a Jobs API request with status 500 and the fault, and removes the rule', async () => {
    await page.selectOption('#fault-kind', 'server-error');
    await page.fill('#fault-probability', '1');
    await page.selectOption('#fault-operation', 'any');
    await page.click('#fault-add');
    await page.waitForSelector('[data-testid="fault-rule"][data-kind="server-error"]', WAIT);

    const probe = await fetch(`${server.url}/v1/projects/${MAIN_PROJECT_ID}/jobs?limit=7`, { headers: { authorization: `Bearer ${README_API_KEY}` } });
    expect(probe.status).toBe(500);

    await page.fill('#journal-filter', 'limit=7');
    const row = page.locator('[data-testid="journal-row"][data-status="500"][data-fault="server-error"]');
    await row.first().waitFor(WAIT);
    expect(await page.locator('[data-testid="journal-row"]').count()).toBe(1);
    expect(await row.first().textContent()).toContain(`/v1/projects/${MAIN_PROJECT_ID}/jobs?limit=7`);
    await screenshot('fault-journal');

    await page.click('[data-testid="fault-remove"]');
    await page.waitForSelector('[data-testid="fault-rule"]', { state: 'detached', ...WAIT });
    const after = await fetch(`${server.url}/v1/projects/${MAIN_PROJECT_ID}/jobs?limit=7`, { headers: { authorization: `Bearer ${README_API_KEY}` } });
    expect(after.status).toBe(200);
    await page.fill('#journal-filter', '');
  });

  it('resets the mock back to the default dataset', async () => {
    await page.click('#reset');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="job-row"]').length > 4, undefined, WAIT);
    await page.locator('[data-testid="job-row"][data-state="failed"] [data-testid="job-open"]').first().click();
    await page.waitForSelector('#detail-state[data-state="failed"]', WAIT);
    await page.evaluate('window.scrollTo(0, 0)');
    // The README's screenshot is refreshed on request only, so a test run never dirties the tree.
    await page.screenshot({ path: process.env['UPDATE_SCREENSHOTS'] === 'true' ? 'docs/panel.png' : 'test-output/panel-readme.png', fullPage: true });
  });
});
