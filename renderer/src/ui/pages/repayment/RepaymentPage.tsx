import './repayment.css';
import './messages';
import type { Route } from '../../app/routes';
import { BatchView } from './BatchView';
import { CaseRepaymentView } from './CaseRepaymentView';
import { RepaymentCaseChooser } from './RepaymentCaseChooser';

/**
 * 清退: #/repayment picks a case; #/repayment/<caseId>[/<tab>] shows its funds, batches and figures;
 * #/repayment/<caseId>/batch/<batchId> one batch.
 */
export function RepaymentPage({ rest, navigate }: { readonly rest: readonly string[]; readonly navigate: (r: Route) => void }) {
  const [caseId, second, batchId] = rest;
  if (!caseId) return <RepaymentCaseChooser navigate={navigate} />;
  if (second === 'batch' && batchId) return <BatchView key={batchId} caseId={caseId} batchId={batchId} navigate={navigate} />;
  return <CaseRepaymentView key={caseId} caseId={caseId} tab={second} navigate={navigate} />;
}
