// Writes the tables of docs/DATA-MODEL.md that come from the database declaration
// (functions/lib/collections.ts): each collection's permission and owner, and each index with its
// name and fields in order. They sit between two markers; the rest of the document is prose kept
// by hand. `npm run docs:data-model` rewrites them; test/unit/data-model-doc.test.ts fails when the
// committed document differs from what this writes, so the tables cannot drift from the code.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PERMISSIONS, planOf, DATABASE, type CollectionDeclaration } from '../../functions/lib/collections';

const ROOT = path.resolve(__dirname, '..', '..');
export const DATA_MODEL_DOC = path.join(ROOT, 'docs', 'DATA-MODEL.md');
const OWNERS = path.join(ROOT, 'functions', 'lib', 'owners.json');

export const BEGIN = '<!-- generated:collections -->';
export const END = '<!-- /generated -->';

/** Collection -> the context that owns it (functions/lib/owners.json). */
function owners(): Map<string, string> {
  const json = JSON.parse(readFileSync(OWNERS, 'utf8')) as Record<string, unknown>;
  const out = new Map<string, string>();
  for (const [context, names] of Object.entries(json)) {
    if (context.startsWith('//') || !Array.isArray(names)) continue;
    for (const name of names) out.set(String(name), context);
  }
  return out;
}

/** A table cell: no line breaks, pipes escaped. */
const cell = (text: string) => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');

/** The generated part (between the markers, markers excluded) for a declaration. */
export function generatedSection(declaration: Readonly<Record<string, CollectionDeclaration>> = DATABASE, ownerOf: Map<string, string> = owners()): string {
  const plan = planOf(declaration);
  const lines: string[] = [];
  lines.push('', '_Generated from `functions/lib/collections.ts` by `npm run docs:data-model`; edit the declaration, not these tables._', '');

  lines.push('### Permissions', '');
  const counts = new Map<string, number>();
  for (const c of plan) counts.set(c.permission, (counts.get(c.permission) ?? 0) + 1);
  const summary = [...counts.entries()].map(([p, n]) => `${n} ${p} (${PERMISSIONS[p as keyof typeof PERMISSIONS]})`).join(', ');
  lines.push(`${plan.length} collections: ${summary}.`, '');
  lines.push('| collection | owner | permission | indexes |', '|---|---|---|---|');
  for (const c of plan) {
    lines.push(`| \`${c.name}\` | ${ownerOf.get(c.name) ?? '—'} | ${c.permission} · ${PERMISSIONS[c.permission]} | ${c.indexes.length || 'none: read by `_id`'} |`);
  }

  lines.push('', '### Indexes', '');
  const indexed = plan.filter((c) => c.indexes.length > 0);
  const total = indexed.reduce((n, c) => n + c.indexes.length, 0);
  lines.push(`${total} indexes on ${indexed.length} collections, every field ascending, in the order given (a query is served by a prefix).`, '');
  lines.push('| collection | index name | fields, in order | unique | serves |', '|---|---|---|---|---|');
  for (const c of indexed) {
    const declared = declaration[c.name].indexes;
    c.indexes.forEach((index, i) => {
      const decl = declared[i];
      const why = Array.isArray(decl) ? '' : (decl.why ?? '');
      lines.push(`| \`${c.name}\` | \`${index.name}\` | \`${index.fields.join(', ')}\` | ${index.unique ? '唯一' : ''} | ${cell(why)} |`);
    });
  }
  const byId = plan.filter((c) => c.indexes.length === 0).map((c) => `\`${c.name}\``);
  lines.push('', `Read by \`_id\` only (no index): ${byId.join(', ')}.`, '');
  return lines.join('\n');
}

/** The document with its generated part replaced; throws when the markers are not there once each. */
export function renderDataModelDoc(current: string, section: string = generatedSection()): string {
  const begin = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  if (begin < 0 || end < begin || current.indexOf(BEGIN, begin + 1) >= 0 || current.indexOf(END, end + 1) >= 0) {
    throw new Error(`docs/DATA-MODEL.md must hold ${BEGIN} … ${END} once`);
  }
  return `${current.slice(0, begin + BEGIN.length)}${section}${current.slice(end)}`;
}

if (require.main === module) {
  const current = readFileSync(DATA_MODEL_DOC, 'utf8');
  const next = renderDataModelDoc(current);
  if (next === current) console.log('docs/DATA-MODEL.md is up to date');
  else {
    writeFileSync(DATA_MODEL_DOC, next);
    console.log('docs/DATA-MODEL.md: tables rewritten from functions/lib/collections.ts');
  }
}
