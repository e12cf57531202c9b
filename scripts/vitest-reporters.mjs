// Shared vitest reporter setup. EVERY package's vitest.config.ts must use it, so that
// `npm test` (scripts/test.mjs) can total the results and notice a package that did not report:
//
//   import { defineConfig } from 'vitest/config';
//   import { reporters } from '../../scripts/vitest-reporters.mjs';
//
//   export default defineConfig({
//     test: { include: ['src/**/*.test.ts'], reporters: reporters('@jf/domain') },
//   });
//
// With JF_REPORT_DIR set (scripts/test.mjs sets it) this adds vitest's JSON reporter writing
// $JF_REPORT_DIR/vitest-<name>.json, where <name> is the package name without its scope
// ('@jf/domain' -> 'domain'). Without JF_REPORT_DIR (plain `npx vitest` in a package) it is
// just the default reporter.

/** '@jf/domain' -> 'domain'; anything unsafe for a file name becomes '-'. */
export function reportName(packageName) {
  if (typeof packageName !== 'string' || packageName.trim() === '') {
    throw new Error('reporters(packageName): pass the package name, e.g. reporters("@jf/domain")');
  }
  return packageName.replace(/^@[^/]+\//, '').replace(/[^A-Za-z0-9._-]+/g, '-');
}

/** File name test.mjs expects from a package. */
export function reportFile(reportDir, packageName) {
  return `${reportDir.replace(/\/+$/, '')}/vitest-${reportName(packageName)}.json`;
}

/** Value for vitest's `test.reporters`. */
export function reporters(packageName) {
  const dir = process.env.JF_REPORT_DIR;
  if (!dir) return ['default'];
  return ['default', ['json', { outputFile: reportFile(dir, packageName) }]];
}
