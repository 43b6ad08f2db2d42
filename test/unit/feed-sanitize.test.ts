// The rich-text allow-list (issue 6): what may be stored and shown, and what never gets through.
import { bodyImages, renderBody, sanitizeBody } from '../../functions/feed/sanitize';
import { feedSortKey, plainText, summaryOf } from '../../core/domain/feed';

describe('rich text sanitising', () => {
  it('keeps paragraphs, headings, emphasis, lists, quotes and centred text', () => {
    const html = '<h2 style="text-align:center">标题</h2><p>正文<strong>加粗</strong><em>斜体</em><br>换行</p><ul><li>一</li></ul><blockquote>引用</blockquote>';
    // Re-serialised by the parser: void elements come back self-closed.
    expect(sanitizeBody(html)).toBe(html.replace('<br>', '<br />'));
  });

  it('drops scripts with their content, event handlers, javascript: and data: sources, links, iframes and styles', () => {
    const evil = [
      '<script>alert(1)</script>',
      '<p onclick="alert(2)" onmouseover="alert(3)">点我</p>',
      '<img src="x" onerror="alert(4)">',
      '<img src="javascript:alert(5)">',
      '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
      '<a href="javascript:alert(6)">链接</a>',
      '<iframe src="https://evil.example"></iframe>',
      '<style>body{display:none}</style>',
      '<svg onload="alert(7)"><circle/></svg>',
      '<p style="background:url(javascript:alert(8));position:fixed">样式</p>',
      '<IMG SRC=JaVaScRiPt:alert(9)>',
      '<p>&lt;script&gt;转义文字&lt;/script&gt;</p>',
    ].join('');
    const out = sanitizeBody(evil);
    expect(out).toBe('<p>点我</p>链接<p>样式</p><p>&lt;script&gt;转义文字&lt;/script&gt;</p>');
    expect(out).not.toMatch(/alert|onerror|onclick|javascript|iframe|<script|<svg|style=/i);
  });

  it('keeps images from cloud storage only, and finds them', () => {
    // An https source would track readers and skip the image check (issue 14, item 9).
    const out = sanitizeBody('<p><img src="cloud://env.bucket/uploads/a.png" alt="合影"><img src="https://example.com/b.jpg"><img src="http://example.com/c.jpg"></p>');
    expect(out).toBe('<p><img src="cloud://env.bucket/uploads/a.png" alt="合影" /></p>');
    expect(bodyImages(out)).toEqual(['cloud://env.bucket/uploads/a.png']);
    const shown = renderBody(out, new Map([['cloud://env.bucket/uploads/a.png', 'https://tmp.example/a.png?sign=1']]));
    expect(shown).toContain('src="https://tmp.example/a.png?sign=1"');
    expect(shown).toContain('style="max-width:100%;height:auto;display:block;margin:8px 0"');
  });
});

describe('image sources', () => {
  it('drops every image that is not a cloud fileID: https, protocol-relative, upper-case schemes, entities, whitespace tricks', () => {
    const sources = [
      'https://tracker.example/p.gif',
      '//tracker.example/p.gif',
      'HTTPS://tracker.example/p.gif',
      ' https://tracker.example/p.gif',
      'https&#58;//tracker.example/p.gif',
      'cloud:/missing-slash.png',
      'xcloud://env/a.png',
    ];
    for (const src of sources) expect(sanitizeBody(`<p>文字<img src="${src}"></p>`)).toBe('<p>文字</p>');
    expect(sanitizeBody('<p><img src="cloud://env.bucket/a.png"><img src="https://x.example/b.png"></p>')).toBe('<p><img src="cloud://env.bucket/a.png" /></p>');
  });
});

describe('feed helpers', () => {
  it('sort pinned posts first, then newest, by one key', () => {
    const keys = [feedSortKey(false, 1000, 'b'), feedSortKey(true, 10, 'a'), feedSortKey(false, 2000, 'c')].sort().reverse();
    expect(keys).toEqual([feedSortKey(true, 10, 'a'), feedSortKey(false, 2000, 'c'), feedSortKey(false, 1000, 'b')]);
  });
  it('summarise the plain text of a body', () => {
    expect(plainText('<p>第一段</p><p>第二&amp;段</p>')).toBe('第一段\n第二&段');
    expect(summaryOf(`<p>${'字'.repeat(70)}</p>`)).toBe(`${'字'.repeat(60)}…`);
  });
});
