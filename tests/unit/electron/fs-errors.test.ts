import { describe, expect, it } from 'vitest';
import { describeFsError } from '../../../electron/main/fs-errors';

describe('describeFsError', () => {
  it('names the file and tells the user what to do for a file open in WPS', () => {
    const message = describeFsError('保存', 'D:\\文书\\通知.docx', Object.assign(new Error('x'), { code: 'EBUSY' }));
    expect(message).toBe('无法保存“D:\\文书\\通知.docx”：文件正被其他程序占用，请关闭该文件后重试。');
  });

  it('explains a full disk', () => {
    expect(describeFsError('保存', '/a', { code: 'ENOSPC' })).toContain('磁盘空间不足');
  });

  it('falls back to the system code', () => {
    expect(describeFsError('读取', '/a', { code: 'EIO' })).toContain('系统错误 EIO');
  });
});
