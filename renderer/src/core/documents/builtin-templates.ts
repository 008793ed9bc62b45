// The built-in templates, read from templates/*.json (data, not code) and checked on load, so a
// broken template file fails loudly at start-up instead of printing a wrong document.
import caseTransferLetter from '../../../../templates/case-transfer-letter.json';
import commitmentLetter from '../../../../templates/commitment-letter.json';
import inquiryNotice from '../../../../templates/inquiry-notice.json';
import inspectionRecord from '../../../../templates/inspection-record.json';
import mediationAgreement from '../../../../templates/mediation-agreement.json';
import rectificationNotice from '../../../../templates/rectification-notice.json';
import refundNotice from '../../../../templates/refund-notice.json';
import rewardNotice from '../../../../templates/reward-notice.json';
import riskNotice from '../../../../templates/risk-notice.json';
import caseTransferSample from '../../../../templates/samples/case-transfer-letter.json';
import commitmentSample from '../../../../templates/samples/commitment-letter.json';
import inquirySample from '../../../../templates/samples/inquiry-notice.json';
import inspectionSample from '../../../../templates/samples/inspection-record.json';
import mediationSample from '../../../../templates/samples/mediation-agreement.json';
import rectificationSample from '../../../../templates/samples/rectification-notice.json';
import refundSample from '../../../../templates/samples/refund-notice.json';
import rewardSample from '../../../../templates/samples/reward-notice.json';
import riskSample from '../../../../templates/samples/risk-notice.json';
import serviceSample from '../../../../templates/samples/service-receipt.json';
import workReportSample from '../../../../templates/samples/work-report.json';
import serviceReceipt from '../../../../templates/service-receipt.json';
import workReport from '../../../../templates/work-report.json';
import { parseTemplate } from './template-schema';
import type { DocumentData, DocumentTemplate } from './template-types';

const SOURCES: readonly (readonly [unknown, unknown])[] = [
  [inquiryNotice, inquirySample],
  [inspectionRecord, inspectionSample],
  [rectificationNotice, rectificationSample],
  [caseTransferLetter, caseTransferSample],
  [mediationAgreement, mediationSample],
  [refundNotice, refundSample],
  [serviceReceipt, serviceSample],
  [workReport, workReportSample],
  [commitmentLetter, commitmentSample],
  [rewardNotice, rewardSample],
  [riskNotice, riskSample],
];

function load(json: unknown): DocumentTemplate {
  const r = parseTemplate(json);
  if (!r.ok) throw new Error(`内置模板有误：${r.errors.join('；')}`);
  return r.template;
}

export const BUILTIN_TEMPLATES: readonly DocumentTemplate[] = SOURCES.map(([t]) => load(t));

const SAMPLES = new Map<string, DocumentData>(
  SOURCES.map(([, s], i) => [BUILTIN_TEMPLATES[i]?.id ?? String(i), s as DocumentData]),
);

export function findBuiltinTemplate(id: string): DocumentTemplate | undefined {
  return BUILTIN_TEMPLATES.find((t) => t.id === id);
}

/** Complete, realistic sample data for a built-in template (CLI sample-data, previews, tests). */
export function sampleDataFor(id: string): DocumentData | undefined {
  const s = SAMPLES.get(id);
  return s ? structuredClone(s) : undefined;
}
