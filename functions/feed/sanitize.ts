// Rich text is sanitised once, on the server, before it is stored: an allow-list of tags and
// attributes (the subset both WeChat's RichText and browsers render), every other tag dropped
// (script and style with their content), no event handlers, no links, image sources only from
// cloud storage (an https source would track readers and skip the image check). The output is
// re-serialised by the parser, so what is stored is well-formed whatever was sent.
//
// sanitize-html (with its parser and postcss) is loaded on first use, from the function's own
// node_modules: it stays out of the bundle (scripts/build-functions.ts), so a cold start of every
// function that only reads the feed, or never touches it, does not parse it (docs/COLD-START.md).

import type sanitizeHtml from 'sanitize-html';

let loaded: typeof sanitizeHtml | undefined;
const sanitizer = (): typeof sanitizeHtml => (loaded ??= require('sanitize-html') as typeof sanitizeHtml);

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'blockquote', 'ul', 'ol', 'li', 'img', 'span'],
  allowedAttributes: { img: ['src', 'alt'], p: ['style'], h2: ['style'], h3: ['style'], h4: ['style'], span: ['style'] },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center|justify)$/] } },
  allowedSchemes: ['cloud'],
  allowedSchemesByTag: { img: ['cloud'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Text inside these is dropped together with the tag.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'template', 'title'],
  // Images only from cloud storage (any other source is dropped with its tag).
  exclusiveFilter: (frame) => frame.tag === 'img' && !/^cloud:\/\/[^\s"]+$/.test(frame.attribs.src ?? ''),
};

export function sanitizeBody(html: string): string {
  return sanitizer()(html, OPTIONS).trim();
}

/** Cloud fileIDs used as image sources in a sanitised body. */
export function bodyImages(html: string): string[] {
  return [...html.matchAll(/<img[^>]*\ssrc="(cloud:\/\/[^"]+)"/g)].map((m) => m[1]);
}

/** The body as shown: cloud sources replaced by temporary URLs, images kept within the width. */
export function renderBody(html: string, urls: Map<string, string>): string {
  return html
    .replace(/<img([^>]*)\ssrc="(cloud:\/\/[^"]+)"/g, (_m, before: string, id: string) => `<img${before} src="${(urls.get(id) ?? '').replace(/"/g, '&quot;')}"`)
    .replace(/<img /g, '<img style="max-width:100%;height:auto;display:block;margin:8px 0" ');
}
