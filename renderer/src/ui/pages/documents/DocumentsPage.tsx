import './documents.css';
import './messages';
import type { Route } from '../../app/routes';
import { CaseDocumentsView, type EditorRoute } from './CaseDocumentsView';
import { RegistryView } from './RegistryView';

/**
 * 文书: #/documents is the registry (all documents) and templates; #/documents/<caseId> one case's
 * documents; #/documents/<caseId>/new/<templateId>[/<petitionId>|<sessionId>] the form of a new
 * document (its own address, so a reload or the back button returns to the form, not the list);
 * #/documents/<caseId>/draft/<documentId> a saved draft in the editor.
 */
export function DocumentsPage({ rest, navigate }: { readonly rest: readonly string[]; readonly navigate: (r: Route) => void }) {
  const [caseId, second, third, fourth] = rest;
  if (!caseId) return <RegistryView navigate={navigate} />;
  const editor: EditorRoute | null =
    second === 'draft' && third ? { kind: 'draft', documentId: third } : second === 'new' && third ? { kind: 'new', templateId: third, sourceKey: fourth ?? '' } : null;
  return <CaseDocumentsView key={caseId} caseId={caseId} editor={editor} navigate={navigate} />;
}
