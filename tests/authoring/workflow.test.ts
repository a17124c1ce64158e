/**
 * The GitHub workflow `init` writes into a partnership's repository, read as GitHub reads it: on a
 * pull request it checks the content with each problem as an annotation on its line (the check
 * it names is run here, on broken content, to prove it prints them), builds the site, and keeps
 * the built site as a downloadable preview. The tool's own repository runs the same workflow.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { init } from '../../src/authoring/init.ts';
import { treeWithEightErrors, writeTree } from '../helpers/content-tree.ts';
import { userEnvironment } from '../helpers/env.ts';

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const node = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
const checkScript = fileURLToPath(new URL('../../scripts/check.ts', import.meta.url));

let folder = '';
let text = '';
let pullRequestJob: Job;
beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'plan-publisher-workflow-'));
  const result = await init({ folder, name: 'Rutland Safeguarding Children Partnership', period: '2025-2028' });
  expect(result.exitCode, result.report).toBe(0);
  text = readFileSync(path.join(folder, '.github/workflows/plan.yml'), 'utf8');
  const workflow = parse(text) as Workflow;
  expect(Object.keys(workflow.on)).toContain('pull_request');
  const jobs = Object.values(workflow.jobs).filter((job) => job.if?.includes("github.event_name == 'pull_request'"));
  expect(jobs).toHaveLength(1);
  pullRequestJob = jobs[0];
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const stepIndex = (predicate: (step: Step) => boolean) => pullRequestJob.steps.findIndex(predicate);

describe('the workflow init writes, on a pull request', { timeout: 60_000 }, () => {
  it('checks the content with GitHub annotations, and the check it names prints one per problem on its line', () => {
    const check = pullRequestJob.steps.find((step) => step.run?.startsWith('npm run check'));
    expect(check?.run).toBe('npm run check -- --format github');
    const args = (check?.run ?? '').split(' -- ')[1].split(' ');
    const broken = writeTree(treeWithEightErrors());
    try {
      const result = spawnSync(node, [checkScript, ...args], {
        cwd: broken.root,
        encoding: 'utf8',
        env: userEnvironment({ NO_COLOR: '1' }),
      });
      expect(result.status).toBe(1);
      const errors = result.stderr.split('\n').filter((line) => line.startsWith('::error file=content/'));
      expect(errors.length).toBeGreaterThanOrEqual(8);
      expect(errors.some((line) => /^::error file=content\/hampshire\/actions\/deliver-training\.md,line=3,/.test(line))).toBe(true);
    } finally {
      broken.remove();
    }
  });

  it('builds the site, then uploads what it built as a preview to download', () => {
    const build = stepIndex((step) => step.run === 'npm run build');
    const upload = stepIndex((step) => step.uses?.startsWith('actions/upload-artifact@') === true);
    expect(build).toBeGreaterThan(-1);
    expect(upload).toBeGreaterThan(build);
    // `npm run build` writes the site to dist/ unless told otherwise.
    expect(pullRequestJob.steps[upload].with).toMatchObject({ name: 'site-preview', path: 'dist' });
  });

  it('is the workflow the tool runs on its own pull requests', () => {
    expect(text).toBe(readFileSync(fileURLToPath(new URL('../../.github/workflows/plan.yml', import.meta.url)), 'utf8'));
  });
});
