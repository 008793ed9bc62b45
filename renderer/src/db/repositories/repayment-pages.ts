// One screen of a batch's lines or of the per-creditor figures, taken from the loaded lists (no
// database access here). The repayment worker keeps the lists of the page being looked at and
// answers each screen with these functions, so a million lines and creditors never reach the page
// (issue 17): the page receives the rows it shows and the counts it prints.
import { type IneligibleReason, ineligibleReason } from '../../core/repayment/eligibility';
import { describePendingChange } from '../../core/users/four-eyes';
import type { AllocationLineRecord } from '../records';
import type { CreditorFiguresRow } from './repayment-figures';
import { forRepayment } from './repayment-figures';
import type { RepaymentCreditor } from './repayment-types';

/** What the lines table asks for: its search, its switch and the screen (offset, rows). */
export interface LinesQuery {
  readonly search: string;
  readonly onlyPaid: boolean;
  readonly offset: number;
  readonly limit: number;
}

export interface BatchLineRow {
  /** Position in the batch (1-based, allocation order), as printed in the 序号 column. */
  readonly seq: number;
  readonly line: AllocationLineRecord;
  /** From the current register; null when the creditor is no longer in it. */
  readonly name: string | null;
  readonly idNumber: string | null;
}

export interface ExcludedRow {
  readonly cid: string;
  readonly name: string;
  readonly idNumber: string;
  readonly netClaimFen: number;
  readonly reason: IneligibleReason;
}

/** Rows of the excluded tab and pending-change notes shown at most (the rest is counted). */
export const EXCLUDED_SHOWN = 500;
export const PENDING_SHOWN = 20;

export interface BatchScreen {
  readonly lineCount: number;
  /** Lines matching the search and switch. */
  readonly matched: number;
  /** The offset answered (moved back onto the last screen when the list became shorter). */
  readonly offset: number;
  readonly rows: readonly BatchLineRow[];
  /** "Name: what changed" of paid lines whose creditor changed after verification (first 20). */
  readonly pendingChanges: readonly string[];
  readonly excluded: readonly ExcludedRow[];
  readonly excludedCount: number;
  /** Names of the creditors the page asked about (the payment results' failed and returned lines). */
  readonly names: Readonly<Record<string, string>>;
}

/** A batch's lines with the register they are named from, and what the page's last search found. */
export class BatchLinesView {
  private readonly byCid: Map<string, RepaymentCreditor>;
  private last: { search: string; onlyPaid: boolean; found: Int32Array } | null = null;
  private readonly pending: string[];
  private readonly excludedAll: ExcludedRow[];

  constructor(
    private readonly lines: readonly AllocationLineRecord[],
    creditors: readonly RepaymentCreditor[],
  ) {
    this.byCid = new Map(creditors.map((c) => [c.cid, c]));
    this.pending = [];
    for (const l of lines) {
      const c = l.amountFen > 0 ? this.byCid.get(l.cid) : undefined;
      const change = c?.review?.pendingChange;
      if (c && change) this.pending.push(`${c.name}：${describePendingChange(change)}`);
    }
    this.excludedAll = [];
    for (const c of creditors) {
      const reason = ineligibleReason(forRepayment(c));
      if (reason) this.excludedAll.push({ cid: c.cid, name: c.name, idNumber: c.idNumber, netClaimFen: c.netClaimFen, reason });
    }
  }

  screen(query: LinesQuery, nameCids: readonly string[] = []): BatchScreen {
    const found = this.find(query.search.trim(), query.onlyPaid);
    const limit = Math.max(1, Math.floor(query.limit));
    const lastStart = found.length === 0 ? 0 : Math.floor((found.length - 1) / limit) * limit;
    const asked = Math.max(0, Math.floor(query.offset));
    const offset = asked < found.length ? asked : lastStart;
    const rows: BatchLineRow[] = [];
    for (let k = offset; k < Math.min(found.length, offset + limit); k++) {
      const i = found[k] as number;
      const line = this.lines[i] as AllocationLineRecord;
      const c = this.byCid.get(line.cid);
      rows.push({ seq: i + 1, line, name: c?.name ?? null, idNumber: c?.idNumber ?? null });
    }
    const names: Record<string, string> = {};
    for (const cid of nameCids) {
      const c = this.byCid.get(cid);
      if (c) names[cid] = c.name;
    }
    return {
      lineCount: this.lines.length,
      matched: found.length,
      offset,
      rows,
      pendingChanges: this.pending.slice(0, PENDING_SHOWN),
      excluded: this.excludedAll.slice(0, EXCLUDED_SHOWN),
      excludedCount: this.excludedAll.length,
      names,
    };
  }

  /** Line indices matching: the same test the page made (name contains, ID number starts with). */
  private find(search: string, onlyPaid: boolean): Int32Array {
    if (this.last && this.last.search === search && this.last.onlyPaid === onlyPaid) return this.last.found;
    const upper = search.toUpperCase();
    const out = new Int32Array(this.lines.length);
    let n = 0;
    for (let i = 0; i < this.lines.length; i++) {
      const line = this.lines[i] as AllocationLineRecord;
      if (onlyPaid && line.amountFen === 0) continue;
      if (search !== '') {
        const c = this.byCid.get(line.cid);
        if (!c || !(c.name.includes(search) || c.idNumber.startsWith(upper))) continue;
      }
      out[n++] = i;
    }
    const found = out.slice(0, n);
    this.last = { search, onlyPaid, found };
    return found;
  }
}

export interface FiguresQuery {
  readonly search: string;
  readonly offset: number;
  readonly limit: number;
}

export interface CreditorFiguresScreen {
  /** Creditors in the register. */
  readonly total: number;
  readonly matched: number;
  readonly offset: number;
  readonly rows: readonly CreditorFiguresRow[];
}

/** The per-creditor figures of a case (register order) and what the last search found. */
export class CreditorFiguresView {
  private last: { search: string; found: Int32Array } | null = null;

  constructor(private readonly all: readonly CreditorFiguresRow[]) {}

  screen(query: FiguresQuery): CreditorFiguresScreen {
    const search = query.search.trim();
    const found = this.find(search);
    const limit = Math.max(1, Math.floor(query.limit));
    const lastStart = found.length === 0 ? 0 : Math.floor((found.length - 1) / limit) * limit;
    const asked = Math.max(0, Math.floor(query.offset));
    const offset = asked < found.length ? asked : lastStart;
    const rows: CreditorFiguresRow[] = [];
    for (let k = offset; k < Math.min(found.length, offset + limit); k++) rows.push(this.all[found[k] as number] as CreditorFiguresRow);
    return { total: this.all.length, matched: found.length, offset, rows };
  }

  private find(search: string): Int32Array {
    if (this.last && this.last.search === search) return this.last.found;
    const upper = search.toUpperCase();
    const out = new Int32Array(this.all.length);
    let n = 0;
    for (let i = 0; i < this.all.length; i++) {
      const r = this.all[i] as CreditorFiguresRow;
      if (search === '' || r.name.includes(search) || r.idNumber.startsWith(upper)) out[n++] = i;
    }
    const found = out.slice(0, n);
    this.last = { search, found };
    return found;
  }
}
