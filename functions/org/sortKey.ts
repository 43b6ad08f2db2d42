// The order a roster is listed in: by the pinyin of the name, as a Chinese reader looks a name up
// (陈, 黄, 李, 刘, 王, 张), not by the code points of the characters. Stored on each member doc
// (`sortKey`) at every write that creates or renames one, so a page of the list is one indexed
// query. Server-only: pinyin-pro's dictionary never reaches the mini-program, and within the org
// function it is kept out of the bundle and required on first use (an import or an approval), so
// the calls every member makes (getMe, binding) do not pay for parsing it at a cold start.

type Pinyin = typeof import('pinyin-pro').pinyin;

/**
 * `wang-xiu-ying 王秀英`: the toneless pinyin of each syllable, lowercase letters only (ü as v, so
 * 吕 lv sorts after 卢 lu), joined by '-', then a space and the name itself to tell apart names
 * that read alike. Both separators sort below every letter and the space below '-', so 李 (li)
 * comes before 林 (lin) and 王芳 before 王芳华. Surname mode reads the first character as a
 * surname where that differs (单 shan, 曾 zeng, 解 xie, 仇 qiu, 朴 piao, 区 ou).
 */
export function memberSortKey(pinyin: Pinyin, name: string): string {
  const read = pinyin(name, { toneType: 'none', mode: 'surname', surname: 'head', nonZh: 'consecutive', v: true });
  const syllables = read
    .toLowerCase()
    .split(/\s+/)
    .map((s) => s.replace(/[^a-z]/g, ''))
    .filter(Boolean);
  return `${syllables.join('-')} ${name}`;
}

/**
 * The roster's listing key: leaders (领导班子成员) first — "leaders first", as the seeds ask
 * (以上率下) — then everyone in pinyin order. `0:` and `1:` sort before any pinyin.
 */
export function rankedSortKey(leader: boolean, pinyinKey: string): string {
  return `${leader ? '0' : '1'}:${pinyinKey}`;
}

/** The same key with the leader rank changed (the pinyin part is kept; an unranked key gains one). */
export function rerankSortKey(sortKey: string, leader: boolean): string {
  return rankedSortKey(leader, /^[01]:/.test(sortKey) ? sortKey.slice(2) : sortKey);
}

/** The listing key of a member, with pinyin-pro loaded on first use. */
export async function loadSortKey(): Promise<(name: string, leader?: boolean) => string> {
  // Outside the bundle (scripts/build-functions.ts): required from the function's node_modules.
  const { pinyin } = require('pinyin-pro') as typeof import('pinyin-pro');
  return (name, leader = false) => rankedSortKey(leader, memberSortKey(pinyin, name));
}
