// Names of the records audit entries point to (案件编号, 姓名, 第 N 批 …), read for one page of the
// log at a time, so the log shows a record's name instead of its id.
import type { AuditEntry } from '../../core/audit/audit-entry';
import { REFERENCES } from '../../core/audit/format-value';
// The module itself, not core/documents/index (which brings the PDF and DOCX writers along).
import { findBuiltinTemplate } from '../../core/documents/builtin-templates';
import { formatFen } from '../../core/money/format-money';
import type { WorkstationDb } from '../database';
import type { CreditorRegisterRow } from '../records';

type Wanted = Map<string, Set<string>>;

function want(wanted: Wanted, table: string, id: unknown): void {
  if (typeof id !== 'string' || id === '') return;
  const set = wanted.get(table) ?? new Set<string>();
  set.add(id);
  wanted.set(table, set);
}

/** Every (table, id) an entry names: its own record and any id fields inside before/after. */
function collect(entries: readonly AuditEntry[]): Wanted {
  const wanted: Wanted = new Map();
  const scan = (value: unknown, depth: number) => {
    if (depth > 3 || typeof value !== 'object' || value === null) return;
    for (const [k, v] of Object.entries(value)) {
      const table = REFERENCES[k];
      if (table && Array.isArray(v)) for (const id of v) want(wanted, table, id);
      else if (table) want(wanted, table, v);
      else scan(v, depth + 1);
    }
  };
  for (const e of entries) {
    if (e.entity === 'creditors' && e.entityId.includes('/')) {
      want(wanted, 'cases', e.entityId.split('/')[0]);
      const own = (e.after ?? e.before) as { name?: unknown } | null;
      if (typeof own?.name !== 'string') want(wanted, 'creditors', e.entityId);
    } else if (e.entity === 'creditors') want(wanted, 'cases', e.entityId);
    else if (e.entityId.startsWith('refund-batch:')) want(wanted, 'repaymentBatches', e.entityId.slice(13));
    else want(wanted, e.entity, e.entityId);
    if (e.userId) want(wanted, 'users', e.userId);
    scan(e.before, 0);
    scan(e.after, 0);
  }
  return wanted;
}

/** `${table}:${id}` → name, for the records a page of entries refers to. */
export async function recordNames(db: WorkstationDb, entries: readonly AuditEntry[]): Promise<Map<string, string>> {
  const wanted = collect(entries);
  const out = new Map<string, string>();
  const ids = (table: string) => [...(wanted.get(table) ?? [])];
  const put = (table: string, id: string, name: string | undefined) => {
    if (name) out.set(`${table}:${id}`, name);
  };
  const batches = await db.repaymentBatches.bulkGet([...ids('repaymentBatches'), ...(await paymentBatchIds(db, ids('paymentResults')))]);
  for (const b of batches) if (b) want(wanted, 'cases', b.caseId);
  const plans = await db.repaymentPlans.bulkGet(ids('repaymentPlans'));
  for (const p of plans) if (p) want(wanted, 'cases', p.caseId);
  for (const c of await db.cases.bulkGet(ids('cases'))) if (c) put('cases', c.id, c.caseNumber || c.title);
  const caseName = (id: string) => out.get(`cases:${id}`) ?? '';
  for (const b of batches) if (b) put('repaymentBatches', b.id, `第 ${b.number} 批（${caseName(b.caseId)}）`);
  for (const p of plans) if (p) put('repaymentPlans', p.id, `${caseName(p.caseId)} 的清退方案`);
  for (const r of await db.paymentResults.bulkGet(ids('paymentResults'))) if (r) put('paymentResults', r.id, out.get(`repaymentBatches:${r.batchId}`));
  for (const f of await db.fundReceipts.bulkGet(ids('fundReceipts'))) if (f) put('fundReceipts', f.id, `${f.date} ${formatFen(f.amountFen)} 元`);
  for (const u of await db.users.bulkGet(ids('users'))) if (u) put('users', u.id, u.name);
  for (const p of await db.parties.bulkGet(ids('parties'))) if (p) put('parties', p.id, p.name);
  for (const d of await db.documents.bulkGet(ids('documents'))) if (d) put('documents', d.id, d.number ?? `${d.body.typeLabel}（草稿）`);
  for (const t of await db.documentTemplates.bulkGet(ids('documentTemplates'))) if (t) put('documentTemplates', t.id, t.body.template.name);
  // The built-in templates live in templates/, not in the table: a document made from one names it.
  for (const id of ids('documentTemplates')) if (!out.has(`documentTemplates:${id}`)) put('documentTemplates', id, builtinName(id));
  // By its number, as everywhere else (petitions from before numbers existed: date and first petitioner).
  for (const p of await db.petitions.bulkGet(ids('petitions'))) if (p) put('petitions', p.id, p.body.registerNo ?? `${p.receivedDate} ${p.body.petitioners[0]?.name ?? ''}`.trim());
  for (const s of await db.mediationSessions.bulkGet(ids('mediationSessions'))) if (s) put('mediationSessions', s.id, `${s.date} ${s.body.place}`.trim());
  for (const a of await db.attachments.bulkGet(ids('attachments'))) if (a) put('attachments', a.id, a.fileName);
  for (const i of await db.creditorImports.bulkGet(ids('creditorImports'))) if (i) put('creditorImports', i.id, i.fileName);
  for (const c of await db.clues.bulkGet(ids('clues'))) if (c) put('clues', c.id, `${c.clueNo} ${c.subject.name}`);
  for (const c of await db.clues.bulkGet(ids('clueReporters'))) if (c) put('clueReporters', c.id, `${c.clueNo} 的举报人`);
  for (const r of await db.clueRewards.bulkGet(ids('clueRewards'))) if (r) put('clueRewards', r.id, `${formatFen(r.amountFen)} 元（${r.form === 'cash' ? '现金' : '实物'}）`);
  for (const a of await db.adverts.bulkGet(ids('adverts'))) if (a) put('adverts', a.id, `${a.date} ${a.advertiser}`);
  for (const i of await db.advertImports.bulkGet(ids('advertImports'))) if (i) put('advertImports', i.id, i.fileName);
  for (const a of await db.advertActions.bulkGet(ids('advertActions'))) if (a) put('advertActions', a.id, `${a.kind} ${a.advertiser}`);
  for (const n of await db.riskNotices.bulkGet(ids('riskNotices'))) if (n) put('riskNotices', n.id, n.title);
  for (const f of await db.firms.bulkGet(ids('firms'))) if (f) put('firms', f.id, f.name);
  await creditorNames(db, ids('creditors'), out);
  return out;
}

function builtinName(id: string): string | undefined {
  const builtin = findBuiltinTemplate(id);
  return builtin ? `${builtin.name}（内置模板）` : undefined;
}

async function paymentBatchIds(db: WorkstationDb, resultIds: readonly string[]): Promise<string[]> {
  return (await db.paymentResults.bulkGet([...resultIds])).flatMap((r) => (r ? [r.batchId] : []));
}

/** Creditors named only by `${caseId}/${cid}`: read the case's current register (once per case). */
async function creditorNames(db: WorkstationDb, keys: readonly string[], out: Map<string, string>): Promise<void> {
  const byCase = new Map<string, Set<string>>();
  for (const key of keys) {
    const [caseId = '', cid = ''] = key.split('/');
    if (!byCase.has(caseId)) byCase.set(caseId, new Set());
    byCase.get(caseId)?.add(cid);
  }
  for (const [caseId, cids] of byCase) {
    const pointer = await db.table<CreditorRegisterRow, string>('creditorRegisters').get(caseId);
    if (!pointer) continue;
    const blocks = await db.creditorBlocks.where('[caseId+generation]').equals([caseId, pointer.generation]).toArray();
    for (const b of blocks) for (const c of b.creditors) if (cids.has(c.cid)) out.set(`creditors:${caseId}/${c.cid}`, c.name);
  }
}
