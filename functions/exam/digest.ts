// A question's content digest, stored on the question (`contentDigest`) so that a re-import can
// tell an unchanged question from the digest alone, without reading its stem, options and
// explanation (functions/exam/reimport.ts).

import { createHash } from 'node:crypto';
import type { QuestionContent } from '../../core/domain/exam/questions';

/** JSON with every object's keys sorted and arrays in order: equal content, equal text. */
function canonical(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const o = value as Record<string, unknown>;
  let body = '';
  for (const k of Object.keys(o).sort()) {
    if (o[k] !== undefined) body += `${body ? ',' : ''}${JSON.stringify(k)}:${canonical(o[k])}`;
  }
  return `{${body}}`;
}

/**
 * The stored digest of a question at `version`: the version, then a hash of the whole content
 * (`contentOf`, so a field added to the content is covered without a change here). A write that
 * changes the content without restamping it leaves the digest on an older version, where it
 * vouches for nothing.
 */
export function contentStamp(version: number, content: QuestionContent): string {
  return `${version}:${createHash('sha256').update(canonical(content)).digest('hex').slice(0, 32)}`;
}
