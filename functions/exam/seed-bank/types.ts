// The row shape of the built-in question bank: the import format, so the same parser that reads
// organisers' files reads these (a unit test parses every row).

export interface SeedQuestionRow {
  /** 单选 | 多选 | 判断 | 填空 */
  type: '单选' | '多选' | '判断' | '填空';
  stem: string;
  /** Choice questions only: 2 to 8 options, without the "A." label. Empty for 判断 and 填空. */
  options: string[];
  /**
   * 单选: one letter ("B"). 多选: letters in order, no separator ("ACD"), at least 2.
   * 判断: "对" or "错". 填空: one answer per blank separated by "；" (full-width semicolon);
   * accepted synonyms for one blank separated by "/" (e.g. "遵义/遵义会议").
   */
  answer: string;
  /** One sentence explaining the answer, stating the fact. */
  explanation: string;
  /** One or more of 党史, 新中国史, 改革开放史, 社会主义发展史, 党章党规; free tags may follow. */
  tags: string[];
  /** 1 easy, 2 medium, 3 hard */
  difficulty: 1 | 2 | 3;
}
