import type { FieldErrors, Validated } from '../../core/common/field-errors';
import { type AppSettings, DEFAULT_SETTINGS } from '../../core/settings/app-settings';
import { type SettingsField, validateSettings } from '../../core/settings/validate-settings';
import { requirePermission } from '../access';
import { appendAudit } from '../audit-writer';
import type { RepositoryContext } from '../repository-context';

export class SettingsRepository {
  constructor(private readonly ctx: RepositoryContext) {}

  async get(): Promise<AppSettings> {
    const row = await this.ctx.db.settings.get('app');
    // Settings added in later versions fall back to their defaults for older rows.
    return row ? { ...DEFAULT_SETTINGS, ...(row.value as Partial<AppSettings>) } : DEFAULT_SETTINGS;
  }

  /** An area's own settings section, or its defaults when never saved. */
  async getSection<T extends object>(id: string, defaults: T): Promise<T> {
    const row = await this.ctx.db.settings.get(id);
    return row ? { ...defaults, ...(row.value as Partial<T>) } : defaults;
  }

  /** Saves an area's section (validated by the caller's core function) with an audit entry. */
  async saveSection<T extends object>(id: string, value: T): Promise<void> {
    if (id === 'app') throw new Error('use save() for the app settings');
    const { db } = this.ctx;
    await db.transaction('rw', [db.settings, db.audit], async () => {
      const before = (await db.settings.get(id))?.value ?? null;
      await db.settings.put({ id, value });
      await appendAudit(db, { action: 'settings', entity: 'settings', entityId: id, before, after: value }, this.ctx.now());
    });
  }

  async save(candidate: AppSettings): Promise<Validated<AppSettings, SettingsField>> {
    await requirePermission(this.ctx, 'settings.office', { entity: 'settings', entityId: 'app' });
    const checked = validateSettings(candidate);
    if (!checked.ok) return checked;
    const { db } = this.ctx;
    await db.transaction('rw', [db.settings, db.audit], async () => {
      const before = (await db.settings.get('app'))?.value ?? null;
      await db.settings.put({ id: 'app', value: checked.value });
      await appendAudit(
        db,
        { action: 'settings', entity: 'settings', entityId: 'app', before, after: checked.value },
        this.ctx.now(),
      );
    });
    return checked;
  }
}

export type { FieldErrors };
