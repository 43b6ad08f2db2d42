// The question import at the size issue 15 bounds it (preview about 0.4 s, commit 1 s for 1,500
// rows): a 1,500-row file previewed against a bank that does not hold it (first import) and
// committed, then previewed and committed again with 100 changed answers (re-import). Calls go
// through the function host, one at a time, to a warm instance; each figure is the median and the
// best of several runs, wall time of the invocation as the caller sees it.
//
//   npm run bench -- --import-only [--runs 7]   this scenario alone (after the bench's build)
//   npx tsx scripts/bench/import.ts [runs]      the same without rebuilding the functions

import type { LocalCloud } from '../../localcloud';
import { startLocalCloud } from '../../localcloud';
import { INDEXES } from '../../functions/lib/collections';
import { resolveDemoKey } from '../lib/demo-data';
import { sdkCloud } from '../lib/sdk';
import { ensureCollections, seedDemo } from '../lib/setup';

const ROWS = 1500;
const CHANGED = 100;
const ORGANISER = 'demo-admin';
const HEADER = '题型,题干,选项A,选项B,选项C,选项D,答案,解析,标签,难度';

/** The bank as a CSV; the first `changed` rows answer B instead of A. */
function bankCsv(changed: number): Buffer {
  const rows = Array.from({ length: ROWS }, (_, i) => `单选,导入基准第 ${i + 1} 题：下列哪一项正确？,甲${i},乙${i},丙${i},丁${i},${i < changed ? 'B' : 'A'},第 ${i + 1} 题的解析,党史、四史,中`);
  return Buffer.from(['\uFEFF' + HEADER, ...rows].join('\r\n'), 'utf8');
}

interface Sample {
  ms: number;
  reads: number;
  writes: number;
}

interface Report {
  created: number;
  update: number;
  unchanged: number;
}

async function upload(cloud: LocalCloud, sdk: ReturnType<typeof sdkCloud>, name: string, bytes: Buffer): Promise<string> {
  const ticket = (await cloud.invoke('exam', { action: 'uploadTicket', payload: { purpose: 'sheet', name } }, { openid: ORGANISER })).result as { data: { cloudPath: string } };
  return (await sdk.uploadFile({ cloudPath: ticket.data.cloudPath, fileContent: bytes })).fileID;
}

async function importOnce(cloud: LocalCloud, fileID: string, commit: boolean, expect: Partial<Report>): Promise<Sample> {
  const started = process.hrtime.bigint();
  const { result, stats } = await cloud.invoke('exam', { action: 'importQuestions', payload: { fileID, fileName: '题库.csv', commit } }, { openid: ORGANISER });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const env = result as { ok: boolean; data?: Report; message?: string };
  if (!env.ok || !env.data) throw new Error(`importQuestions failed: ${env.message ?? 'no data'}`);
  for (const [k, v] of Object.entries(expect)) {
    if (env.data[k as keyof Report] !== v) throw new Error(`importQuestions: ${k} ${env.data[k as keyof Report]}, expected ${v}`);
  }
  return { ms, reads: stats.reads, writes: stats.writes };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function row(name: string, samples: Sample[]): string {
  const ms = samples.map((s) => s.ms);
  const last = samples[samples.length - 1];
  return `| ${name} | ${samples.length} | ${Math.round(median(ms))} | ${Math.round(Math.min(...ms))} | ${Math.round(Math.max(...ms))} | ${last.reads} reads, ${last.writes} writes |`;
}

/** The scenario in a fresh in-memory cloud; a markdown table of its figures. */
export async function importBench(runs = 7): Promise<string> {
  const cloud = await startLocalCloud({ dataDir: ':memory:', resolveDemoKey, indexes: INDEXES, logger: () => undefined });
  try {
    const sdk = sdkCloud({ env: cloud.sdkEnv() });
    const db = sdk.database({ throwOnNotFound: false } as Parameters<typeof sdk.database>[0]);
    await ensureCollections(db);
    await seedDemo(db);
    const original = await upload(cloud, sdk, 'bank.csv', bankCsv(0));
    const corrected = await upload(cloud, sdk, 'bank-fixed.csv', bankCsv(CHANGED));

    // A warm instance, as an organiser's second try meets it: the first call loads the function.
    await importOnce(cloud, original, false, { update: 0 });
    const firstPreview: Sample[] = [];
    for (let i = 0; i < runs; i++) firstPreview.push(await importOnce(cloud, original, false, { update: 0 }));
    const firstCommit = [await importOnce(cloud, original, true, { created: ROWS })];
    const rePreview: Sample[] = [];
    for (let i = 0; i < runs; i++) rePreview.push(await importOnce(cloud, corrected, false, { update: CHANGED, unchanged: ROWS - CHANGED }));
    // Commits alternate between the corrected and the original file: 100 updates each time.
    const reCommit: Sample[] = [];
    for (let i = 0; i < runs; i++) reCommit.push(await importOnce(cloud, i % 2 === 0 ? corrected : original, true, { update: CHANGED, unchanged: ROWS - CHANGED }));

    return `| ${ROWS} rows (${CHANGED} changed on re-import) | runs | median ms | best ms | worst ms | DB ops (one call) |
|---|---|---|---|---|---|
${row('first import: preview', firstPreview)}
${row('first import: commit', firstCommit)}
${row(`re-import: preview (bank holds the ${ROWS})`, rePreview)}
${row(`re-import: commit (${CHANGED} updates)`, reCommit)}`;
  } finally {
    await cloud.close();
  }
}

if (require.main === module) {
  importBench(Number(process.argv[2] ?? 7))
    .then((table) => console.log(table))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
