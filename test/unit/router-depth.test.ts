// In WeChat a function receives the event as the platform parsed it, with no HTTP door in front:
// the router itself refuses a payload nested deeper than any action needs, before its schema
// (or a handler) walks it recursively.
import { z } from 'zod';
import { createRouter } from '../../functions/lib/router';
import type { Deps } from '../../functions/lib/deps';

const logged: unknown[] = [];
const deps = { log: { error: (m: string, d?: unknown) => logged.push([m, d]), info: () => undefined } } as unknown as Deps;

type Tree = { kids: Tree[] };
const tree: z.ZodType<Tree> = z.lazy(() => z.object({ kids: z.array(tree) }));
const schemas = {
  open: z.object({ data: z.unknown() }).strict(),
  tree: z.object({ root: tree }).strict(),
};
type R = { open: { seen: true }; tree: { seen: true } };
const main = createRouter<typeof schemas, R>(
  'test',
  schemas,
  { open: async () => ({ seen: true }), tree: async () => ({ seen: true }) },
  { getOpenid: () => 'o-caller', deps },
);

/** Built without recursion, as JSON.parse would hand it over. */
function nestedArrays(depth: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
}
function nestedObjects(depth: number): unknown {
  let value: unknown = { a: 1 };
  for (let i = 1; i < depth; i++) value = { a: value };
  return value;
}
function nestedTree(depth: number): Tree {
  let value: Tree = { kids: [] };
  for (let i = 1; i < depth; i++) value = { kids: [value] };
  return value;
}

describe('payload depth guard', () => {
  it('a payload nested 10,000 levels deep is INVALID_ARGUMENT in plain Chinese, arrays or objects', async () => {
    for (const data of [nestedArrays(10_000), nestedObjects(10_000), nestedArrays(200_000)]) {
      const r = await main({ action: 'open', payload: { data } });
      expect(r).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
      expect((r as { message: string }).message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('a recursive schema never sees the deep payload (no stack overflow, no INTERNAL)', async () => {
    const r = await main({ action: 'tree', payload: { root: nestedTree(100_000) } });
    expect(r).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(logged).toEqual([]);
  });

  it('ordinary nesting passes', async () => {
    expect(await main({ action: 'open', payload: { data: nestedObjects(20) } })).toEqual({ ok: true, data: { seen: true } });
    expect(await main({ action: 'tree', payload: { root: nestedTree(15) } })).toEqual({ ok: true, data: { seen: true } });
  });
});
