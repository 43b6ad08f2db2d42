// Lint rule: a collection is used only by the context that owns it (functions/lib/owners.json);
// other contexts go through the owner's ports.ts (architecture rule 3). Any reference to
// `COLLECTIONS.<name>` of another context fails; the message says whether it was a write (passed
// to insert / insertMany / insertBatch / updateById, or `.collection(COLLECTIONS.<name>)` ending in
// add, update, set or remove, or handed to updateWhere) or a read. The file's context is its
// folder under functions/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const owners = JSON.parse(readFileSync(path.join(here, '..', 'functions', 'lib', 'owners.json'), 'utf8'));
const ownerOf = new Map();
for (const [context, names] of Object.entries(owners)) {
  if (context.startsWith('//')) continue;
  for (const name of names) ownerOf.set(name, context);
}

const WRITE_HELPERS = new Set(['insert', 'insertMany', 'insertBatch', 'updateById']);
const WRITE_METHODS = new Set(['add', 'update', 'set', 'remove']);

function contextOf(filename) {
  const m = /(?:^|[\\/])functions[\\/]([^\\/]+)[\\/]/.exec(filename);
  return m ? m[1] : null;
}

/** Does the `.collection(...)` call lead to a write? */
function chainWrites(call) {
  let node = call;
  for (;;) {
    const p = node.parent;
    if (!p) return false;
    if (p.type === 'MemberExpression' && p.object === node) {
      if (p.property.type === 'Identifier' && WRITE_METHODS.has(p.property.name)) return true;
      node = p;
      continue;
    }
    if (p.type === 'CallExpression' && p.callee === node) {
      node = p;
      continue;
    }
    if (p.type === 'CallExpression' && p.arguments.includes(node)) {
      return p.callee.type === 'Identifier' && p.callee.name === 'updateWhere';
    }
    return false;
  }
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'a collection is written only by the context that owns it' },
    messages: {
      foreign: 'Collection "{{name}}" belongs to the {{owner}} context: {{verb}} it through that context\'s ports.ts, not from {{context}}.',
      unknown: 'Collection "{{name}}" has no owner in functions/lib/owners.json.',
    },
    schema: [],
  },
  create(context) {
    const mine = contextOf(context.filename ?? context.getFilename());
    if (!mine) return {};
    return {
      MemberExpression(node) {
        if (node.object.type !== 'Identifier' || node.object.name !== 'COLLECTIONS' || node.property.type !== 'Identifier') return;
        const name = node.property.name;
        const p = node.parent;
        let writes = false;
        if (p.type === 'CallExpression' && p.arguments.includes(node)) {
          if (p.callee.type === 'Identifier' && WRITE_HELPERS.has(p.callee.name)) writes = true;
          else if (p.callee.type === 'MemberExpression' && p.callee.property.type === 'Identifier' && p.callee.property.name === 'collection') writes = chainWrites(p);
        }
        const owner = ownerOf.get(name);
        if (!owner) context.report({ node, messageId: 'unknown', data: { name } });
        else if (owner !== mine) context.report({ node, messageId: 'foreign', data: { name, owner, context: mine, verb: writes ? 'write' : 'read' } });
      },
    };
  },
};
