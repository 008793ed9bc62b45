import { describe, expect, it } from 'vitest';
import { classifyWriteFailure, describeWriteFailure } from '../../../../renderer/src/core/storage';

const domError = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('the real cause of a failed write', () => {
  it.each([
    ['QuotaExceededError', 'The operation failed because it would cause the application to exceed its storage quota.'],
    ['UnknownError', 'Connection is closing because of: IO error: …/000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)'],
  ])('names a full disk: %s', (name, message) => {
    expect(classifyWriteFailure(domError(name, message))).toBe('disk-full');
    expect(describeWriteFailure(domError(name, message), '导入', '本案名单没有变化')).toMatch(/^导入失败：磁盘空间不足（浏览器报告：.+）。本案名单没有变化。请清空回收站/);
  });

  it('reads the cause inside Dexie wrappers and as an I/O error (what Chromium reported on the tmpfs)', () => {
    const wrapped = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: domError('DataError', 'Failed to write blobs (IOError)') });
    expect(classifyWriteFailure(wrapped)).toBe('disk-io');
    expect(describeWriteFailure(wrapped, '导入', '本案名单没有变化')).toBe(
      '导入失败：磁盘写入出错，最常见的原因是磁盘空间不足（浏览器报告：Failed to write blobs (IOError)）。本案名单没有变化。请先腾出磁盘空间；如空间充足仍出错，请重启电脑后再试，并立即备份。',
    );
  });

  it('never calls a user-independent abort a cancel, and passes other errors on in their own words', () => {
    expect(classifyWriteFailure(domError('ConstraintError', 'Key already exists'))).toBe('other');
    expect(describeWriteFailure(domError('ConstraintError', 'Key already exists'), '导入', '本案名单没有变化')).toBe('导入失败：Key already exists。本案名单没有变化。');
    expect(describeWriteFailure('oops', '导入', '本案名单没有变化')).toBe('导入失败：oops。本案名单没有变化。');
  });
});
