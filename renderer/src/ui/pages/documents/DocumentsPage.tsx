import './documents.css';
import './messages';
import type { Route } from '../../app/routes';
import { CaseDocumentsView } from './CaseDocumentsView';
import { RegistryView } from './RegistryView';

/**
 * 文书: #/documents is the registry (all documents) and templates; #/documents/<caseId> one case's
 * documents; #/documents/<caseId>/draft/<documentId> opens a draft in the editor.
 */
export function DocumentsPage({ rest, navigate }: { readonly rest: readonly string[]; readonly navigate: (r: Route) => void }) {
  const [caseId, second, documentId] = rest;
  const draftId = second === 'draft' && documentId ? decodeURIComponent(documentId) : null;
  if (caseId) return <CaseDocumentsView key={`${caseId}/${draftId ?? ''}`} caseId={decodeURIComponent(caseId)} draftId={draftId} navigate={navigate} />;
  return <RegistryView navigate={navigate} />;
}
