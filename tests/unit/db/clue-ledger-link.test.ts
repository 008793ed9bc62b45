import { utils, write } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { buildLedgerLookup, type ClueFormInput, ledgerFirmFor, searchLedger } from '../../../renderer/src/core/clues';
import { EMPTY_FIRM_INPUT } from '../../../renderer/src/core/screening';
import { DEFAULT_SETTINGS } from '../../../renderer/src/core/settings/app-settings';
import { makeTestRepos } from './test-db';

const CODE = '91371000MA3C8X7P1P';

function clue(patch: Partial<ClueFormInput> = {}): ClueFormInput {
  return {
    receivedOn: '2026-11-02',
    channel: '热线',
    subject: { kind: 'firm', name: '威海鑫源理财咨询有限公司', creditCode: '', link: '' },
    allegation: '承诺高额返利',
    level: '高',
    levelReason: '仍在吸收资金',
    anonymous: true,
    reporter: { name: '', phone: '', idNumber: '', address: '', isStaff: false, isParticipant: false },
    ...patch,
  };
}

async function setup() {
  const t = makeTestRepos();
  await t.repos.settings.save({ ...DEFAULT_SETTINGS, officeName: '威海市处非办', operatorName: '林淼' });
  const saved = await t.repos.screening.saveFirm(null, { ...EMPTY_FIRM_INPUT, name: '威海鑫源理财咨询有限公司', creditCode: CODE, district: '环翠区', department: '环翠区处非办', businessScope: '企业管理咨询' });
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  return { ...t, firmId: saved.value.id };
}

describe('the screening ledger seen from clues and adverts', () => {
  it('matches by credit code, by name (spaces and bracket widths aside) when a code is missing, never across two codes', () => {
    const lookup = buildLedgerLookup([
      { id: 'f1', name: '威海鑫源（环翠）理财咨询有限公司', creditCode: CODE },
      { id: 'f2', name: '某某养老服务中心', creditCode: '' },
    ]);
    expect(ledgerFirmFor(lookup, { name: '别的名字', creditCode: CODE })?.id).toBe('f1');
    expect(ledgerFirmFor(lookup, { name: '威海鑫源(环翠) 理财咨询有限公司', creditCode: null })?.id).toBe('f1');
    expect(ledgerFirmFor(lookup, { name: '威海鑫源（环翠）理财咨询有限公司', creditCode: '91371000MA3C5XKP64' })).toBeNull();
    expect(ledgerFirmFor(lookup, { name: '某某养老服务中心', creditCode: '91371000MA3C5XKP64' })?.id).toBe('f2');
    expect(ledgerFirmFor(lookup, { name: '不在台账的公司', creditCode: null })).toBeNull();
    expect(searchLedger([...lookup.byName.values()], '养老').map((f) => f.id)).toEqual(['f2']);
    expect(searchLedger([...lookup.byName.values()], 'ma3c8x').map((f) => f.id)).toEqual(['f1']);
    expect(searchLedger([...lookup.byName.values()], '  ')).toEqual([]);
  });

  it("lists a ledger firm's clues and adverts with the actions taken, and nothing of other firms", async () => {
    const { repos, firmId } = await setup();
    await repos.clues.register(clue());
    await repos.clues.register(clue({ subject: { kind: 'firm', name: '另一家公司', creditCode: '', link: '' } }));
    const wb = utils.book_new();
    utils.book_append_sheet(
      wb,
      utils.aoa_to_sheet([
        ['发布平台', '广告主', '统一社会信用代码', '监测日期', '广告内容', '监测结论'],
        ['短视频', '威海鑫源理财咨询公司（简称）', CODE, '2026-09-01', '年化 20% 保本', '涉嫌非法集资'],
        ['网站', '别家理财', '', '2026-09-02', '高息', '违规金融广告'],
      ]),
      'Sheet1',
    );
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const context = await repos.monitoring.importContext();
    expect(context).toEqual({ today: '2026-11-26', known: [] });
    const check = await repos.monitoring.checkImport(bytes, 'm.xlsx');
    await repos.monitoring.commitImport('m.xlsx', check);
    expect((await repos.monitoring.importContext()).known).toHaveLength(2);
    expect((await repos.monitoring.importOf(check.sha256))?.fileName).toBe('m.xlsx');
    expect(await repos.monitoring.importOf('0'.repeat(64))).toBeNull();
    const ad = (await repos.monitoring.adverts()).find((a) => a.advertiserCode === CODE);
    if (!ad) throw new Error('advert');
    await repos.monitoring.addAction('advertiser', ad.advertiserKey, { kind: '约谈', date: '2026-09-10', documentNo: '', note: '' });
    const links = await repos.monitoring.linksForFirm(firmId);
    expect(links.clues.map((c) => c.subject.name)).toEqual(['威海鑫源理财咨询有限公司']);
    expect(links.adverts.map((a) => a.content)).toEqual(['年化 20% 保本']);
    expect(links.actions.map((a) => a.kind)).toEqual(['约谈']);
    expect((await repos.monitoring.ledgerFirms()).map((f) => f.creditCode)).toEqual([CODE]);
    expect(await repos.monitoring.linksForFirm('nosuch')).toEqual({ clues: [], adverts: [], actions: [] });
  });

  it('records why a reporter was revealed when the identity goes into a notice', async () => {
    const { repos, db } = await setup();
    const r = await repos.clues.register(clue({ anonymous: false, reporter: { name: '王秀兰', phone: '13806311234', idNumber: '', address: '', isStaff: false, isParticipant: false } }));
    if (!r.ok) throw new Error('register');
    expect((await repos.clues.revealReporter(r.clueId, '写入举报奖励通知书'))?.name).toBe('王秀兰');
    const entry = (await db.audit.toArray()).at(-1);
    expect(entry).toMatchObject({ action: 'reveal', entity: 'clueReporters' });
    expect(JSON.stringify(entry)).toContain('写入举报奖励通知书');
    expect(JSON.stringify(entry)).not.toContain('王秀兰');
  });
});
