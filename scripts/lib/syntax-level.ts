// The syntax level each build must not exceed, and the check that holds it: every built .js file
// is parsed with a real parser (acorn) at that level; one file that does not parse fails the build.
//
// The levels themselves, and why, are in config/syntax-targets.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type ecmaVersion } from 'acorn';

export {
  FUNCTIONS_ECMA_VERSION,
  FUNCTIONS_NODE_TARGET,
  WEAPP_ECMA_VERSION,
  WEAPP_ESBUILD_TARGET,
  WEAPP_MIN_BASE_LIBRARY,
} from '../../config/syntax-targets';

export interface SyntaxProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  /** A few characters around the failing position, so the offending syntax can be recognised. */
  excerpt: string;
}

function jsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...jsFiles(full));
    } else if (entry.isFile() && entry.name.endsWith('.js')) out.push(full);
  }
  return out;
}

/** Parses one file's text at `level` as a classic script; null when it parses. */
export function syntaxProblem(file: string, code: string, level: ecmaVersion): SyntaxProblem | null {
  try {
    parse(code, { ecmaVersion: level, sourceType: 'script', allowHashBang: true });
    return null;
  } catch (err) {
    const e = err as { message?: string; pos?: number; loc?: { line: number; column: number } };
    const pos = typeof e.pos === 'number' ? e.pos : 0;
    return {
      file,
      line: e.loc?.line ?? 0,
      column: e.loc?.column ?? 0,
      message: e.message ?? String(err),
      excerpt: code.slice(Math.max(0, pos - 30), pos + 30).replace(/\s+/g, ' '),
    };
  }
}

/** Every .js file under `dirs` (node_modules folders skipped) that does not parse at `level`. */
export function checkSyntaxLevel(dirs: string[], level: ecmaVersion): { files: number; problems: SyntaxProblem[] } {
  const problems: SyntaxProblem[] = [];
  let files = 0;
  for (const dir of dirs) {
    for (const file of jsFiles(dir)) {
      files += 1;
      const p = syntaxProblem(file, readFileSync(file, 'utf8'), level);
      if (p) problems.push(p);
    }
  }
  return { files, problems };
}

export function describeProblems(problems: SyntaxProblem[], level: ecmaVersion, root: string): string {
  const lines = problems
    .slice(0, 20)
    .map((p) => `  ${path.relative(root, p.file)}:${p.line}:${p.column}  ${p.message}  …${p.excerpt}…`);
  if (problems.length > 20) lines.push(`  … and ${problems.length - 20} more`);
  return `${problems.length} file(s) do not parse at ES${level}:\n${lines.join('\n')}`;
}
