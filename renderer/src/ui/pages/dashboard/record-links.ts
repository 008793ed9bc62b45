// Where each kind of record a figure counts opens, and how it is named in the records list. An area
// adding a record kind (e.g. screened firms) adds its link here.
import { formatOfficeDateTime } from '../../../core/common/office-time';
import type { FigureCase, FigureRecords } from '../../../core/figures/records';
import type { FigureRecordRef } from '../../../core/figures/types';

export interface RecordLink {
  readonly label: string;
  /** null when the record is no longer stored. */
  readonly href: string | null;
  /** A record received in a 报送 package (at the city): the office that sent it and when the package was made. */
  readonly from?: string;
}

/** 「环翠区处非办」（2026-04-02 10:15）: who sent a received case, and in which package. */
function receivedFromText(c: FigureCase): string | undefined {
  const from = c.receivedFrom;
  if (!from) return undefined;
  return from.packageCreatedAt ? `${from.officeName}（${formatOfficeDateTime(from.packageCreatedAt)}）` : from.officeName;
}

const enc = encodeURIComponent;

/** Look-ups built once per records input, then one link per record. */
export function recordLinker(records: FigureRecords, districtHref: (d: string) => string): (ref: FigureRecordRef) => RecordLink {
  const cases = new Map(records.cases.map((c) => [c.id, c]));
  const petitions = new Map(records.petitions.map((p) => [p.id, p]));
  const caseLabel = (id: string) => {
    const c = cases.get(id);
    return c ? `${c.caseNumber} ${c.title}` : null;
  };
  return (ref) => {
    const received = ref.kind === 'case' ? cases.get(ref.id) : undefined;
    const from = received ? receivedFromText(received) : undefined;
    if (from === undefined) return linkOf(ref, caseLabel, (id) => petitions.get(id), districtHref);
    // Received cases are not in this office's case list: they open among the records received.
    return { label: caseLabel(ref.id) ?? ref.id, href: '#/exchange/records', from };
  };
}

function linkOf(
  ref: FigureRecordRef,
  caseLabel: (id: string) => string | null,
  petitionOf: (id: string) => { readonly registerNo?: string; readonly receivedOn: string } | undefined,
  districtHref: (d: string) => string,
): RecordLink {
  switch (ref.kind) {
    case 'case': {
      const label = caseLabel(ref.id);
      return { label: label ?? ref.id, href: label ? `#/cases/${enc(ref.id)}` : null };
    }
    case 'petition': {
      const p = petitionOf(ref.id);
      return { label: p ? `${p.registerNo ?? '信访件'}（${p.receivedOn}）` : ref.id, href: p ? `#/petitions/${enc(ref.id)}` : null };
    }
    case 'batch': {
      const c = ref.caseId ? caseLabel(ref.caseId) : null;
      return { label: c ?? ref.id, href: ref.caseId ? `#/repayment/${enc(ref.caseId)}/batch/${enc(ref.id)}` : null };
    }
    case 'repayment': {
      const c = caseLabel(ref.id);
      return { label: c ?? ref.id, href: `#/repayment/${enc(ref.id)}` };
    }
    case 'district':
      return { label: ref.id, href: districtHref(ref.id) };
    // 线索监测: the record's own line (clue number, date …) is the label.
    case 'clue':
      return { label: ref.detail ?? ref.id, href: `#/clues/${enc(ref.id)}` };
    case 'reward':
      return { label: ref.detail ?? ref.id, href: '#/clues/rewards' };
    case 'advert':
    case 'advertAction':
      return { label: ref.detail ?? ref.id, href: '#/clues/adverts' };
    case 'riskNotice':
      return { label: ref.detail ?? ref.id, href: '#/clues/notices' };
    case 'firm':
      // The figure's detail starts with the firm's name (see core/screening/dashboard-figures.ts).
      return { label: ref.detail?.split('，')[0] ?? ref.id, href: `#/screening/firm/${enc(ref.id)}` };
    default:
      return { label: ref.id, href: null };
  }
}
