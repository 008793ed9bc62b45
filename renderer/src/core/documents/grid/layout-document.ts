// One document model → its pages (blocks placed on the grid, pages decided), shared by both writers.
import type { DocumentModel } from '../document-model';
import { LINES_PER_PAGE } from '../layout';
import type { LaidDocument } from './blocks';
import { footerLines, layoutModel } from './layout-model';
import { paginate } from './paginate';

export function layoutDocument(model: DocumentModel): LaidDocument {
  const footer = footerLines(model);
  // A record (笔录) keeps the foot of every page for the signatures: those lines hold no text.
  const pages = paginate(layoutModel(model), { lines: LINES_PER_PAGE - footer.length });
  const single = pages.length === 1 && model.pageFooter.pageNumbers === 'multiPage';
  return {
    pages: single ? pages.map((p) => ({ ...p, noNumber: true })) : pages,
    footerLines: footer,
    pageOfTotal: Boolean(model.pageFooter.pageOfTotal),
    title: model.title,
  };
}
