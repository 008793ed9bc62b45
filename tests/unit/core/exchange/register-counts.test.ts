import { beforeAll, describe, expect, it } from 'vitest';
import { deflateRaw, inflateRaw } from '../../../../renderer/src/core/backup/compression';
import { concatBytes } from '../../../../renderer/src/core/backup/format';
import type { CaseFile } from '../../../../renderer/src/core/cases/case-file';
import {
  buildExchangeRecords,
  type ExchangeRecord,
  type OpenedPackage,
  openPackage,
  packageLayout,
  type ReceivedFigureRecord,
  sha256HexAsync,
  splitPackage,
  withReceivedRecords,
} from '../../../../renderer/src/core/exchange';
import { computeFigures } from '../../../../renderer/src/core/figures/compute';
import { OFFICE_FIGURES } from '../../../../renderer/src/core/figures/office-figures';
import type { FigureRecords } from '../../../../renderer/src/core/figures/records';
import { caseOf, recordsOf } from '../figures/helpers';
import { HUANCUI, makeOffices, type Offices, Q1, refusal, registerCreditors, samplePackage, trustedOf } from './exchange-fixture';

// The city counts a district case's 涉及人数 as the district does (issue 17): the package carries
// each case's register count (counts only, whether or not the register itself is sent), inside the
// signed body; an older package without the counts still imports and its cases fall back to the
// typed figure, marked as such.

const BODY_CHANGED = '报送包的内容与签名时不一致（文件已被改动或损坏），未导入。请联系「环翠区处非办」重新发送。';
const BAD_SIGNATURE = '报送包的签名与内容不符（文件在签名后被改动过），不能确认来自「环翠区处非办」，未导入。请联系报送单位重新生成并发送报送包。';
const CORRUPTED = '报送包已损坏，无法读取其中的报送信息。请联系报送单位重新生成并发送报送包。';
const QUARTER = { from: Q1.from, to: Q1.to };

function districtCase(id: string, filedDate: string, peopleInvolved: number | null): CaseFile {
  return {
    id,
    caseNumber: `环公经立〔2026〕${id}号`,
    title: `${id}涉嫌非法吸收公众存款案`,
    charge: '非法吸收公众存款',
    sector: '养老',
    district: '环翠区',
    leadUnit: '环翠公安分局',
    officers: ['张三'],
    amountInvolvedFen: 100_000,
    peopleInvolved,
    lossesRecoveredFen: 0,
    filedDate,
    stage: '立案',
    stageHistory: [{ stage: '立案', date: filedDate, note: '', operator: '张三', recordedAt: `${filedDate}T02:00:00.000Z` }],
    createdAt: `${filedDate}T02:00:00.000Z`,
    updatedAt: `${filedDate}T02:00:00.000Z`,
  };
}

// 环翠区: case-1 typed 1,600, a register of 60 sent with the package; case-2 typed 40, a register of
// 1,203 not chosen (its count still goes); case-3 typed 35, no register; case-4 typed nothing, none.
const CASES = [districtCase('case-1', '2026-01-10', 1600), districtCase('case-2', '2026-02-10', 40), districtCase('case-3', '2026-03-10', 35), districtCase('case-4', '2026-03-20', null)];
const REGISTER_60 = registerCreditors(60);

function districtRecords(): { records: ExchangeRecord[]; registers: ReturnType<typeof buildExchangeRecords>['registers'] } {
  const built = buildExchangeRecords(
    {
      cases: CASES,
      parties: [],
      petitions: [],
      mediation: [],
      mediationPetition: new Map(),
      refunds: [],
      documents: [],
      creditorRegisters: new Map([['case-1', REGISTER_60]]),
      registerCounts: new Map([
        ['case-1', 60],
        ['case-2', 1203],
      ]),
    },
    Q1,
    false,
  );
  return { records: built.records, registers: built.registers };
}

/** The city's records: its own (none in the quarter) plus what the package brought, as stored. */
function cityRecords(opened: OpenedPackage): FigureRecords {
  const received: ReceivedFigureRecord[] = opened.records.map((r) => ({ office: opened.header.sender.id, kind: r.kind, district: r.district, data: r.data }));
  const own = recordsOf({ districts: ['高区'], cases: [caseOf('own-1', { district: '高区', filed: '2025-12-01', people: 3 })] });
  return withReceivedRecords(own, received, ['环翠区']);
}

function people(records: FigureRecords) {
  const row = computeFigures(OFFICE_FIGURES.figures, records, QUARTER, '2026-04-10').find((r) => r.figure.id === 'cases.new.people');
  if (!row) throw new Error('cases.new.people');
  return row.current;
}

let offices: Offices;
beforeAll(async () => {
  offices = await makeOffices();
});

const open = (bytes: Uint8Array, passphrase?: string) => openPackage(bytes, { trusted: trustedOf(offices), maxSchemaVersion: 99, ...(passphrase ? { passphrase } : {}) });

describe('a package carries each case’s register count', () => {
  it('round trip: every case says how many people its register holds (null: none), register sent or not', async () => {
    const { records, registers } = districtRecords();
    const pkg = await samplePackage(offices.huancui, { records, registers });
    const opened = await open(pkg.bytes);
    const counts = opened.records.filter((r) => r.kind === 'case').map((r) => [r.sourceId, r.data.registerCounts]);
    expect(counts).toEqual([
      ['case-1', { persons: 60 }],
      ['case-2', { persons: 1203 }],
      ['case-3', null],
      ['case-4', null],
    ]);
    // Only case-1's register travels as frames; case-2's count went without a single creditor.
    expect([...opened.registerFrames.keys()]).toEqual(['case-1']);
    expect(opened.records.filter((r) => r.kind === 'creditors').map((r) => r.sourceId)).toEqual(['case-1']);
  });

  it('the counts are counts only: no name or ID number of the unsent register, encrypted or not', async () => {
    const { records, registers } = districtRecords();
    const pkg = await samplePackage(offices.huancui, { records, registers, passphrase: '报送包加密口令 2026', pbkdf2Iterations: 1000 });
    const opened = await open(pkg.bytes, '报送包加密口令 2026');
    const case2 = opened.records.find((r) => r.kind === 'case' && r.sourceId === 'case-2');
    expect(JSON.stringify(case2?.data.registerCounts)).toBe('{"persons":1203}');
  });

  it('the city’s 涉及人数 counts the registers’ people, the typed figure only for cases without one, marked as on the district’s dashboard', async () => {
    const { records, registers } = districtRecords();
    const opened = await open((await samplePackage(offices.huancui, { records, registers })).bytes);
    const p = people(cityRecords(opened));
    // 60 + 1,203 (registers) + 35 (typed) + 0; the city's own case was filed before the quarter.
    expect(p.value).toBe(1298);
    expect(p.note).toBe('名单 1,263 人（2 起）；填报 35 人（1 起）；未填写 1 起');
    expect(p.records.map((r) => [r.id, r.detail])).toEqual([
      [`${HUANCUI.id}|case-1`, '名单 60 人（案件填报 1,600 人，未采用）'],
      [`${HUANCUI.id}|case-2`, '名单 1,203 人（案件填报 40 人，未采用）'],
      [`${HUANCUI.id}|case-3`, '填报 35 人（尚未导入名单）'],
      [`${HUANCUI.id}|case-4`, '涉及人数未填写、尚未导入名单，按 0 计'],
    ]);
  });

  it('the same cases counted at the district give the same value and note (one rule on both sides)', () => {
    const atDistrict = recordsOf({
      districts: ['环翠区'],
      cases: CASES.map((c) => ({ ...c, registeredPersons: c.id === 'case-1' ? 60 : c.id === 'case-2' ? 1203 : null })),
    });
    const p = people(atDistrict);
    expect([p.value, p.note]).toEqual([1298, '名单 1,263 人（2 起）；填报 35 人（1 起）；未填写 1 起']);
  });
});

describe('an older package without the counts', () => {
  /** As packages were written before issue 17: case records without `registerCounts`. */
  function olderRecords(): { records: ExchangeRecord[]; registers: ReturnType<typeof buildExchangeRecords>['registers'] } {
    const { records, registers } = districtRecords();
    const older = records.map((r) => {
      if (r.kind !== 'case') return r;
      const { registerCounts: _dropped, ...data } = r.data;
      return { ...r, data };
    });
    return { records: older, registers };
  }

  it('still imports; a case whose register it sent counts the register’s people (名单), the others the typed figure, marked', async () => {
    const opened = await open((await samplePackage(offices.huancui, olderRecords())).bytes);
    expect(opened.records.filter((r) => r.kind === 'case').every((r) => !('registerCounts' in r.data))).toBe(true);
    const p = people(cityRecords(opened));
    // case-1: its register of 60 came with the package (not the typed 1,600); 40 + 35 typed; case-4 nothing.
    expect(p.value).toBe(135);
    expect(p.note).toBe('名单 60 人（1 起）；填报 75 人（2 起）；未填写 1 起');
    expect(p.records.map((r) => r.detail)).toEqual([
      '名单 60 人（案件填报 1,600 人，未采用）',
      '填报 40 人（报送包未附名单人数）',
      '填报 35 人（报送包未附名单人数）',
      '涉及人数未填写、报送包未附名单人数，按 0 计',
    ]);
  });

  it('without its register, the typed figure stands for every case, marked as the package not carrying the count', async () => {
    const { records } = olderRecords();
    const opened = await open((await samplePackage(offices.huancui, { records })).bytes);
    const p = people(cityRecords(opened));
    expect(p.value).toBe(1675);
    expect(p.note).toBe('填报 1,675 人（3 起）；未填写 1 起');
    expect(p.records[0]?.detail).toBe('填报 1,600 人（报送包未附名单人数）');
  });

  it('a format-1 register (its creditors inside the record) counts the same way', () => {
    const { records } = olderRecords();
    const received: ReceivedFigureRecord[] = records
      .filter((r) => r.kind === 'case')
      .map((r) => ({ office: HUANCUI.id, kind: r.kind, district: r.district, data: r.data }));
    received.push({ office: HUANCUI.id, kind: 'creditors', district: '环翠区', data: { caseId: 'case-1', count: 60, creditors: REGISTER_60 } });
    const p = people(withReceivedRecords(recordsOf({ districts: ['高区'], cases: [] }), received, ['环翠区']));
    expect(p.value).toBe(135);
    expect(p.records[0]?.detail).toBe('名单 60 人（案件填报 1,600 人，未采用）');
    // Another office's register of a case with the same id is not this office's.
    const other = received.map((r) => (r.kind === 'creditors' ? { ...r, office: 'another-office' } : r));
    expect(people(withReceivedRecords(recordsOf({ districts: ['高区'], cases: [] }), other, ['环翠区'])).value).toBe(1675);
  });

  it('a newer package’s own counts win over a register received earlier', async () => {
    const { records, registers } = districtRecords();
    const opened = await open((await samplePackage(offices.huancui, { records, registers })).bytes);
    const received: ReceivedFigureRecord[] = opened.records.map((r) => ({ office: opened.header.sender.id, kind: r.kind, district: r.district, data: r.data }));
    // An earlier register of case-2 (5 people) is still stored; the package says 1,203.
    received.push({ office: opened.header.sender.id, kind: 'creditors', district: '环翠区', data: { caseId: 'case-2', count: 5, creditors: registerCreditors(5) } });
    expect(people(withReceivedRecords(recordsOf({ districts: ['高区'], cases: [] }), received, ['环翠区'])).value).toBe(1298);
  });
});

describe('the counts are bound by the signature', () => {
  let bytes: Uint8Array;
  let plain: string;
  beforeAll(async () => {
    const { records } = districtRecords();
    bytes = (await samplePackage(offices.huancui, { records })).bytes;
    const parts = splitPackage(bytes);
    const inflated = await inflateRaw(parts.body, parts.header.body.plainBytes);
    if (!inflated) throw new Error('body');
    plain = new TextDecoder().decode(inflated);
  });

  /** The file with its body's text changed by `edit`; `rehash` also rewrites the header's account of the body (the signature stays). */
  async function withBody(edit: (text: string) => string, rehash: boolean): Promise<Uint8Array> {
    const text = edit(plain);
    expect(text).not.toBe(plain);
    const body = await deflateRaw(new TextEncoder().encode(text));
    const parts = splitPackage(bytes);
    const layout = packageLayout(bytes);
    if (!rehash) {
      // The header still states the old body's length: the edited body is laid in those bytes.
      const same = new Uint8Array(parts.body.length);
      same.set(body.subarray(0, same.length));
      return concatBytes([bytes.subarray(0, layout.body.start), same]);
    }
    const header = { ...parts.header, body: { ...parts.header.body, plainBytes: new TextEncoder().encode(text).length, storedBytes: body.length, sha256: await sha256HexAsync(body) } };
    const headerBytes = new TextEncoder().encode(JSON.stringify(header));
    const preamble = bytes.slice(0, layout.header.start);
    new DataView(preamble.buffer).setUint32(preamble.length - 4, headerBytes.length, false);
    return concatBytes([preamble, headerBytes, parts.signature, body]);
  }

  const raise = (t: string) => t.replace('"registerCounts":{"persons":1203}', '"registerCounts":{"persons":9203}');

  it('a count changed in the body, header left alone: the content differs from what was signed', async () => {
    const e = await refusal(open(await withBody(raise, false)));
    expect([e.code, e.message]).toEqual(['BODY_CHANGED', BODY_CHANGED]);
  });

  it('a count changed and the header’s body hash rewritten to match: the signature no longer holds', async () => {
    const e = await refusal(open(await withBody(raise, true)));
    expect([e.code, e.message]).toEqual(['BAD_SIGNATURE', BAD_SIGNATURE]);
  });

  it('the untouched file opens (the two refusals above are the edits’ doing)', async () => {
    expect((await open(bytes)).records.find((r) => r.sourceId === 'case-2')?.data.registerCounts).toEqual({ persons: 1203 });
  });
});

describe('a signed package whose counts are not counts', () => {
  it.each([
    ['a negative count', { persons: -1 }, 'registerCounts.persons'],
    ['a fraction', { persons: 1.5 }, 'registerCounts.persons'],
    ['a text', { persons: '60' }, 'registerCounts.persons'],
    ['a list of names', ['王秀兰'], 'registerCounts'],
  ])('%s is refused as damaged, nothing read', async (_, value, path) => {
    const records: ExchangeRecord[] = [{ kind: 'case', sourceId: 'case-1', district: '环翠区', data: { ...CASES[0], registerCounts: value } }];
    const e = await refusal(open((await samplePackage(offices.huancui, { records })).bytes));
    expect([e.code, e.message, e.detail]).toEqual(['CORRUPTED', CORRUPTED, `body shape: records.0.data.${path}`]);
  });
});
