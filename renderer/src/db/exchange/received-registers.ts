// Reads a creditor register received from an office, for the city's read-only view: its account (the
// 'creditors' record as sent, the case it belongs to, the sender's masking choice) and its creditors a
// page at a time from the stored frames ('creditors-block' rows, 1,000 creditors each), so a
// 1,000,000-creditor register is never loaded whole. Registers of format-1 packages (creditors inside
// the record) are read from the record.

import type { RegisterCreditor } from '../../core/exchange/build-records';
import { decodeRecordBlock, type StoredExchangeRecord } from '../../core/exchange/record-blocks';
import { type RegisterHit, registerPageSlices, registerQuery, searchRegisterCreditors } from '../../core/exchange/register-browse';
import { CREDITORS_PER_FRAME, REGISTER_BLOCK_KIND, readRegisterFrame, registerBlockId, registerSummaryOf } from '../../core/exchange/register-frames';
import type { PersonalDataChoice } from '../../core/exchange/types';
import type { WorkstationDb } from '../database';

export interface ReceivedRegister {
  readonly office: string;
  readonly officeName: string;
  readonly caseId: string;
  /** 案件编号 and name as the office reported the case ('' when the case was not in its packages). */
  readonly caseLabel: string;
  readonly count: number;
  readonly principalFen: number;
  readonly returnedFen: number;
  readonly netClaimFen: number;
  /** The choice of the package that brought the register (null when that package row is gone). */
  readonly personalData: PersonalDataChoice | null;
  readonly periodLabel: string;
  readonly packageCreatedAt: string;
}

interface Found {
  readonly officeName: string;
  readonly record: StoredExchangeRecord;
}

async function findRecord(db: WorkstationDb, office: string, kind: string, sourceId: string): Promise<Found | null> {
  const rows = await db.exchangeRecordBlocks.where('[office+kind]').equals([office, kind]).toArray();
  for (const row of rows) {
    const block = decodeRecordBlock(row);
    const record = block.records.find((r) => r.sourceId === sourceId);
    if (record) return { officeName: block.officeName, record };
  }
  return null;
}

/** The creditors of a format-1 register record (inside the record), or null for a framed one. */
function inlineCreditors(record: StoredExchangeRecord): readonly RegisterCreditor[] | null {
  const list = record.data.creditors;
  return registerSummaryOf({ kind: 'creditors', data: record.data }) === null && Array.isArray(list) ? (list as RegisterCreditor[]) : null;
}

const sumOf = (list: readonly RegisterCreditor[], field: 'principalFen' | 'returnedFen' | 'netClaimFen') => list.reduce((n, c) => n + c[field], 0);

export async function readReceivedRegister(db: WorkstationDb, office: string, caseId: string): Promise<ReceivedRegister | null> {
  const [found, caseFound] = await Promise.all([findRecord(db, office, 'creditors', caseId), findRecord(db, office, 'case', caseId)]);
  if (!found) return null;
  const { record } = found;
  const pkg = await db.exchangePackages.get(record.packageSha256);
  const summary = registerSummaryOf({ kind: 'creditors', data: record.data });
  const inline = inlineCreditors(record) ?? [];
  const c = caseFound?.record.data;
  const caseLabel = c ? `${String(c.caseNumber ?? '')} ${String(c.title ?? '')}`.trim() : '';
  return {
    office,
    officeName: found.officeName,
    caseId,
    caseLabel,
    count: summary?.count ?? inline.length,
    principalFen: summary?.principalFen ?? sumOf(inline, 'principalFen'),
    returnedFen: summary?.returnedFen ?? sumOf(inline, 'returnedFen'),
    netClaimFen: summary?.netClaimFen ?? sumOf(inline, 'netClaimFen'),
    personalData: pkg?.personalData ?? null,
    periodLabel: pkg?.periodLabel ?? record.periodKey,
    packageCreatedAt: record.packageCreatedAt,
  };
}

async function rowCreditors(db: WorkstationDb, office: string, caseId: string, seq: number): Promise<RegisterCreditor[] | null> {
  const row = await db.exchangeRecordBlocks.get(registerBlockId(office, caseId, seq));
  if (!row?.frame || row.kind !== REGISTER_BLOCK_KIND) return null;
  return readRegisterFrame(row.frame);
}

/** Creditors [offset, offset + limit) of a received register, numbered from 1 in the order sent. */
export async function readRegisterPage(db: WorkstationDb, office: string, caseId: string, offset: number, limit: number): Promise<RegisterHit[]> {
  const found = await findRecord(db, office, 'creditors', caseId);
  if (!found) return [];
  const inline = inlineCreditors(found.record);
  if (inline) return inline.slice(offset, offset + limit).map((creditor, i) => ({ n: offset + i + 1, creditor }));
  const count = registerSummaryOf({ kind: 'creditors', data: found.record.data })?.count ?? 0;
  const out: RegisterHit[] = [];
  for (const slice of registerPageSlices(offset, limit, count)) {
    const creditors = await rowCreditors(db, office, caseId, slice.seq);
    if (creditors === null) break;
    out.push(...searchRegisterCreditors(creditors, '', slice.seq * CREDITORS_PER_FRAME, slice.from, slice.to - slice.from).hits);
  }
  return out;
}

/**
 * The next `limit` creditors matching `text` from creditor `from` (0-based) on, and where to go on
 * (null at the register's end). Reads one stored row at a time.
 */
export async function searchReceivedRegister(
  db: WorkstationDb,
  office: string,
  caseId: string,
  text: string,
  from: number,
  limit: number,
): Promise<{ readonly hits: RegisterHit[]; readonly next: number | null }> {
  const query = registerQuery(text);
  const found = await findRecord(db, office, 'creditors', caseId);
  if (!found) return { hits: [], next: null };
  const inline = inlineCreditors(found.record);
  const hits: RegisterHit[] = [];
  if (inline) {
    const r = searchRegisterCreditors(inline, query, 0, from, limit);
    return { hits: r.hits, next: r.resumeAt };
  }
  const frames = registerSummaryOf({ kind: 'creditors', data: found.record.data })?.frames ?? 0;
  const firstSeq = Math.floor(from / CREDITORS_PER_FRAME);
  for (let seq = firstSeq; seq < frames; seq++) {
    const creditors = await rowCreditors(db, office, caseId, seq);
    if (creditors === null) break;
    const first = seq * CREDITORS_PER_FRAME;
    const r = searchRegisterCreditors(creditors, query, first, seq === firstSeq ? from - first : 0, limit - hits.length);
    hits.push(...r.hits);
    if (r.resumeAt !== null) return { hits, next: first + r.resumeAt };
  }
  return { hits, next: null };
}
