// The rows of tests/fixtures/backup/v2-*.cfbak (format version 2, written at commit cddea9e): made
// again here so a test can compare every row read from those files with what was written.
import { auditLog } from './helpers';

export const V2_FIXTURE_PASSPHRASE = '二号格式备份密码2026';
/** The seal key the v2 fixtures were sealed with (a test key: bytes 0…31). */
export const V2_FIXTURE_SEAL_KEY = Uint8Array.from({ length: 32 }, (_, i) => i);

export function v2FixtureTables() {
  const log = auditLog(3);
  const creditors = (block: number, n: number) =>
    Array.from({ length: n }, (_, i) => ({
      cid: String(block * 1000 + i + 1),
      rowNo: block * 1000 + i + 2,
      name: ['王喆', '李珺玥', '张堃', '赵𠀀'][i % 4] as string,
      idType: '居民身份证',
      idNumber: `3710021980010${String(100 + i).padStart(4, '0')}X`.slice(0, 18),
      phone: `138${String(i).padStart(8, '0')}`,
      bankAccount: `6222${String(i * 7919).padStart(15, '0')}`,
      principalFen: 1_000_000 + i * 37,
      returnedFen: i % 3 === 0 ? i : 0,
      status: i % 10 === 0 ? '待核实' : '已核实',
      ...(i === 5 ? { note: 'line\nbreak "quotes" \\' } : {}),
    }));
  return {
    log,
    tables: [
      { name: 'cases', rows: Array.from({ length: 3 }, (_, i) => ({ id: `case-${i + 1}`, title: `某某公司涉嫌非法吸收公众存款案 ${i + 1}`, amountFen: 123_456_789 * (i + 1) })) },
      {
        name: 'creditorBlocks',
        rows: [0, 1, 2].map((b) => ({ id: `case-1#1#${b}`, caseId: 'case-1', generation: 1, seq: b, creditors: creditors(b, b === 2 ? 40 : 100) })),
      },
      { name: 'attachments', rows: [{ id: 'att-1', bytes: Uint8Array.of(37, 80, 68, 70, 0, 255), at: new Date('2026-11-26T02:00:00Z'), negZero: -0, inner: { $t: 'obj' } }] },
      { name: 'auditLog', rows: log },
    ],
  };
}
