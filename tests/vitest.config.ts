import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The longest files first, so that none of them starts last and runs on alone. Vitest orders by
 * the durations of the last run, which a clean CI machine does not have: there, the files that
 * install the packed tool, drive Chromium or build sites of their own go first.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    if (files.every((file) => this.ctx.cache.getTestSpecificationResult(file))) return sorted;
    const rank = (file: TestSpecification) =>
      ['/tests/package/', '/tests/browser/', '/tests/build/'].findIndex((dir) => file.moduleId.includes(dir));
    const weight = (file: TestSpecification) => (rank(file) === -1 ? 3 : rank(file));
    return sorted
      .map((file, i) => ({ file, i }))
      .sort((a, b) => weight(a.file) - weight(b.file) || a.i - b.i)
      .map(({ file }) => file);
  }
}

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/**/*.test.ts'],
    // Builds the bundled content, every fixture and the hostile sites once, and starts the one
    // Chromium the browser tests share, for every test that reads them.
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Two files at once even on 2 cores (vitest's default there is one): much of a browser test
    // is waiting for Chromium, and of the package test waiting for npm's downloads.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    // A file can take twice as long beside another as alone: a build gets one core, not two.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
