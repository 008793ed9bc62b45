import './documents.css';
import './messages';
import type { Route } from '../../app/routes';
import { CaseDocumentsView, type EditorRoute } from './CaseDocumentsView';
import { RegistryView } from './RegistryView';
import { SourceDraftView } from './SourceDraftView';

/**
 * 文书: #/documents is the registry (all documents) and templates; #/documents/<caseId> one case's
 * documents; #/documents/<caseId>/new/<templateId>[/<petitionId>|<sessionId>] the form of a new
 * document (its own address, so a reload or the back button returns to the form, not the list);
 * #/documents/<caseId>/draft/<documentId> a saved draft in the editor; #/documents/draft/<documentId>
 * a draft made outside a case (from a clue or a risk notice).
 */
export function DocumentsPage({ rest, navigate }: { readonly rest: readonly string[]; readonly navigate: (r: Route) => void }) {
  const [caseId, second, third, fourth] = rest;
  if (!caseId) return <RegistryView navigate={navigate} />;
  if (caseId === 'draft' && second) return <SourceDraftView key={second} documentId={second} navigate={navigate} />;
  const editor: EditorRoute | null =
    second === 'draft' && third ? { kind: 'draft', documentId: third } : second === 'new' && third ? { kind: 'new', templateId: third, sourceKey: fourth ?? '' } : null;
  return <CaseDocumentsView key={caseId} caseId={caseId} editor={editor} navigate={navigate} />;
}
