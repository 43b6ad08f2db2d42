// Prints every test's full name (describe titles › test title), one per line, sorted, read from
// the test sources without running them. Used to show that a refactor loses no test: save the list
// before and after and compare (`npm run test:names > before.txt`). File paths are left out on
// purpose, so moving a test to another file is not reported as a loss.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', 'test');
const CALLEES = new Set(['describe', 'it', 'test']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function calleeName(expr: ts.Expression): string | null {
  // describe(...), it.each(...)(...) is not used here; it.skip / describe.skip count as their base.
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression)) return expr.expression.text;
  return null;
}

function titleOf(arg: ts.Expression | undefined, source: ts.SourceFile): string | null {
  if (!arg) return null;
  if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return arg.text;
  if (ts.isTemplateExpression(arg)) return arg.getText(source).slice(1, -1);
  return null;
}

const names: string[] = [];
for (const file of files(ROOT)) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const walk = (node: ts.Node, trail: string[]): void => {
    if (ts.isCallExpression(node)) {
      const callee = calleeName(node.expression);
      const title = titleOf(node.arguments[0], source);
      if (callee && CALLEES.has(callee) && title !== null) {
        if (callee === 'describe') {
          node.arguments.slice(1).forEach((a) => walk(a, [...trail, title]));
        } else {
          names.push([...trail, title].join(' › '));
        }
        return;
      }
    }
    ts.forEachChild(node, (child) => walk(child, trail));
  };
  walk(source, []);
}
names.sort();
process.stdout.write(`${names.join('\n')}\n`);
process.stderr.write(`${names.length} tests\n`);
