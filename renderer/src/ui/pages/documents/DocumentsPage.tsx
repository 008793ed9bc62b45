import './documents.css';
import './messages';
import type { Route } from '../../app/routes';
import { CaseDocumentsView } from './CaseDocumentsView';
import { RegistryView } from './RegistryView';

/** 文书: #/documents is the registry (all documents) and templates; #/documents/<caseId> one case's documents. */
export function DocumentsPage({ rest, navigate }: { readonly rest: readonly string[]; readonly navigate: (r: Route) => void }) {
  const [caseId] = rest;
  if (caseId) return <CaseDocumentsView key={caseId} caseId={decodeURIComponent(caseId)} navigate={navigate} />;
  return <RegistryView />;
}
