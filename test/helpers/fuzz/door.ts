// Raw requests to the local host's HTTP door, below the payload: function names that are not
// names (bad escapes, NUL, traversal), bodies that are not JSON, JSON that is not an event, text
// nested far past any limit, byte-order marks and lone surrogates. Whatever arrives, the answer is
// an envelope and never a 500.
import fc from 'fast-check';
import { HOSTILE_FRAGMENTS } from './hostile';

const CONTEXTS = ['org', 'exam', 'checkin', 'event', 'feed'];

export const doorName: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...CONTEXTS), weight: 4 },
  { arbitrary: fc.constantFrom('%', '%E0%A4%A', '%00', 'org%00', '..%2Forg', '%2e%2e%2forg', 'nope', 'ORG', 'org/', '__proto__', 'constructor', '%C0%AF', 'a'.repeat(300)), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 6 }).map(encodeURIComponent), weight: 1 },
);

const deepText = (n: number) => `{"action":"getPost","payload":{"postId":${'['.repeat(n)}${']'.repeat(n)}}}`;

export const doorBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '{"action":',
    'null',
    '[]',
    '"x"',
    '0',
    'true',
    '{"action":null}',
    '{"action":"__proto__","payload":{}}',
    '{"action":"constructor","payload":{}}',
    '{"action":"getMe","payload":null}',
    '{"action":"getMe","payload":[]}',
    '{"__proto__":{"action":"getMe"}}',
    '{"action":"getMe","payload":{"__proto__":{"isAdmin":true}}}',
    '\ufeff{"action":"getMe","payload":{}}',
    '{"action":"listPosts","payload":{"q":"\\ud800"}}',
    '{"action":"listPosts","payload":{"q":"\\u0000"}}',
    '{"action":"getMe","payload":{}, "action":"listUnits"}',
    '{"Type":"Timer","TriggerName":"sweep"}',
  ),
  fc.constantFrom(100, 1_000, 10_000, 100_000).map(deepText),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.tuple(fc.constantFrom(...HOSTILE_FRAGMENTS), fc.constantFrom('getMe', 'listPosts', 'getPost')).map(([s, a]) => JSON.stringify({ action: a + s, payload: {} })),
);
