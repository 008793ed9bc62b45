// Users' copies of the built-in templates (模板副本), stored in documentTemplates. A copy keeps the
// original's fields and document type; only its name and wording change, and every change is parsed
// again (placeholders must name the copy's fields). The built-ins in templates/ are never written.
// Imported from the modules themselves, not core/documents/index: the index also brings the PDF and
// DOCX writers (pdfmake, docx), which belong in the render worker, not in the window's bundle.
import { BUILTIN_TEMPLATES, findBuiltinTemplate } from '../../core/documents/builtin-templates';
import { duplicateTemplate, parseTemplate } from '../../core/documents/template-schema';
import type { DocumentTemplate } from '../../core/documents/template-types';
import { requirePermission } from '../access';
import { appendAudit } from '../audit-writer';
import type { DocumentTemplateRow } from '../records';
import type { RepositoryContext } from '../repository-context';
import type { DocumentResult } from './document-types';

export class DocumentTemplateStore {
  constructor(private readonly ctx: RepositoryContext) {}

  /** Built-ins first, then the user's copies by name. */
  async all(): Promise<DocumentTemplate[]> {
    const rows = await this.ctx.db.documentTemplates.toArray();
    const copies = rows.map((r) => r.body.template).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    return [...BUILTIN_TEMPLATES, ...copies];
  }

  async get(id: string): Promise<DocumentTemplate | undefined> {
    return findBuiltinTemplate(id) ?? (await this.ctx.db.documentTemplates.get(id))?.body.template;
  }

  isBuiltin(id: string): boolean {
    return findBuiltinTemplate(id) !== undefined;
  }

  async duplicate(sourceId: string, name: string): Promise<DocumentResult> {
    await requirePermission(this.ctx, 'templates.manage', { entity: 'documentTemplates', entityId: sourceId });
    const newName = name.trim();
    if (!newName) return { ok: false, field: 'name', message: '模板名称：请填写副本的名称。' };
    const source = await this.get(sourceId);
    if (!source) return { ok: false, field: 'source', message: '要复制的模板已不存在：请刷新后重新选择。' };
    const { db } = this.ctx;
    const now = this.ctx.now().toISOString();
    return db.transaction('rw', [db.documentTemplates, db.audit, db.settings], async () => {
      if (await this.nameTaken(newName, null)) return { ok: false as const, field: 'name', message: `模板名称“${newName}”已被使用：请换一个名称。` };
      const id = `user-${this.ctx.newId()}`;
      // A copy of a copy still points at the built-in it came from.
      const template = { ...duplicateTemplate(source, id, newName), basedOn: source.basedOn ?? source.id };
      const row: DocumentTemplateRow = { id, basedOn: template.basedOn, body: { template, createdAt: now, updatedAt: now } };
      await db.documentTemplates.add(row);
      await appendAudit(db, { action: 'create', entity: 'documentTemplates', entityId: id, before: null, after: { name: newName, basedOn: template.basedOn } }, this.ctx.now());
      return { ok: true as const, id };
    });
  }

  /** Saves a copy's new name and wording; fields, document type and checks stay the copy's own. */
  async update(id: string, edited: DocumentTemplate): Promise<DocumentResult> {
    await requirePermission(this.ctx, 'templates.manage', { entity: 'documentTemplates', entityId: id });
    if (this.isBuiltin(id)) return { ok: false, field: 'template', message: '内置模板不能修改：请先复制一份，再修改副本的文字。' };
    const name = edited.name.trim();
    if (!name) return { ok: false, field: 'name', message: '模板名称：请填写名称。' };
    const { db } = this.ctx;
    const now = this.ctx.now().toISOString();
    return db.transaction('rw', [db.documentTemplates, db.audit, db.settings], async () => {
      const before = await db.documentTemplates.get(id);
      if (!before) return { ok: false as const, field: 'template', message: '该模板副本已不存在：请刷新后重试。' };
      if (await this.nameTaken(name, id)) return { ok: false as const, field: 'name', message: `模板名称“${name}”已被使用：请换一个名称。` };
      const old = before.body.template;
      const candidate = { ...old, name, blocks: edited.blocks, version: old.version + 1 };
      const parsed = parseTemplate(candidate);
      if (!parsed.ok) return { ok: false as const, field: 'blocks', message: `模板文字有误：${parsed.errors.join('；')}` };
      await db.documentTemplates.put({ ...before, body: { ...before.body, template: parsed.template, updatedAt: now } });
      await appendAudit(db, { action: 'update', entity: 'documentTemplates', entityId: id, before: old, after: parsed.template }, this.ctx.now());
      return { ok: true as const, id };
    });
  }

  /** Removes a copy; documents made from it keep their own snapshot of it. */
  async remove(id: string): Promise<DocumentResult> {
    await requirePermission(this.ctx, 'templates.manage', { entity: 'documentTemplates', entityId: id });
    if (this.isBuiltin(id)) return { ok: false, field: 'template', message: '内置模板不能删除。' };
    const { db } = this.ctx;
    return db.transaction('rw', [db.documentTemplates, db.audit, db.settings], async () => {
      const before = await db.documentTemplates.get(id);
      if (!before) return { ok: false as const, field: 'template', message: '该模板副本已不存在：请刷新后重试。' };
      await db.documentTemplates.delete(id);
      await appendAudit(db, { action: 'delete', entity: 'documentTemplates', entityId: id, before: before.body.template, after: null }, this.ctx.now());
      return { ok: true as const, id };
    });
  }

  private async nameTaken(name: string, ownId: string | null): Promise<boolean> {
    if (BUILTIN_TEMPLATES.some((t) => t.name === name)) return true;
    const rows = await this.ctx.db.documentTemplates.toArray();
    return rows.some((r) => r.id !== ownId && r.body.template.name === name);
  }
}
