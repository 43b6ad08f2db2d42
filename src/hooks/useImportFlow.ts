// useImportFlow(): an organiser's file import (导入名单, 导入题目). Pick a file (checked by name and
// size), upload it once, ask the import action for a preview report (commit: false), then commit
// (commit: true) and keep the final report. The cloud function reads and checks the file.
import { useState } from 'react';
import { toApiError, uploadFile } from '@/api';
import type { Mutation } from './useMutation';

/** What every import action takes; a page may add its own fields (the roster's unitId). */
export interface ImportRequest {
  fileID: string;
  fileName: string;
  commit: boolean;
}

/** A file the organiser picked: a Blob in H5, a temporary path in the mini-program. */
export interface PickedFile {
  name: string;
  size: number;
  source: string | Blob;
}

/** Which files a page takes, for the check before anything is uploaded. */
export interface ImportFileRule {
  /** The kind of file in the organiser's words, e.g. 名单文件. */
  what: string;
  maxBytes: number;
  /** Said after the size limit, e.g. 请分批导入. */
  tooBigAdvice: string;
}

/** Spreadsheets only: the functions read .xlsx and .csv. */
export const IMPORT_EXTENSIONS = ['xlsx', 'csv'];

/** The problem with a picked file in plain words, or null when it may be uploaded. */
export function checkImportFile(name: string, size: number, rule: ImportFileRule): string | null {
  const lower = name.toLowerCase();
  if (!IMPORT_EXTENSIONS.some((ext) => lower.endsWith(`.${ext}`))) return `请选择 .xlsx 或 .csv 格式的${rule.what}`;
  if (size > rule.maxBytes) return `文件超过 ${Math.round(rule.maxBytes / 1024 / 1024)}MB，${rule.tooBigAdvice}`;
  return null;
}

export interface ImportFlowOptions<P, R> {
  /** The import action's context: the upload ticket is asked of it (the action accepts only that upload). */
  context: 'org' | 'exam';
  /** The import action, e.g. useMutation('org', 'importRoster'). */
  mutation: Mutation<P, R>;
  /** The action's payload for a file: the request itself, or with the page's own fields added. */
  request: (req: ImportRequest) => P;
  file: ImportFileRule;
}

export interface ImportFlow<R> {
  file: PickedFile | null;
  /** The report of the check (nothing written yet); null before it or once committed. */
  preview: R | null;
  /** The report after committing; the flow is done until startOver(). */
  final: R | null;
  uploading: boolean;
  /** The action is checking or committing. */
  running: boolean;
  busy: boolean;
  /** The file check's, the upload's or the action's problem, in plain words. */
  problem: string | null;
  pick: (file: PickedFile) => void;
  runPreview: () => Promise<void>;
  commit: () => Promise<void>;
  /** Forget the preview: it was made with other settings (another branch). */
  dropPreview: () => void;
  startOver: () => void;
}

export function useImportFlow<P, R>({ context, mutation, request, file: rule }: ImportFlowOptions<P, R>): ImportFlow<R> {
  const [file, setFile] = useState<PickedFile | null>(null);
  const [fileID, setFileID] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<R | null>(null);
  const [final, setFinal] = useState<R | null>(null);

  const forgetFile = (next: PickedFile | null) => {
    setFile(next);
    setFileID(null);
    setPreview(null);
    setFinal(null);
    mutation.reset();
  };

  const pick = (picked: PickedFile) => {
    const wrong = checkImportFile(picked.name, picked.size, rule);
    setProblem(wrong);
    if (!wrong) forgetFile(picked);
  };

  const startOver = () => {
    forgetFile(null);
    setProblem(null);
  };

  const runPreview = async () => {
    if (!file) return;
    setProblem(null);
    let id = fileID;
    if (!id) {
      setUploading(true);
      try {
        id = await uploadFile(context, 'sheet', file.source, file.name);
        setFileID(id);
      } catch (e) {
        setProblem(`上传没有成功：${toApiError(e).message}`);
        return;
      } finally {
        setUploading(false);
      }
    }
    const report = await mutation.run(request({ fileID: id, fileName: file.name, commit: false }));
    if (report) setPreview(report);
  };

  const commit = async () => {
    if (!file || !fileID) return;
    const report = await mutation.run(request({ fileID, fileName: file.name, commit: true }));
    if (report) {
      setFinal(report);
      setPreview(null);
    }
  };

  return {
    file,
    preview,
    final,
    uploading,
    running: mutation.running,
    busy: uploading || mutation.running,
    problem: problem ?? mutation.error?.message ?? null,
    pick,
    runPreview,
    commit,
    dropPreview: () => setPreview(null),
    startOver,
  };
}
