/**
 * .github/workflows/daily.yml cannot run here: it is parsed, and its
 * essential steps checked, so that a broken edit shows before the next morning.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  id?: string;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  steps: Step[];
}
interface Workflow {
  on: { schedule?: Array<{ cron: string }>; workflow_dispatch?: { inputs?: Record<string, { required?: boolean; type?: string }> } };
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  jobs: Record<string, Job>;
}

const TEXT = readFileSync(fileURLToPath(new URL('../../.github/workflows/daily.yml', import.meta.url)), 'utf8');
const workflow = parse(TEXT) as Workflow;
const jobs = Object.values(workflow.jobs);
const steps = jobs.flatMap((job) => job.steps);
const jobWith = (predicate: (step: Step) => boolean) => jobs.find((job) => job.steps.some(predicate))!;
const stepIndex = (job: Job, predicate: (step: Step) => boolean) => job.steps.findIndex(predicate);
const uses = (action: string) => (step: Step) => step.uses?.split('@')[0] === action;
const runs = (pattern: RegExp) => (step: Step) => pattern.test(step.run ?? '');

describe('the daily workflow', () => {
  it('runs every day on a schedule, and by hand with an optional date', () => {
    const [schedule] = workflow.on.schedule ?? [];
    expect(schedule?.cron).toMatch(/^\d{1,2} \d{1,2} \* \* \*$/);
    const date = workflow.on.workflow_dispatch?.inputs?.['date'];
    expect(date).toBeDefined();
    expect(date?.required).toBe(false);
  });

  it('installs with npm ci on the Node version of .nvmrc, with the npm cache', () => {
    const setup = steps.find(uses('actions/setup-node'));
    expect(setup?.with).toMatchObject({ 'node-version-file': '.nvmrc', cache: 'npm' });
    const job = jobWith(runs(/npm ci/));
    expect(stepIndex(job, uses('actions/checkout'))).toBe(0);
    expect(stepIndex(job, runs(/^npm ci$/m))).toBeGreaterThan(stepIndex(job, uses('actions/setup-node')));
  });

  it("imports yesterday's Hugging Face digest (or the chosen day), passing the input through the environment", () => {
    const importStep = steps.find(runs(/npm run import -- /))!;
    expect(importStep).toBeDefined();
    expect(importStep.run).toContain('date -u -d yesterday +%F');
    expect(importStep.env?.['INPUT_DATE']).toBe('${{ inputs.date }}');
    // No `${{ }}` inside the script: a crafted input cannot inject shell code.
    expect(importStep.run).not.toContain('${{');
  });

  it('re-imports the six days before the day, so that their counts keep growing', () => {
    const importStep = steps.find(runs(/npm run import -- /))!;
    // The step's own script, run by bash with an `npm` that prints what it was asked to import.
    const bin = mkdtempSync(join(tmpdir(), 'papertide-workflow-'));
    try {
      writeFileSync(join(bin, 'npm'), '#!/bin/sh\nshift 2\necho "$@"\n');
      chmodSync(join(bin, 'npm'), 0o755);
      const result = spawnSync('bash', ['-e', '-c', importStep.run!], {
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}:${process.env['PATH']}`, INPUT_DATE: '2026-03-02' },
      });
      expect(result.status, result.stderr).toBe(0);
      const days = ['2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'];
      expect(result.stdout.trim().split('\n').at(-1)).toBe(`-- ${days.map((day) => `--hf ${day}`).join(' ')}`);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });

  it('commits and pushes content only when it changed, as a bot', () => {
    const job = jobWith(runs(/git push/));
    const commit = job.steps.find(runs(/git push/))!;
    expect(commit.run).toMatch(/git diff --cached --quiet|git diff --quiet/);
    expect(commit.run).toMatch(/git config user\.name/);
    expect(commit.run).toMatch(/git config user\.email/);
    expect(stepIndex(job, runs(/git push/))).toBeGreaterThan(stepIndex(job, runs(/npm run import/)));
    expect(job.permissions?.['contents'] ?? workflow.permissions?.['contents']).toBe('write');
  });

  it('builds for GitHub Pages: the Pages URL and the repository base path', () => {
    const job = jobWith(runs(/npm run build/));
    const build = job.steps.find(runs(/npm run build/))!;
    const pages = job.steps.find(uses('actions/configure-pages'))!;
    expect(pages.id).toBeDefined();
    expect(build.env?.['SITE_URL']).toBe(`\${{ steps.${pages.id}.outputs.origin }}`);
    // configure-pages gives "/<repo>" for project pages ("" for a custom domain): the build wants a trailing slash.
    expect(build.env?.['BASE_PATH']).toBe(`\${{ steps.${pages.id}.outputs.base_path }}/`);
    expect(stepIndex(job, runs(/npm run build/))).toBeGreaterThan(stepIndex(job, runs(/git push/)));
    const upload = job.steps.find(uses('actions/upload-pages-artifact'))!;
    expect(upload.with?.['path']).toBe('dist');
    expect(stepIndex(job, uses('actions/upload-pages-artifact'))).toBeGreaterThan(stepIndex(job, runs(/npm run build/)));
  });

  it('deploys with actions/deploy-pages, allowed to write Pages and get an OIDC token', () => {
    const [name, deploy] = Object.entries(workflow.jobs).find(([, job]) => job.steps.some(uses('actions/deploy-pages')))!;
    const buildJob = Object.keys(workflow.jobs).find((key) => workflow.jobs[key]!.steps.some(runs(/npm run build/)))!;
    expect(name).not.toBe(buildJob);
    expect([deploy.needs].flat()).toContain(buildJob);
    expect(deploy.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment?.name).toBe('github-pages');
  });

  it('never runs twice at once, and never cancels a run in progress', () => {
    expect(workflow.concurrency?.group).toBeTruthy();
    expect(workflow.concurrency?.['cancel-in-progress']).toBe(false);
  });

  it('pins every action to a major version', () => {
    for (const step of steps.filter((candidate) => candidate.uses)) expect(step.uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
  });
});
