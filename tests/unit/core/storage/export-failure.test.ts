import { describe, expect, it } from 'vitest';
import { describeExportFailure } from '../../../../renderer/src/core/storage/export-failure';

// What Chromium raises when a Blob its blob store could not hold is read (the save of an export).
const CHROMIUM_NOT_READABLE = 'The requested file could not be read, typically due to permission problems that have occurred after a reference to a file was acquired.';

describe('an export that fails', () => {
  it('for a full blob store says so in Chinese and what to do, not "permission problems"', () => {
    const text = describeExportFailure(new DOMException(CHROMIUM_NOT_READABLE, 'NotReadableError'), '导出名单', '名单未受影响');
    expect(text).toMatch(/^导出名单失败：浏览器存放导出文件的临时空间已满/);
    expect(text).toContain('名单未受影响');
    expect(text).toContain('腾出磁盘空间');
    expect(text).toContain('重新打开');
    expect(text).not.toContain('permission');
    // The same error after crossing from a worker (its name lost, the words kept).
    expect(describeExportFailure(new Error(CHROMIUM_NOT_READABLE), '导出名单', '名单未受影响')).toContain('临时空间已满');
  });

  it('for a full disk says so; any other error keeps its own (Chinese) words', () => {
    expect(describeExportFailure(new DOMException('The quota has been exceeded.', 'QuotaExceededError'), '导出代发清单', '批次没有变化')).toContain('磁盘空间不足');
    expect(describeExportFailure(new Error('导出期间名单人数有变化，请重新导出。'), '导出名单', '名单未受影响')).toBe('导出名单失败：导出期间名单人数有变化，请重新导出。名单未受影响，请重试。');
  });
});
