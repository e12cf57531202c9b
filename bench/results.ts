import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RESULTS = join(import.meta.dirname, 'RESULTS.md');
const HEADER = '# Benchmark results\n\nEach section is rewritten by its script (`bench/*.ts`) and compares against a raw baseline measured in the same run.\n';

/** Replaces (or appends) one `## title` section of RESULTS.md, keeping the others. */
export function writeSection(title: string, body: string): void {
  const current = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : HEADER;
  const stamped = `## ${title}\n\n_Measured ${new Date().toISOString().slice(0, 10)} on this project's machine kind (2 cores)._\n\n${body}\n`;
  const pattern = new RegExp(`## ${title}\\n[\\s\\S]*?(?=\\n## |$)`);
  const next = pattern.test(current) ? current.replace(pattern, stamped) : `${current.trimEnd()}\n\n${stamped}`;
  writeFileSync(RESULTS, next);
}
