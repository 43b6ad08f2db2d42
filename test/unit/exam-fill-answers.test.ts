import { fillMatches, normaliseFillText, parseChineseNumber, readNumeric, spreadBlanks } from '../../core/domain/exam/fillAnswers';

describe('fill answer normalisation', () => {
  it('reads Chinese numerals, positional and digit by digit', () => {
    expect(['十', '十二', '二十二', '一百零五', '两百', '三千万', '一九二一', '〇'].map(parseChineseNumber)).toEqual([10, 12, 22, 105, 200, 30_000_000, 1921, 0]);
    expect(parseChineseNumber('百')).toBeNull();
    expect(parseChineseNumber('二三十')).toBeNull();
    expect(parseChineseNumber('一国')).toBeNull();
  });

  it('reads numbers with units only when the whole answer is numbers and units', () => {
    expect(readNumeric('1945年8月15日')).toEqual([1945, '年', 8, '月', 15, '日']);
    expect(readNumeric('百分之五十')).toEqual([50, '%']);
    expect(readNumeric('三个代表')).toBeNull();
    // A date written with digits and one separator is the same date.
    expect(readNumeric('1945/8/15')).toEqual([1945, '年', 8, '月', 15, '日']);
    expect(readNumeric('1945-08-15')).toEqual([1945, '年', 8, '月', 15, '日']);
    expect(readNumeric('1/2')).toBeNull();
    expect(readNumeric('1945/13/15')).toBeNull();
  });

  it('peels marks off both ends, never from the middle', () => {
    expect(normaliseFillText(' “《共产党宣言》”。')).toBe('共产党宣言');
    expect(normaliseFillText('一个中心、两个基本点')).toBe('一个中心、两个基本点');
  });

  it('never accepts an empty answer', () => {
    expect(fillMatches(' 。', ['。'])).toBe(false);
  });

  it('spreads one box over the blanks only when the count fits', () => {
    expect(spreadBlanks(['甲；乙', ''], 2)).toEqual(['甲', '乙']);
    expect(spreadBlanks(['甲；乙', '丙'], 2)).toEqual(['甲；乙', '丙']);
    expect(spreadBlanks(['甲', ''], 2)).toEqual(['甲', '']);
    expect(spreadBlanks(['', '甲 乙'], 2)).toEqual(['', '甲 乙']);
  });
});
