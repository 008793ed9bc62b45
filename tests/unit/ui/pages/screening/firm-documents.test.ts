import { describe, expect, it } from 'vitest';
import { findBuiltinTemplate, renderText } from '../../../../../renderer/src/core/documents';
import type { Firm, ScreeningRecord } from '../../../../../renderer/src/core/screening';
import { DEFAULT_SETTINGS } from '../../../../../renderer/src/core/settings/app-settings';
import { firmDocumentData } from '../../../../../renderer/src/ui/pages/screening/firm-prefill';
import { buildLedgerIndex, searchLedger } from '../../../../../renderer/src/ui/pages/screening/ledger-query';

const firm: Firm = {
  id: 'f1',
  name: '威海鑫源理财咨询有限公司',
  creditCode: '91371000MA3C8X7P1P',
  codeStatus: '正常',
  legalRep: '赵堃',
  address: '威海市环翠区新威路17号',
  district: '环翠区',
  sector: '投资理财',
  registeredOn: '',
  businessScope: '企业管理咨询',
  department: '环翠区处非办',
  departmentKind: '属地',
  contacts: '',
  keywordHits: ['理财'],
  evaluation: { state: '待评估' },
  createdAt: '',
  updatedAt: '',
};
const latest = { date: '2026-11-18', findings: '未经批准以“理财咨询”名义向社会公众宣传高收益产品' } as ScreeningRecord;
const settings = { ...DEFAULT_SETTINGS, officeName: '威海市防范和处置非法集资工作领导小组办公室', operatorName: '林淼' };

describe('整改通知书 and 询问通知书 prefilled from a firm', () => {
  it('a 整改通知书 names the firm with its credit code, legal representative and address, and the screening’s date and findings', () => {
    const template = findBuiltinTemplate('rectification-notice');
    if (!template) throw new Error('template');
    const data = firmDocumentData(template, firm, latest, settings, new Date('2026-11-26T09:00:00+08:00'));
    expect(data).toMatchObject({
      partyName: '威海鑫源理财咨询有限公司',
      partyCreditCode: '91371000MA3C8X7P1P',
      partyLegalRep: '赵堃',
      partyAddress: '威海市环翠区新威路17号',
      inspectionDate: '2026-11-18',
      problems: ['未经批准以“理财咨询”名义向社会公众宣传高收益产品'],
      officeName: '威海市防范和处置非法集资工作领导小组办公室',
      issueDate: '2026-11-26',
      breachBasis: '《防范和处置非法集资条例》第四条',
    });
    const text = renderText(template, data);
    expect(text).toContain('威海鑫源理财咨询有限公司：');
    expect(text).toContain('统一社会信用代码：91371000MA3C8X7P1P');
    expect(text).toContain('法定代表人（负责人）：赵堃');
    expect(text).toContain('住所：威海市环翠区新威路17号');
  });

  it('a 询问通知书 gives the keyword hits as the reason; a firm without a code or address prints no empty lines', () => {
    const template = findBuiltinTemplate('inquiry-notice');
    if (!template) throw new Error('template');
    const data = firmDocumentData(template, { ...firm, creditCode: '', codeStatus: '待补充', address: '' }, undefined, settings, new Date('2026-11-26T09:00:00+08:00'));
    expect(data.reason).toBe('你单位名称或经营范围含有“理财”等涉金融关键字样，需核实是否从事金融业务');
    expect(data).not.toHaveProperty('partyCreditCode');
    const text = renderText(template, data);
    expect(text).not.toContain('统一社会信用代码');
    expect(text).not.toContain('住所：');
    expect(text).toContain('因你单位名称或经营范围含有“理财”等涉金融关键字样');
  });
});

describe('ledger search', () => {
  const firms: Firm[] = [
    firm,
    { ...firm, id: 'f2', name: '威海海川商贸有限公司', creditCode: '91371002MA3D2K5L4B', legalRep: '王强', district: '文登区', keywordHits: [], evaluation: null },
    { ...firm, id: 'f3', name: 'ABC投资管理有限公司', creditCode: '', codeStatus: '待补充', legalRep: '李珺', address: '文登区米山路1号' },
  ];
  const index = buildLedgerIndex(firms);
  const names = (text: string, keep: (f: Firm) => boolean = () => true) => [...searchLedger(firms, index, text, keep)].map((i) => firms[i]?.name);

  it('finds by name, credit code, legal representative and address, full-width and lower case folded', () => {
    expect(names('海川')).toEqual(['威海海川商贸有限公司']);
    expect(names('91371002ma3d')).toEqual(['威海海川商贸有限公司']);
    expect(names('ａｂｃ')).toEqual(['ABC投资管理有限公司']);
    expect(names('李珺')).toEqual(['ABC投资管理有限公司']);
    expect(names('米山路')).toEqual(['ABC投资管理有限公司']);
    expect(names('')).toHaveLength(3);
    expect(names('没有这家')).toEqual([]);
  });

  it('never matches across two fields, and applies the filters', () => {
    // The end of one field and the start of the next are not one word.
    expect(names('公司9137')).toEqual([]);
    expect(names('', (f) => f.codeStatus === '待补充')).toEqual(['ABC投资管理有限公司']);
    expect(names('有限公司', (f) => f.district === '文登区')).toEqual(['威海海川商贸有限公司']);
  });
});
