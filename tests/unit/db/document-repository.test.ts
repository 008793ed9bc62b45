import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeAuditEntry } from '../../../renderer/src/core/audit/describe-entry';
import type { DocumentData, DocumentTemplate } from '../../../renderer/src/core/documents';
import { findBuiltinTemplate, renderText, sampleDataFor } from '../../../renderer/src/core/documents';
import { DEFAULT_SETTINGS } from '../../../renderer/src/core/settings/app-settings';
import { documentHistoryLines } from '../../../renderer/src/ui/pages/documents/document-status';
import { makeTestRepos } from './test-db';

const PDF = new TextEncoder().encode('%PDF-1.7\n% issued notice\n%%EOF');
const JPG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

function inquiry(): { template: DocumentTemplate; data: DocumentData } {
  const template = findBuiltinTemplate('inquiry-notice');
  const data = sampleDataFor('inquiry-notice');
  if (!template || !data) throw new Error('built-in inquiry template missing');
  const { documentNumber: _n, ...rest } = data;
  return { template, data: rest };
}

async function withPrefix(repos: ReturnType<typeof makeTestRepos>['repos'], prefix = '威处非询') {
  const r = await repos.settings.save({ ...DEFAULT_SETTINGS, officeName: '威海市防范和处置非法集资工作领导小组办公室', operatorName: '林淼', documentPrefixes: { ...DEFAULT_SETTINGS.documentPrefixes, 'inquiry-notice': prefix } });
  expect(r.ok).toBe(true);
}

async function issueOne(repos: ReturnType<typeof makeTestRepos>['repos'], caseId: string | null = 'case-1', draftId: string | null = null) {
  const { template, data } = inquiry();
  const peek = await repos.documents.peekNumber(template);
  if (!peek.ok) throw new Error(peek.message);
  return repos.documents.issue({ draftId, caseId, template, data: { ...data, documentNumber: peek.preview.number }, expected: peek.preview, pdf: PDF, pdfFileName: 'x.pdf', issuedDate: '2026-11-26' });
}

describe('DocumentRepository: numbers', () => {
  it('issues 威处非询〔2026〕1号, 2号 … per type and year, with no gaps, and registers hash and snapshot', async () => {
    const { repos, db } = makeTestRepos();
    await withPrefix(repos);
    const first = await issueOne(repos);
    const second = await issueOne(repos);
    expect(first).toMatchObject({ ok: true, number: '威处非询〔2026〕1号' });
    expect(second).toMatchObject({ ok: true, number: '威处非询〔2026〕2号' });
    expect(await db.documentCounters.get('inquiry-notice:2026')).toEqual({ id: 'inquiry-notice:2026', next: 3 });
    if (!first.ok) return;
    const row = await repos.documents.get(first.id);
    expect(row?.status).toBe('已签发');
    expect(row?.body.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    const issued = await repos.documents.issuedPdf(first.id);
    expect(issued?.bytes).toEqual(PDF);
    expect(issued?.sha256).toBe(row?.body.pdfSha256);
    expect(row?.body.pdfSha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    const audit = await db.audit.toArray();
    expect(audit.filter((a) => a.action === 'issue').map((a) => (a.after as { number: string }).number)).toEqual(['威处非询〔2026〕1号', '威处非询〔2026〕2号']);
  });

  it('the snapshot renders again to the same text as at issue, even after the template copy changes', async () => {
    const { repos } = makeTestRepos();
    await withPrefix(repos);
    const { template, data } = inquiry();
    const issued = await issueOne(repos);
    if (!issued.ok) throw new Error(issued.message);
    const row = await repos.documents.get(issued.id);
    if (!row) throw new Error('missing');
    const expected = renderText(template, { ...data, documentNumber: issued.number });
    expect(renderText(row.body.template, row.body.data)).toBe(expected);
    expect(expected).toContain('威处非询〔2026〕1号');
  });

  it('counts each document type separately: the first refund notice is 1号 after two inquiries', async () => {
    const { repos } = makeTestRepos();
    await withPrefix(repos);
    await issueOne(repos);
    await issueOne(repos);
    const refund = findBuiltinTemplate('refund-notice') as DocumentTemplate;
    const peek = await repos.documents.peekNumber(refund);
    expect(peek).toMatchObject({ ok: true, preview: { typeId: 'refund-notice', sequence: 1, number: '处非清〔2026〕1号' } });
  });

  it('refuses a number someone else took meanwhile and stores nothing', async () => {
    const { repos, db } = makeTestRepos();
    await withPrefix(repos);
    const { template, data } = inquiry();
    const peek = await repos.documents.peekNumber(template);
    if (!peek.ok) throw new Error(peek.message);
    await issueOne(repos);
    const late = await repos.documents.issue({ draftId: null, caseId: 'case-1', template, data: { ...data, documentNumber: peek.preview.number }, expected: peek.preview, pdf: PDF, pdfFileName: 'x.pdf', issuedDate: '2026-11-26' });
    expect(late).toMatchObject({ ok: false, field: 'numberTaken' });
    if (!late.ok) expect(late.message).toContain('威处非询〔2026〕2号');
    expect(await db.documents.count()).toBe(1);
    expect((await db.documentCounters.get('inquiry-notice:2026'))?.next).toBe(2);
  });

  it('refuses incomplete data naming the field in Chinese, and stores and numbers nothing', async () => {
    const { repos, db } = makeTestRepos();
    await withPrefix(repos);
    const { template, data } = inquiry();
    const peek = await repos.documents.peekNumber(template);
    if (!peek.ok) throw new Error(peek.message);
    const { partyName: _p, ...missing } = data;
    const r = await repos.documents.issue({ draftId: null, caseId: null, template, data: missing, expected: peek.preview, pdf: PDF, pdfFileName: 'x.pdf', issuedDate: '2026-11-26' });
    expect(r).toMatchObject({ ok: false, field: 'partyName' });
    const label = template.fields.find((f) => f.key === 'partyName')?.label;
    if (!r.ok) expect(r.message).toBe(`「${label}」必填：请填写后再生成文书`);
    const bad = await repos.documents.issue({ draftId: null, caseId: null, template, data, expected: peek.preview, pdf: new Uint8Array([1, 2, 3]), pdfFileName: 'x.pdf', issuedDate: '2026-11-26' });
    expect(bad).toMatchObject({ ok: false, field: 'pdf' });
    expect(await db.documents.count()).toBe(0);
    expect(await db.documentCounters.count()).toBe(0);
    expect(await db.audit.where('action').equals('issue').count()).toBe(0);
  });

  it('an invalid prefix in stored settings (older version) is reported with the document type, not thrown', async () => {
    const { repos, db } = makeTestRepos();
    await db.settings.put({ id: 'app', value: { ...DEFAULT_SETTINGS, documentPrefixes: { ...DEFAULT_SETTINGS.documentPrefixes, 'inquiry-notice': '威处非询〔' } } });
    const peek = await repos.documents.peekNumber(inquiry().template);
    expect(peek).toMatchObject({ ok: false, field: 'documentNumber' });
    if (!peek.ok) expect(peek.message).toContain('联合执法询问通知书');
  });
});

describe('DocumentRepository: drafts, status, void, attachments', () => {
  it('a draft has no number; issuing it keeps its id and history', async () => {
    const { repos } = makeTestRepos();
    await withPrefix(repos);
    const { template, data } = inquiry();
    const draft = await repos.documents.saveDraft(null, 'case-1', template, { partyName: data.partyName });
    if (!draft.ok) throw new Error(draft.message);
    expect((await repos.documents.get(draft.id))?.number).toBeNull();
    const issued = await issueOne(repos, 'case-1', draft.id);
    expect(issued).toMatchObject({ ok: true, id: draft.id, number: '威处非询〔2026〕1号' });
    const row = await repos.documents.get(draft.id);
    expect(row?.body.history.map((h) => h.status)).toEqual(['草稿', '已签发']);
    const again = await issueOne(repos, 'case-1', draft.id);
    expect(again).toMatchObject({ ok: false, field: 'document' });
  });

  it('a draft made from a clue (no case) keeps its source through later saves and the issue, for the registry to reopen it by', async () => {
    const { repos, db } = makeTestRepos();
    await withPrefix(repos);
    const { template, data } = inquiry();
    const source = { kind: 'clue', id: 'clue-7', label: '线索〔2026〕7号' } as const;
    const draft = await repos.documents.saveDraft(null, null, template, { partyName: data.partyName }, undefined, source);
    if (!draft.ok) throw new Error(draft.message);
    const edited = await repos.documents.saveDraft(draft.id, null, template, { ...data });
    expect(edited).toMatchObject({ ok: true, id: draft.id });
    const saved = await repos.documents.get(draft.id);
    expect(saved?.caseId).toBeNull();
    expect(saved?.body.source).toEqual(source);
    expect(saved?.body.data.partyName).toBe(data.partyName);
    const issued = await issueOne(repos, null, draft.id);
    expect(issued).toMatchObject({ ok: true, id: draft.id });
    expect((await repos.documents.get(draft.id))?.body.source).toEqual(source);
    // The audit entry of the draft names where it came from.
    const created = (await db.audit.toArray()).find((a) => a.action === 'create' && a.entityId === draft.id);
    expect((created?.after as { body?: { source?: unknown } } | undefined)?.body?.source).toEqual(source);
  });

  it('status moves 已签发 → 已送达 → 已归档 only forward; 作废 keeps the number and needs a reason', async () => {
    const { repos, db } = makeTestRepos();
    await withPrefix(repos);
    const issued = await issueOne(repos);
    if (!issued.ok) throw new Error(issued.message);
    expect(await repos.documents.changeStatus(issued.id, '已送达', '')).toMatchObject({ ok: true });
    const back = await repos.documents.changeStatus(issued.id, '已签发', '');
    expect(back).toMatchObject({ ok: false, field: 'status' });
    expect(await repos.documents.voidDocument(issued.id, '  ')).toMatchObject({ ok: false, field: 'reason' });
    expect(await repos.documents.voidDocument(issued.id, '当事人名称有误')).toMatchObject({ ok: true });
    const row = await repos.documents.get(issued.id);
    expect(row).toMatchObject({ status: '作废', number: '威处非询〔2026〕1号' });
    expect(row?.body.voidReason).toBe('当事人名称有误');
    const next = await issueOne(repos);
    expect(next).toMatchObject({ ok: true, number: '威处非询〔2026〕2号' });
    const actions = (await db.audit.toArray()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['issue', 'stage-change', 'void']));
  });

  it('attaches a PDF or JPG scan with its hash; anything else is refused by name and nothing stored', async () => {
    const { repos, db } = makeTestRepos();
    await withPrefix(repos);
    const issued = await issueOne(repos);
    if (!issued.ok) throw new Error(issued.message);
    expect(await repos.documents.addAttachment(issued.id, '签章件.jpg', JPG)).toMatchObject({ ok: true });
    const bad = await repos.documents.addAttachment(issued.id, '签章件.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    expect(bad).toMatchObject({ ok: false, field: 'attachment' });
    if (!bad.ok) expect(bad.message).toContain('“签章件.png”不是 PDF 或 JPG');
    expect(await repos.documents.addAttachment(issued.id, '空.pdf', new Uint8Array())).toMatchObject({ ok: false });
    const scans = (await repos.documents.listAttachments(issued.id)).filter((a) => a.role === 'scan');
    expect(scans.map((s) => [s.fileName, s.mimeType, s.sha256.length])).toEqual([['签章件.jpg', 'image/jpeg', 64]]);
    expect(await db.audit.where('entity').equals('attachments').count()).toBe(1);
    await repos.documents.recordExport(issued.id, 'docx', 'a.docx');
    await repos.documents.recordBatchExport('batch-1', { caseId: 'case-1', count: 3, fileName: 'b.pdf', format: 'pdf', sha256: 'ab' });
    const exports = await db.audit.where('action').equals('export').toArray();
    expect(exports.map((e) => [e.entity, e.entityId])).toEqual([
      ['documents', issued.id],
      ['documents', 'refund-batch:batch-1'],
    ]);
  });

  it('lists by case, type, status and year', async () => {
    const { repos } = makeTestRepos();
    await withPrefix(repos);
    await issueOne(repos, 'case-1');
    await issueOne(repos, 'case-2');
    expect((await repos.documents.list({ caseId: 'case-2' })).map((r) => r.number)).toEqual(['威处非询〔2026〕2号']);
    expect(await repos.documents.list({ typeId: 'refund-notice' })).toEqual([]);
    expect(await repos.documents.list({ status: '已签发', year: 2026 })).toHaveLength(2);
    expect(await repos.documents.list({ year: 2025 })).toEqual([]);
  });
});

describe('DocumentRepository: template copies', () => {
  it('duplicates a built-in, changes only the copy, refuses unknown placeholders and builtin edits', async () => {
    const { repos, db } = makeTestRepos();
    const made = await repos.documents.templates.duplicate('inquiry-notice', '询问通知书（本单位）');
    if (!made.ok) throw new Error(made.message);
    const copy = await repos.documents.templates.get(made.id);
    if (!copy) throw new Error('copy missing');
    expect(copy.basedOn).toBe('inquiry-notice');
    const blocks = copy.blocks.map((b) => (b.kind === 'title' ? { ...b, text: '联合执法询问通知' } : b));
    expect(await repos.documents.templates.update(made.id, { ...copy, blocks })).toMatchObject({ ok: true });
    expect(renderText((await repos.documents.templates.get(made.id)) as DocumentTemplate, {})).toContain('联合执法询问通知\n');
    expect(renderText(findBuiltinTemplate('inquiry-notice') as DocumentTemplate, {})).toContain('联合执法询问通知书');
    const broken = copy.blocks.map((b) => (b.kind === 'title' ? { ...b, text: '{nosuch}' } : b));
    const r = await repos.documents.templates.update(made.id, { ...copy, blocks: broken });
    expect(r).toMatchObject({ ok: false, field: 'blocks' });
    if (!r.ok) expect(r.message).toContain('{nosuch}');
    expect(await repos.documents.templates.update('inquiry-notice', copy)).toMatchObject({ ok: false });
    expect(await repos.documents.templates.duplicate('inquiry-notice', '联合执法询问通知书')).toMatchObject({ ok: false, field: 'name' });
    expect(await repos.documents.templates.duplicate('inquiry-notice', ' ')).toMatchObject({ ok: false, field: 'name' });
    // The built-ins (7 case documents, the work report, the 承诺书 of screening, the 举报奖励通知书 and
    // the 风险提示 of the clue area) and the one copy.
    expect((await repos.documents.templates.all()).length).toBe(12);
    expect(await db.audit.where('entity').equals('documentTemplates').count()).toBe(2);
  });
});

describe('DocumentRepository: the audit log names the template a document came from', () => {
  it('a draft from a built-in template names it (not 记录已不存在); one from a copy names the copy', async () => {
    const { repos, db } = makeTestRepos();
    await withPrefix(repos);
    const { template, data } = inquiry();
    const fromBuiltin = await repos.documents.saveDraft(null, 'case-1', template, { partyName: data.partyName });
    if (!fromBuiltin.ok) throw new Error(fromBuiltin.message);
    const made = await repos.documents.templates.duplicate('inquiry-notice', '询问通知书（本单位）');
    if (!made.ok) throw new Error(made.message);
    const copy = (await repos.documents.templates.get(made.id)) as DocumentTemplate;
    const fromCopy = await repos.documents.saveDraft(null, 'case-1', copy, { partyName: data.partyName });
    if (!fromCopy.ok) throw new Error(fromCopy.message);
    const entries = (await db.audit.toArray()).filter((a) => a.entity === 'documents' && a.action === 'create');
    const names = await repos.audit.names(entries);
    const templateLine = (documentId: string) => {
      const entry = entries.find((e) => e.entityId === documentId);
      if (!entry) throw new Error('no audit entry');
      return describeAuditEntry(entry, (table, id) => names.get(`${table}:${id}`)).lines.find((l) => l.label === '模板');
    };
    expect(templateLine(fromBuiltin.id)).toEqual({ label: '模板', after: `${template.name}（内置模板）` });
    expect(templateLine(fromCopy.id)).toEqual({ label: '模板', after: '询问通知书（本单位）' });
  });
});

describe('DocumentRepository: a print that did not complete', () => {
  it('keeps the 打印 record written first and adds an audited 打印未完成 with the reason, shown in Chinese in the document’s history', async () => {
    const { repos, db } = makeTestRepos();
    await withPrefix(repos);
    const issued = await issueOne(repos);
    if (!issued.ok) throw new Error(issued.message);
    await repos.documents.recordExport(issued.id, 'print', '通知.pdf');
    await repos.documents.recordPrintNotCompleted(issued.id, '通知.pdf', '无法打印：这是没有打印窗口的无界面浏览器。');
    await repos.documents.recordPrintNotCompleted(issued.id, '通知.pdf', '   ');
    const entries = await repos.audit.forEntity('documents', issued.id);
    const outputs = entries.filter((e) => e.action === 'export');
    expect(outputs.map((e) => e.after)).toEqual([
      { what: 'print', fileName: '通知.pdf' },
      { what: 'print-failed', fileName: '通知.pdf', reason: '无法打印：这是没有打印窗口的无界面浏览器。' },
      { what: 'print-failed', fileName: '通知.pdf', reason: '原因未知' },
    ]);
    // The chain still verifies with the added entries.
    expect((await repos.audit.verify()).ok).toBe(true);
    const names = () => undefined;
    expect(describeAuditEntry(outputs[1] as (typeof outputs)[number], names).summary).toBe('打印未完成，通知.pdf，原因：无法打印：这是没有打印窗口的无界面浏览器。');
    expect(describeAuditEntry(outputs[0] as (typeof outputs)[number], names).summary).toBe('打印，通知.pdf');
    const row = await repos.documents.get(issued.id);
    if (!row) throw new Error('missing');
    const lines = documentHistoryLines(row.body.history, entries);
    expect(lines.map((l) => l.text.replace(/^\S+ \S+ /, ''))).toEqual(['已签发 林淼', '打印 林淼 通知.pdf', '打印未完成 林淼 原因：无法打印：这是没有打印窗口的无界面浏览器。', '打印未完成 林淼 原因：原因未知']);
    expect(lines.map((l) => l.failed)).toEqual([false, false, true, true]);
    expect(await db.audit.count()).toBeGreaterThan(3);
  });
});
