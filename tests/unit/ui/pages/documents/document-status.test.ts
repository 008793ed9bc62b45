import { describe, expect, it } from 'vitest';
import { statusChangeLine } from '../../../../../renderer/src/ui/pages/documents/document-status';

describe("a document's 状态记录", () => {
  it("shows when it happened on the office's clock, not in UTC as stored", () => {
    // Issued at 11:20 in Weihai: stored as 03:20Z. The clerk must read 11:20.
    expect(statusChangeLine({ status: '已签发', at: '2026-12-03T03:20:41.512Z', operator: '林淼', note: '' })).toBe('2026-12-03 11:20 已签发 林淼');
    // Just after midnight in Weihai is still the previous day in UTC: the date follows the office.
    expect(statusChangeLine({ status: '作废', at: '2026-12-02T16:05:00.000Z', operator: '周主任', note: '当事人名称有误' })).toBe('2026-12-03 00:05 作废 周主任 当事人名称有误');
  });
});
