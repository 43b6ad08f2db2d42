// A question's content digest (functions/exam/digest.ts): equal content gives an equal digest
// whatever the order of its fields, any change of any field changes it, a field added to the
// content is covered, and the digest names the version it was made for.
import type { QuestionContent } from '../../core/domain/exam/questions';
import { contentStamp } from '../../functions/exam/digest';

const q: QuestionContent = {
  type: 'single',
  stem: '遵义会议召开于哪一年？',
  options: ['1934', '1935', '1936'],
  answer: [1],
  blanks: [],
  explanation: '1935 年 1 月',
  tags: ['党史', '四史'],
  difficulty: 1,
  examOnly: false,
};

describe('content digest', () => {
  it('is the same for the same content in any field order, and names its version', () => {
    const reversed = Object.fromEntries(Object.entries(q).reverse()) as unknown as QuestionContent;
    expect(contentStamp(3, reversed)).toBe(contentStamp(3, q));
    expect(contentStamp(3, q)).toMatch(/^3:[0-9a-f]{32}$/);
    expect(contentStamp(4, q).slice(2)).toBe(contentStamp(3, q).slice(2));
  });

  it('changes with any field, the order of options and tags, and a field the content gains', () => {
    const changed: Array<Partial<QuestionContent> | Record<string, unknown>> = [
      { type: 'multiple' },
      { stem: '遵义会议召开于哪一年?' },
      { options: ['1934', '1936', '1935'] },
      { answer: [2] },
      { blanks: [['1935']] },
      { explanation: '' },
      { tags: ['四史', '党史'] },
      { difficulty: 2 },
      { examOnly: true },
      { media: { kind: 'image' } },
    ];
    const digests = changed.map((over) => contentStamp(1, { ...q, ...over } as QuestionContent));
    expect(new Set([contentStamp(1, q), ...digests]).size).toBe(changed.length + 1);
  });

  it('reads an absent field as absent, not as null', () => {
    const withUndefined = { ...q, media: undefined } as unknown as QuestionContent;
    expect(contentStamp(1, withUndefined)).toBe(contentStamp(1, q));
    expect(contentStamp(1, { ...q, media: null } as unknown as QuestionContent)).not.toBe(contentStamp(1, q));
  });
});
