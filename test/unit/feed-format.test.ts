// Pure helpers of the feed pages: typed paragraphs become escaped <p> paragraphs, stored bodies
// come back as plain paragraphs, dates and counts read as members expect, picked photos are
// checked, and a scheduled time round-trips through the Beijing date and time pickers.
import {
  countText,
  escapeHtml,
  htmlToParagraphs,
  paragraphsToHtml,
  photoProblem,
  photoRoom,
  postDateText,
  postSource,
  previewHtml,
  scheduleText,
} from '../../src/utils/feed-format';
import { beijingParts as beijingPickerParts } from '../../core/domain/time';
import { fromBeijing as fromBeijingPickers } from '../../src/utils/field-input';

const beijing = (y: number, mo: number, d: number, h = 12, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);

describe('paragraphsToHtml', () => {
  it('GIVEN lines typed in a text box WHEN converted THEN each non-empty line is one paragraph, trimmed', () => {
    expect(paragraphsToHtml('第一段\n\n  第二段  \r\n第三段\n')).toBe('<p>第一段</p><p>第二段</p><p>第三段</p>');
  });

  it('escapes < > & " so that typed markup shows as text and never as HTML', () => {
    expect(paragraphsToHtml('<script>alert("x")</script> & <b>粗</b>')).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;粗&lt;/b&gt;</p>',
    );
    expect(paragraphsToHtml('<img src=x onerror="alert(1)">')).not.toMatch(/<img/);
  });

  it('gives an empty body for blank input (the server then asks for a body)', () => {
    expect(paragraphsToHtml('  \n\n \r\n')).toBe('');
  });

  it('escapeHtml also escapes single quotes, and & first so entities are not doubled wrongly', () => {
    expect(escapeHtml(`'&lt;'`)).toBe('&#39;&amp;lt;&#39;');
  });
});

describe('htmlToParagraphs', () => {
  it('GIVEN a stored body WHEN edited as text THEN paragraphs, headings and list items become lines, entities decoded', () => {
    expect(htmlToParagraphs('<p>一 &amp; 二</p><h3>标题</h3><ul><li>甲</li><li>乙</li></ul><p><img src="cloud://x/y.png" /></p>')).toBe(
      '一 & 二\n标题\n甲\n乙',
    );
  });

  it('round-trips what paragraphsToHtml made', () => {
    const typed = '第一段 <b> & "引号"\n第二段';
    expect(htmlToParagraphs(paragraphsToHtml(typed))).toBe(typed);
  });
});

describe('previewHtml', () => {
  it('GIVEN a stored body with cloud images WHEN previewed THEN each image is a marker and the rest is kept', () => {
    expect(previewHtml('<p>现场</p><img src="cloud://env.bucket/uploads/a.png" alt="合影" /><p>结束</p><img src="https://example.com/b.png" />')).toBe(
      '<p>现场</p><span>〔正文图片〕</span><p>结束</p><img src="https://example.com/b.png" />',
    );
  });
});

describe('postDateText', () => {
  const now = beijing(2025, 5, 3, 15);
  it('says 今天 and 昨天 with the time, by the Beijing calendar', () => {
    expect(postDateText(beijing(2025, 5, 3, 9, 5), now)).toBe('今天 09:05');
    expect(postDateText(beijing(2025, 5, 3, 0, 10), now)).toBe('今天 00:10');
    expect(postDateText(beijing(2025, 5, 2, 23, 59), now)).toBe('昨天 23:59');
  });

  it('gives the month and day this year, and adds the year for earlier years', () => {
    expect(postDateText(beijing(2025, 4, 28), now)).toBe('4月28日');
    expect(postDateText(beijing(2024, 12, 31), now)).toBe('2024年12月31日');
  });
});

describe('countText', () => {
  it('shows small counts as they are and large ones in 万', () => {
    expect(countText(0)).toBe('0');
    expect(countText(9999)).toBe('9999');
    expect(countText(10_000)).toBe('1万');
    expect(countText(12_345)).toBe('1.2万');
  });
});

describe('postSource', () => {
  it('names the branch, or 全单位 for a post to the whole organisation', () => {
    expect(postSource({ unitName: '实验中学党支部', authorName: '李强' })).toBe('实验中学党支部 · 李强');
    expect(postSource({ unitName: null, authorName: '张伟' })).toBe('全单位 · 张伟');
  });
});

describe('photos', () => {
  it('accepts JPG and PNG up to 4 MB and says what is wrong otherwise', () => {
    expect(photoProblem('现场.JPG', 1024)).toBeNull();
    expect(photoProblem('a.jpeg', 4 * 1024 * 1024)).toBeNull();
    expect(photoProblem('a.png', 4 * 1024 * 1024 + 1)).toBe('图片超过4MB，请换一张小一些的图片');
    expect(photoProblem('a.gif', 10)).toBe('请选择 JPG 或 PNG 格式的图片');
  });

  it('counts the room left and says when it is full', () => {
    expect(photoRoom(7, 9)).toEqual({ left: 2, full: null });
    expect(photoRoom(9, 9)).toEqual({ left: 0, full: '最多9张图片' });
  });
});

describe('scheduled publishing', () => {
  it('round-trips a moment through the Beijing date and time pickers, whatever the phone zone', () => {
    const at = beijing(2025, 5, 3, 9, 30);
    expect(beijingPickerParts(at)).toEqual({ y: 2025, m: 5, d: 3, weekday: 6, day: '2025-05-03', time: '09:30' });
    expect(fromBeijingPickers('2025-05-03', '09:30')).toBe(at);
  });

  it('says when a scheduled post will appear', () => {
    expect(scheduleText(beijing(2025, 5, 4, 8), beijing(2025, 5, 3))).toBe('将于 5月4日 08:00 发布');
    expect(scheduleText(beijing(2026, 1, 2, 8), beijing(2025, 5, 3))).toBe('将于 2026年1月2日 08:00 发布');
  });
});
