import { pinyin } from 'pinyin-pro';
import { memberSortKey as keyWith } from '../../functions/org/sortKey';

const memberSortKey = (name: string) => keyWith(pinyin, name);

const byKey = (names: string[]) => [...names].sort((a, b) => (memberSortKey(a) < memberSortKey(b) ? -1 : memberSortKey(a) > memberSortKey(b) ? 1 : 0));

describe('roster sort key (pinyin order)', () => {
  it('is the toneless pinyin of each syllable, then the name', () => {
    expect(memberSortKey('王秀英')).toBe('wang-xiu-ying 王秀英');
    expect(memberSortKey('吕红')).toBe('lv-hong 吕红');
  });

  it('reads a 多音字 surname as a surname', () => {
    expect(memberSortKey('单雄信')).toBe('shan-xiong-xin 单雄信');
    expect(memberSortKey('曾国藩')).toBe('zeng-guo-fan 曾国藩');
    expect(memberSortKey('解缙')).toBe('xie-jin 解缙');
    expect(memberSortKey('仇英')).toBe('qiu-ying 仇英');
    expect(memberSortKey('朴树')).toBe('piao-shu 朴树');
    expect(memberSortKey('区志强')).toBe('ou-zhi-qiang 区志强');
    // Only the first character: the given name keeps its usual reading.
    expect(memberSortKey('单单')).toBe('shan-dan 单单');
  });

  it('keeps letters only: 间隔号 and Latin names read as they are, lowercased', () => {
    expect(memberSortKey('阿依古丽·买买提')).toBe('a-yi-gu-li-mai-mai-ti 阿依古丽·买买提');
    expect(memberSortKey('Anna')).toBe('anna Anna');
  });

  it('orders names as a Chinese reader looks them up', () => {
    expect(byKey(['张伟', '王秀英', '刘洋', '李强', '黄丽', '陈静'])).toEqual(['陈静', '黄丽', '李强', '刘洋', '王秀英', '张伟']);
    // Syllable by syllable (李 li before 林 lin), a shorter name before a longer one that starts
    // the same, ü after u (卢 lu, 吕 lv), and a surname's reading (单 shan after 沙 sha, not near 丹 dan).
    expect(byKey(['林晓', '李强'])).toEqual(['李强', '林晓']);
    expect(byKey(['王芳华', '王芳'])).toEqual(['王芳', '王芳华']);
    expect(byKey(['吕红', '卢山'])).toEqual(['卢山', '吕红']);
    expect(byKey(['单明', '丹青', '沙宁'])).toEqual(['丹青', '沙宁', '单明']);
  });

  it('tells apart names that read alike', () => {
    expect(memberSortKey('王芳')).not.toBe(memberSortKey('王方'));
  });
});
