// Why an export's file could not be made or saved, in Chinese with what to do. An export gathers its
// file in the browser's blob store (core/xlsx/blob-pieces.ts); when that store cannot hold more (its
// disk is full, or its share of it is used up) Chromium does not fail the Blob's creation but its
// reading: the save reads it and gets a NotReadableError, "The requested file could not be read,
// typically due to permission problems…" — words that send a clerk looking at permissions, so only
// the error's name is quoted. Pure.
import { classifyWriteFailure, describeWriteFailure } from './storage-failure';

const NOT_READABLE = /requested file could not be read|NotReadableError/i;

interface Named {
  readonly name?: unknown;
  readonly message?: unknown;
}

function isBlobStoreFailure(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return NOT_READABLE.test(String(error));
  const e = error as Named;
  return e.name === 'NotReadableError' || NOT_READABLE.test(String(e.message ?? ''));
}

function detail(error: unknown): string {
  const message = error !== null && typeof error === 'object' ? (error as Named).message : error;
  // Without its closing full stop: the sentence goes on after it.
  return String(message ?? '').trim().replace(/[。.]$/, '').slice(0, 200) || '未知错误';
}

/**
 * `what` names the export ("导出名单"), `unchanged` what stays as it was ("名单未受影响"). The blob
 * store's failure and a full disk are named as such with what to do; any other error keeps its own
 * words (the app's errors are Chinese already).
 */
export function describeExportFailure(error: unknown, what: string, unchanged: string): string {
  if (isBlobStoreFailure(error)) {
    return `${what}失败：浏览器存放导出文件的临时空间已满，文件没有写完（浏览器报告 NotReadableError）。${unchanged}。请先腾出磁盘空间（清空回收站、删除或移走不需要的大文件），再关闭本程序后重新打开（临时空间随之清空），然后重新导出。`;
  }
  if (classifyWriteFailure(error) !== 'other') return describeWriteFailure(error, what, unchanged);
  return `${what}失败：${detail(error)}。${unchanged}，请重试。`;
}
