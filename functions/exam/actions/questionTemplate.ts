// questionTemplate: the bank's import template (an xlsx with examples and the rules of each
// column), uploaded for the organiser to download. The template is the same for every organisation:
// it is made once per function instance, at a random path (issue 14: a path names no organisation).

import { randomBytes } from 'node:crypto';
import type { ExamResponses } from '../../../core/contracts/exam';
import { TEMPLATE_HEADER } from '../../../core/domain/exam/questions';
import { requireOrganiser } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { writeWorkbook } from '../../lib/xlsx';

const TEMPLATE_NAME = '题库导入模板.xlsx';

const EXAMPLES: string[][] = [
  ['单选', '中国共产党第一次全国代表大会最后一天的会议转移到了哪里举行？', '上海', '嘉兴南湖', '北京', '广州', '', '', '', '', 'B', '一大最后一天的会议转移到浙江嘉兴南湖的游船上举行。', '党史', '易', '否'],
  ['多选', '下列属于「四史」的有（ ）。', '党史', '新中国史', '改革开放史', '社会主义发展史', '世界通史', '', '', '', 'A、B、C、D', '「四史」即党史、新中国史、改革开放史、社会主义发展史。', '党史,新中国史', '中', '否'],
  ['判断', '预备党员的预备期为一年。', '', '', '', '', '', '', '', '', '对', '党章规定，预备党员的预备期为一年。', '党章党规', '易', '是'],
  ['填空', '1921年7月，中国共产党第一次全国代表大会在____召开。', '', '', '', '', '', '', '', '', '上海', '一大在上海开幕。', '党史', '易', '否'],
];

const RULES: string[][] = [
  ['填写说明'],
  ['1. 第一行是表头，请勿修改列名；“题干”和“答案”两列必须有，其他列可留空。'],
  ['2. 题型：单选、多选、判断、填空（也可写“单选题”“单项选择”等）。留空时按选项和答案自动判断。'],
  ['3. 选项：最多 8 个（A–H），从 A 开始连续填写；选项前可带“A.”，导入时会去掉。'],
  ['4. 多选答案可写 ABD、A,B,D、A;B;D 或 A、B、D；判断答案可写 对/错、√/×、正确/错误 或 T/F。'],
  ['5. 填空答案：多个空用“；”分隔，同一个空的多个可接受答案用“/”分隔，如：遵义/遵义会议；毛泽东。'],
  ['6. 标签：党史、新中国史、改革开放史、社会主义发展史、党章党规，可再加自定义标签，用逗号或顿号分隔。'],
  ['7. 难度：易、中、难（或 1、2、3），留空为“中”。'],
  ['8. 仅用于考试：填“是”的题只用于考试，不出现在每日答题和竞赛中；填“否”或不填为普通题。再次导入的文件没有这一列时，题库中的设置不变。'],
  ['9. 导入前会先预览并逐行报告问题；与题库中完全相同的题目会被跳过。'],
];

/** The stored template of this instance; a failed upload is tried again by the next call. */
let stored: Promise<string> | null = null;

async function storeTemplate(storage: ActionContext['deps']['storage']): Promise<string> {
  const bytes = await writeWorkbook([
    { name: '题目', rows: [TEMPLATE_HEADER, ...EXAMPLES], widths: [8, 48, 14, 14, 14, 14, 10, 10, 10, 10, 12, 40, 16, 8, 12] },
    { name: '填写说明', rows: RULES, widths: [100] },
  ]);
  return storage.upload(`templates/${randomBytes(16).toString('hex')}/${TEMPLATE_NAME}`, bytes);
}

export async function questionTemplate(_input: object, ctx: ActionContext): Promise<ExamResponses['questionTemplate']> {
  const { storage } = ctx.deps;
  await requireOrganiser(ctx);
  const mine = (stored ??= storeTemplate(storage));
  const fileID = await mine.catch((err: unknown) => {
    if (stored === mine) stored = null;
    throw err;
  });
  return { fileID, url: await storage.tempUrl(fileID), fileName: TEMPLATE_NAME };
}
