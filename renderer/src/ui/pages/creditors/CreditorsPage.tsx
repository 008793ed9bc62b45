import './creditors.css';
import './messages';
import type { Route } from '../../app/routes';
import { CaseChooser } from './CaseChooser';
import { RegisterView } from './RegisterView';

/** 集资参与人: #/creditors picks a case; #/creditors/<caseId> shows and imports its register. */
export function CreditorsPage({ rest, navigate }: { readonly rest: readonly string[]; readonly navigate: (r: Route) => void }) {
  const caseId = rest[0];
  if (!caseId) return <CaseChooser navigate={navigate} />;
  return <RegisterView key={caseId} caseId={caseId} navigate={navigate} />;
}
