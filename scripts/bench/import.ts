// The question import at the size issue 15 bounds it (preview about 0.4 s, commit 1 s for 1,500
// rows): a 1,500-row file previewed against a bank that does not hold it (first import) and
// committed, then previewed and committed again with 100 changed answers (re-import). Calls go
// through the function host, one at a time, to a warm instance; each figure is the median and the
// best of several runs, wall time of the invocation as the caller sees it.
//
//   npm run bench -- --import-only [--runs 7]   this scenario alone (after the bench's build)
//   npx tsx scripts/bench/import.ts [runs]      the same without rebuilding the functions
//   npx tsx scripts/bench/import.ts [runs] --against <dir>/cloudfunctions
//                                                an earlier build and this one, in turns
//
// The first commit is measured `runs` times, each in a fresh store (a bank that does not hold the
// file), after a preview that warms the instance. Expected counts a report does not carry are not
// checked, so the same file runs against an older exam function (one without re-import), copied
// into a checkout of that version, for a side-by-side comparison.

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
    if (k in env.data && env.data[k as keyof Report] !== v) throw new Error(`importQuestions: ${k} ${env.data[k as keyof Report]}, expected ${v}`);
  }
  return { ms, reads: stats.reads, writes: stats.writes };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function row(name: string, samples: Sample[]): string {
  const ms = samples.map((s) => s.ms);
  const last = samples[samples.length - 1];
  return `| ${name} | ${samples.length} | ${Math.round(median(ms))} | ${Math.round(Math.min(...ms))} | ${Math.round(Math.max(...ms))} | ${last.reads} reads, ${last.writes} writes |`;
}

interface Bench {
  cloud: LocalCloud;
  original: string;
  corrected: string;
}

/** A fresh in-memory cloud with the demo organisation and both files uploaded. */
async function freshBench(functionsDir?: string): Promise<Bench> {
  const cloud = await startLocalCloud({ dataDir: ':memory:', resolveDemoKey, indexes: INDEXES, logger: () => undefined, functionsDir });
  const sdk = sdkCloud({ env: cloud.sdkEnv() });
  const db = sdk.database({ throwOnNotFound: false } as Parameters<typeof sdk.database>[0]);
  await ensureCollections(db);
  await seedDemo(db);
  const original = await upload(cloud, sdk, 'bank.csv', bankCsv(0));
  const corrected = await upload(cloud, sdk, 'bank-fixed.csv', bankCsv(CHANGED));
  return { cloud, original, corrected };
}

/** The scenario; a markdown table of its figures. */
export async function importBench(runs = 7, functionsDir?: string): Promise<string> {
  // The first commit, each time into a bank without the file: a fresh store per run, its instance
  // warmed by a preview (an organiser commits after looking at the preview).
  const firstCommit: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    const fresh = await freshBench(functionsDir);
    try {
      await importOnce(fresh.cloud, fresh.original, false, { update: 0 });
      firstCommit.push(await importOnce(fresh.cloud, fresh.original, true, { created: ROWS }));
    } finally {
      await fresh.cloud.close();
    }
  }

  const { cloud, original, corrected } = await freshBench(functionsDir);
  try {
    // A warm instance, as an organiser's second try meets it: the first call loads the function.
    await importOnce(cloud, original, false, { update: 0 });
    const firstPreview: Sample[] = [];
    for (let i = 0; i < runs; i++) firstPreview.push(await importOnce(cloud, original, false, { update: 0 }));
    await importOnce(cloud, original, true, { created: ROWS });
    const rePreview: Sample[] = [];
    for (let i = 0; i < runs; i++) rePreview.push(await importOnce(cloud, corrected, false, { update: CHANGED, unchanged: ROWS - CHANGED }));
    // Commits alternate between the corrected and the original file: 100 updates each time.
    const reCommit: Sample[] = [];
    for (let i = 0; i < runs; i++) reCommit.push(await importOnce(cloud, i % 2 === 0 ? corrected : original, true, { update: CHANGED, unchanged: ROWS - CHANGED }));

    return `| ${ROWS} rows (${CHANGED} changed on re-import) | runs | median ms | best ms | worst ms | DB ops (one call) |
|---|---|---|---|---|---|
${row('first import: preview', firstPreview)}
${row('first import: commit (a fresh bank each run)', firstCommit)}
${row(`re-import: preview (bank holds the ${ROWS})`, rePreview)}
${row(`re-import: commit (${CHANGED} updates)`, reCommit)}`;
  } finally {
    await cloud.close();
  }
}

/**
 * The same scenario against another build of the functions (`--against DIR`, a `cloudfunctions/`
 * built from an earlier commit, run by this host) and this tree's, taken in turns `rounds` times in
 * one process, so both meet the same machine.
 */
export async function importSideBySide(runs: number, against: string, rounds = 3): Promise<string> {
  const out: string[] = [];
  for (let i = 1; i <= rounds; i++) {
    out.push(`Round ${i}, ${against}:\n\n${await importBench(runs, against)}\n`);
    out.push(`Round ${i}, this tree:\n\n${await importBench(runs)}\n`);
  }
  return out.join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--against');
  const against = at >= 0 ? args[at + 1] : undefined;
  const runs = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--against') ?? 7);
  (against ? importSideBySide(runs, against) : importBench(runs))
    .then((table) => console.log(table))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
