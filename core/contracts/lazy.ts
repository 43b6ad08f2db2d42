// Lazy action schemas (docs/COLD-START.md). Constructing a zod schema is not free — every instance
// and every chained call (.min, .trim, .strict …) builds a new object with dozens of methods — and a
// function's contract holds hundreds of them, most for actions a given instance never answers. So a
// contract declares each action's schema as a function, and the map the router reads builds an
// action's schema the first time that action is called, then keeps it for the instance's life.
// The client imports only the types, which are the same as for a map of built schemas.

import type * as z from 'zod';

/** Each action's schema, as a function that builds it. */
export type SchemaDeclarations = Record<string, () => z.ZodType>;

/**
 * The map the router reads: the same keys, each the schema its declaration builds (readonly where
 * the declarations are, as for a map of built schemas declared `as const`).
 */
export type BuiltSchemas<D extends SchemaDeclarations> = { [A in keyof D]: ReturnType<D[A]> };

/** What each action accepts, from its declaration (`z.input` of the schema it builds). */
export type RequestsOf<D extends SchemaDeclarations> = { [A in keyof D]: z.input<ReturnType<D[A]>> };

/**
 * The map of action schemas, each built on first read: an own, enumerable property per action (so
 * `Object.keys` lists the actions and `hasOwnProperty` tells an action from anything else), a getter
 * until first read, then the built schema itself.
 */
export function actionSchemas<D extends SchemaDeclarations>(declarations: D): BuiltSchemas<D> {
  const schemas = {} as BuiltSchemas<D>;
  for (const action of Object.keys(declarations)) {
    Object.defineProperty(schemas, action, {
      enumerable: true,
      configurable: true,
      get() {
        const schema = declarations[action]();
        Object.defineProperty(schemas, action, { value: schema, enumerable: true, writable: false, configurable: false });
        return schema;
      },
    });
  }
  return schemas;
}

/** How many of a map's schemas have been built so far (tests: none at load). */
export function builtCount(schemas: object): number {
  return Object.values(Object.getOwnPropertyDescriptors(schemas)).filter((d) => d.get === undefined).length;
}
