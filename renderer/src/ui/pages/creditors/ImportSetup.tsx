import { Callout, FormGroup, HTMLSelect, HTMLTable, InputGroup } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import { type AmountUnits, type CellValue, type ColumnMapping, FIELD_LABELS, type FieldKey, REQUIRED_FIELDS } from '../../../core/creditors';
import { columnLetter } from '../../../core/creditors/column-letter';
import type { SheetPreview } from '../../../workers/creditor-import-protocol';

const MAPPED_FIELDS: readonly FieldKey[] = ['name', 'idType', 'idNumber', 'phone', 'principal', 'returned', 'bankName', 'bankAccount', 'address', 'note'];
const PREVIEW_COLUMNS = 14;

function show(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** Sheet, header row, column mapping and units, with the first rows of the sheet to check them against. */
export function ImportSetup(props: {
  readonly sheetNames: readonly string[];
  readonly sheet: string;
  readonly headerRow: number | undefined;
  readonly preview: SheetPreview | null;
  readonly onSheet: (sheet: string) => void;
  readonly onHeaderRow: (row: number | undefined) => void;
  readonly onMapping: (mapping: ColumnMapping) => void;
  readonly onUnits: (units: AmountUnits) => void;
}) {
  const { t } = useTranslation('creditors');
  const p = props.preview;
  const width = Math.min(PREVIEW_COLUMNS, Math.max(p?.headers.length ?? 0, ...(p?.rows.map((r) => r.cells.length) ?? [0])));
  const setField = (field: FieldKey, value: string) => {
    if (!p) return;
    const next: ColumnMapping = { ...p.mapping };
    if (value === '') next[field] = undefined;
    else next[field] = Number(value);
    props.onMapping(next);
  };
  return (
    <div className="import-setup">
      <div className="import-setup-bar">
        <FormGroup label={t('wizard.sheet')} labelFor="import-sheet" inline>
          <HTMLSelect id="import-sheet" value={props.sheet} onChange={(e) => props.onSheet(e.currentTarget.value)}>
            {props.sheetNames.map((n) => (
              <option key={n} value={n}>{n}</option>
            ))}
          </HTMLSelect>
        </FormGroup>
        <FormGroup label={t('wizard.headerRow')} labelFor="import-header-row" inline>
          <InputGroup
            id="import-header-row"
            className="import-header-row"
            placeholder={t('wizard.headerRowAuto')}
            value={props.headerRow === undefined ? '' : String(props.headerRow)}
            onValueChange={(v) => {
              const n = Number.parseInt(v, 10);
              props.onHeaderRow(Number.isInteger(n) && n > 0 ? n : undefined);
            }}
          />
        </FormGroup>
        {p?.headerRow != null && <span className="muted" data-testid="detected-header">{t('wizard.detected', { row: p.headerRow })}</span>}
        {p && (
          <>
            <FormGroup label={t('wizard.unitPrincipal')} labelFor="import-unit-principal" inline>
              <HTMLSelect id="import-unit-principal" value={p.units.principal} onChange={(e) => props.onUnits({ ...p.units, principal: e.currentTarget.value as 'yuan' | 'wan' })}>
                <option value="yuan">{t('wizard.yuan')}</option>
                <option value="wan">{t('wizard.wan')}</option>
              </HTMLSelect>
            </FormGroup>
            <FormGroup label={t('wizard.unitReturned')} labelFor="import-unit-returned" inline>
              <HTMLSelect id="import-unit-returned" value={p.units.returned} onChange={(e) => props.onUnits({ ...p.units, returned: e.currentTarget.value as 'yuan' | 'wan' })}>
                <option value="yuan">{t('wizard.yuan')}</option>
                <option value="wan">{t('wizard.wan')}</option>
              </HTMLSelect>
            </FormGroup>
          </>
        )}
      </div>
      {p?.fatal && (
        <Callout intent="danger" data-testid="import-fatal" compact>
          {p.fatal.message}
        </Callout>
      )}
      {p && p.headerRow !== null && (
        <fieldset className="import-mapping" data-testid="import-mapping">
          <legend>{t('wizard.mapping')}</legend>
          {MAPPED_FIELDS.map((field) => (
            <FormGroup key={field} label={`${FIELD_LABELS[field]}${REQUIRED_FIELDS.includes(field) ? `（${t('wizard.required')}）` : ''}`} labelFor={`map-${field}`}>
              <HTMLSelect id={`map-${field}`} value={p.mapping[field] === undefined ? '' : String(p.mapping[field])} onChange={(e) => setField(field, e.currentTarget.value)}>
                <option value="">{t('wizard.notMapped')}</option>
                {p.headers.map((h, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are identified by position
                  <option key={i} value={String(i)}>{`${columnLetter(i)} ${h}`}</option>
                ))}
              </HTMLSelect>
            </FormGroup>
          ))}
        </fieldset>
      )}
      {p && (
        <div className="import-preview">
          <div className="muted">{t('wizard.preview', { count: p.rows.length })}</div>
          <HTMLTable compact bordered className="full-width" data-testid="import-preview">
            <thead>
              <tr>
                <th />
                {Array.from({ length: width }, (_, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are identified by position
                  <th key={i}>{columnLetter(i)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr key={r.row} className={r.row === p.headerRow ? 'import-header-line' : undefined}>
                  <td className="muted num">{r.row}</td>
                  {Array.from({ length: width }, (_, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are identified by position
                    <td key={i}>{show(r.cells[i])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </HTMLTable>
        </div>
      )}
    </div>
  );
}
