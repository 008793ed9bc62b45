// An office's ten years for the figures benchmark (issue 13): 10,000 cases, 100,000 petitions,
// 2,000,000 creditors in the registers of 5,000 cases with repayment plans, 20,000 batches (four per
// plan, every creditor paid in each). Deterministic (a fixed-seed generator), so runs compare.
import type { CaseFile, CaseStage } from '../../renderer/src/core/cases/case-file';
import { CASE_STAGES } from '../../renderer/src/core/cases/case-file';
import type { FigureRecords } from '../../renderer/src/core/figures/records';
import { DEFAULT_PETITION_SETTINGS_SECTION } from '../../renderer/src/core/petitions/settings-section';
import type { Petition, PetitionLevel } from '../../renderer/src/core/petitions/types';
import type { CreditorForRepayment } from '../../renderer/src/core/repayment/eligibility';
import { type NumberedBatch, type RefundCaseFacts, refundCaseFacts } from '../../renderer/src/core/repayment/refund-facts';

export const SIZES = { cases: 10_000, petitions: 100_000, creditors: 2_000_000, plans: 5_000, batchesPerPlan: 4 } as const;
export const DISTRICTS = ['环翠区', '文登区', '荣成市', '乳山市', '高区', '经区', '临港区', '南海新区', '好运角'];
const FIRST_YEAR = 2016;
const YEARS = 10;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
function dateIn(year: number, r: () => number): string {
  return `${year}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;
}
function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function benchCases(): CaseFile[] {
  const r = rng(13);
  return Array.from({ length: SIZES.cases }, (_, i) => {
    const year = FIRST_YEAR - 4 + Math.floor(r() * (YEARS + 4));
    const filed = dateIn(year, r);
    const reached = Math.floor(r() * CASE_STAGES.length);
    const history: { stage: CaseStage; date: string; note: string; operator: string; recordedAt: string }[] = [];
    let date = filed;
    for (let s = 1; s <= Math.max(1, reached); s++) {
      history.push({ stage: CASE_STAGES[s] as CaseStage, date, note: '', operator: '基准', recordedAt: `${date}T08:00:00.000Z` });
      date = plusDays(date, 30 + Math.floor(r() * 200));
    }
    return {
      id: `case-${i}`,
      caseNumber: `威公经立〔${year}〕${i}号`,
      title: `基准测试第${i}号涉嫌非法吸收公众存款案`,
      charge: '非法吸收公众存款',
      sector: '养老',
      district: DISTRICTS[i % DISTRICTS.length] as string,
      leadUnit: '市公安局经侦支队',
      officers: ['张三'],
      amountInvolvedFen: Math.floor(r() * 5e10),
      peopleInvolved: Math.floor(r() * 3000),
      lossesRecoveredFen: Math.floor(r() * 1e9),
      filedDate: filed,
      stage: history.at(-1)?.stage ?? '立案',
      stageHistory: history,
      createdAt: `${filed}T08:00:00.000Z`,
      updatedAt: `${filed}T08:00:00.000Z`,
    };
  });
}

const LEVELS: readonly PetitionLevel[] = ['到县区', '到市', '到市', '到县区', '到省', '进京'];

export function benchPetitions(): Omit<Petition, 'mediationSessions'>[] {
  const r = rng(16);
  return Array.from({ length: SIZES.petitions }, (_, i) => {
    const received = dateIn(FIRST_YEAR + Math.floor(r() * YEARS), r);
    const persons = r() < 0.3 ? 2 + Math.floor(r() * 30) : 1;
    const accepted = r() < 0.8 ? plusDays(received, Math.floor(r() * 20)) : undefined;
    const closed = accepted && r() < 0.7 ? plusDays(accepted, Math.floor(r() * 80)) : undefined;
    return {
      id: `pet-${i}`,
      registerNo: `信${i}`,
      receivedOn: received,
      channel: '来访',
      level: LEVELS[Math.floor(r() * LEVELS.length)] as PetitionLevel,
      form: persons > 1 ? 'collective' : 'individual',
      personCount: persons,
      petitioners: [{ kind: 'entered', name: `信访人${i}` }],
      caseId: `case-${Math.floor(r() * SIZES.cases)}`,
      demands: '要求退还本金',
      urgency: '一般',
      handler: '李调解',
      status: closed ? '办结' : accepted ? '受理' : '登记',
      ...(accepted ? { acceptedOn: accepted } : {}),
      ...(closed ? { closedOn: closed, outcome: r() < 0.6 ? '化解' : '部分化解' } : {}),
      history: [],
    } as Omit<Petition, 'mediationSessions'>;
  });
}

export interface BenchRefunds {
  readonly facts: RefundCaseFacts[];
  /** Time to build every case's facts from its creditors and batch lines (the cold cache). */
  readonly buildMs: number;
  /** The batches as rows carry them (for the app bench's store). */
  readonly batches: { caseId: string; id: string; number: number; date: string; paidFen: number; committedFen: number }[];
}

/** 5,000 cases × 400 creditors, 4 batches each paying everyone; facts built case by case. */
export function benchRefunds(): BenchRefunds {
  const r = rng(20);
  const perCase = SIZES.creditors / SIZES.plans;
  const facts: RefundCaseFacts[] = [];
  const rows: BenchRefunds['batches'] = [];
  let buildMs = 0;
  for (let c = 0; c < SIZES.plans; c++) {
    const caseId = `case-${c * 2}`;
    const creditors: CreditorForRepayment[] = Array.from({ length: perCase }, (_, i) => ({
      id: String(i + 1),
      netClaimFen: 100_000 + Math.floor(r() * 10_000_000),
      status: r() < 0.95 ? '已核实' : '待核实',
      exclusion: null,
    }));
    const batches: NumberedBatch[] = Array.from({ length: SIZES.batchesPerPlan }, (_, b) => {
      const date = dateIn(FIRST_YEAR + 2 + Math.floor(r() * (YEARS - 2)), r);
      const lines = creditors.map((cr) => ({ creditorId: cr.id, amountFen: Math.floor(cr.netClaimFen / 10), payment: (r() < 0.98 ? 'paid' : 'failed') as 'paid' | 'failed' }));
      return {
        id: `${caseId}-b${b + 1}`,
        number: b + 1,
        date,
        amountFen: lines.reduce((s, l) => s + l.amountFen, 0),
        rule: { smallClaimThresholdFen: 0, minPaymentFen: 0 },
        status: 'paid',
        lines,
        unallocatedFen: 0,
        approvedBy: '王主任',
        approvedAt: `${date}T08:00:00.000Z`,
        paidAt: `${date}T08:00:00.000Z`,
      };
    });
    const t0 = performance.now();
    const f = refundCaseFacts(caseId, creditors, batches);
    buildMs += performance.now() - t0;
    facts.push(f);
    for (const b of f.batches) rows.push({ caseId, id: b.batchId, number: b.number, date: b.date, paidFen: b.paidFen, committedFen: b.paidFen });
  }
  return { facts, buildMs, batches: rows };
}

export function benchRecords(cases: CaseFile[], petitions: Omit<Petition, 'mediationSessions'>[], refunds: RefundCaseFacts[]): FigureRecords {
  const districtOf = new Map(cases.map((c) => [c.id, c.district]));
  return {
    districts: DISTRICTS,
    rules: { backlogCutoff: '2017-12-31', campaignStart: '2020-01-01', petitions: DEFAULT_PETITION_SETTINGS_SECTION },
    cases,
    petitions: petitions.map((p) => ({ ...p, district: p.caseId ? (districtOf.get(p.caseId) ?? null) : null })),
    refunds: refunds.map((f) => ({ ...f, district: districtOf.get(f.caseId) ?? null })),
    monitoring: [],
    firms: [],
  };
}
