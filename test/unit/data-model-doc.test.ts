// docs/DATA-MODEL.md's permission and index tables are written from the database declaration
// (functions/lib/collections.ts) by scripts/lib/data-model-doc.ts: the committed document must be
// what the generator writes, so the tables a newcomer follows cannot drift from the code.
import { readFileSync } from 'node:fs';
import { DATABASE, type CollectionDeclaration } from '../../functions/lib/collections';
import { BEGIN, DATA_MODEL_DOC, END, generatedSection, renderDataModelDoc } from '../../scripts/lib/data-model-doc';

describe('docs/DATA-MODEL.md', () => {
  it('holds the tables the declaration gives (else run `npm run docs:data-model`)', () => {
    const doc = readFileSync(DATA_MODEL_DOC, 'utf8');
    if (renderDataModelDoc(doc) !== doc) {
      throw new Error('docs/DATA-MODEL.md differs from functions/lib/collections.ts: run `npm run docs:data-model` and commit the result');
    }
  });

  it('lists every collection with its permission and every index with its name and fields in order', () => {
    const section = generatedSection();
    for (const [name, d] of Object.entries(DATABASE) as Array<[string, CollectionDeclaration]>) {
      expect(section).toContain(`| \`${name}\` |`);
      expect(section).toMatch(new RegExp(`\\| \`${name}\` \\| \\w+ \\| ${d.permission} · `));
    }
    expect(section).toContain('| `posts` | `authorId_1_source_type_1_createdAt_1` | `authorId, source.type, createdAt` |  | 我的投稿 |');
    expect(section).toContain('| `units` | `orgId_1_kind_1` | `orgId, kind` |  |  |');
    expect(section).toMatch(/Read by `_id` only \(no index\): `unitNames`, `inviteCodes`, `meta`/);
  });

  it('rewrites only what lies between the markers, and refuses a document without them', () => {
    const doc = `# title\n\nprose\n\n${BEGIN}\nold table\n${END}\n\nmore prose\n`;
    const small: Record<string, CollectionDeclaration> = { units: { permission: 'ADMINONLY', indexes: [['orgId', 'kind']] } };
    const out = renderDataModelDoc(doc, generatedSection(small, new Map([['units', 'org']])));
    expect(out.startsWith(`# title\n\nprose\n\n${BEGIN}\n`)).toBe(true);
    expect(out.endsWith(`${END}\n\nmore prose\n`)).toBe(true);
    expect(out).not.toContain('old table');
    expect(out).toContain('| `units` | org | ADMINONLY · 仅管理端可读写 | 1 |');
    expect(out).toContain('| `units` | `orgId_1_kind_1` | `orgId, kind` |  |  |');
    expect(renderDataModelDoc(out, generatedSection(small, new Map([['units', 'org']])))).toBe(out);
    expect(() => renderDataModelDoc('# no markers\n')).toThrow(/must hold/);
    expect(() => renderDataModelDoc(`${doc}${BEGIN}\n`)).toThrow(/must hold/);
  });

  it('cannot be generated from a broken declaration', () => {
    const broken = { units: { indexes: [] } } as unknown as Record<string, CollectionDeclaration>;
    expect(() => generatedSection(broken, new Map())).toThrow(/units: no permission declared/);
  });
});
