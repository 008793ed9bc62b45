import { Button, HTMLSelect, HTMLTable, InputGroup, TextArea } from '@blueprintjs/core';
import type { FieldDefinition } from '../../../core/documents';
import { DateField } from '../../components/DateField';
import { FieldRow } from '../../components/FieldRow';
import { type FormValue, personDetails } from './form-values';

type Row = Readonly<Record<string, string>>;

/** A person's ID type as the documents label it (身份证号码, 护照号码, …). */
const ID_TYPES: readonly (readonly [string, string])[] = [
  ['', '证件类型（按号码判断）'],
  ['resident', '居民身份证'],
  ['passport', '护照'],
  ['hk_macau', '港澳居民来往内地通行证'],
  ['taiwan', '台湾居民来往大陆通行证'],
  ['org', '统一社会信用代码'],
];

/** One typed field of a template: text, multiline, date, money (元), person, list (one a line), rows. */
export function FieldInput(props: {
  readonly def: FieldDefinition;
  readonly value: FormValue;
  readonly error: string | undefined;
  readonly onChange: (v: FormValue) => void;
}) {
  const { def, value, error, onChange } = props;
  const id = `doc-field-${def.key}`;
  const hint = def.type === 'money' ? '以“元”填写，如 12,345.60' : def.type === 'list' ? `${def.hint ?? ''}每行一条`.trim() : def.hint;
  const label = def.key === 'documentNumber' ? `${def.label}（签发时自动编号）` : def.label;
  if (def.type === 'person') {
    const p = (value as Row) ?? { name: '' };
    return (
      <FieldRow label={label} labelFor={id} error={error} required={def.required ?? false}>
        <div className="documents-person">
          <InputGroup id={id} placeholder="姓名/名称" value={p.name ?? ''} onChange={(e) => onChange({ ...p, name: e.target.value })} />
          {personDetails(def).map((d) =>
            d.key === 'idType' ? (
              <HTMLSelect key={d.key} aria-label={`${def.label}${d.label}`} value={p[d.key] ?? ''} onChange={(e) => onChange({ ...p, [d.key]: e.target.value })}>
                {ID_TYPES.map(([v, l]) => (
                  <option key={v} value={v}>
                    {l}
                  </option>
                ))}
              </HTMLSelect>
            ) : (
              <InputGroup key={d.key} aria-label={`${def.label}${d.label}`} placeholder={d.label} value={p[d.key] ?? ''} onChange={(e) => onChange({ ...p, [d.key]: e.target.value })} />
            ),
          )}
        </div>
      </FieldRow>
    );
  }
  if (def.options) {
    return (
      <FieldRow label={label} labelFor={id} error={error} hint={def.hint} required={def.required ?? false}>
        <HTMLSelect id={id} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)}>
          {!def.required && <option value="">（不填）</option>}
          {def.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </HTMLSelect>
      </FieldRow>
    );
  }
  if (def.type === 'rows') {
    const rows = (value as readonly Row[]) ?? [];
    const set = (i: number, key: string, v: string) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: v } : r)));
    return (
      <FieldRow label={label} error={error} hint={def.hint} required={def.required ?? false}>
        <HTMLTable compact className="documents-rows">
          <thead>
            <tr>
              <th>#</th>
              {(def.columns ?? []).map((c) => (
                <th key={c.key}>{c.label}</th>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
              <tr key={i}>
                <td>{i + 1}</td>
                {(def.columns ?? []).map((c) => (
                  <td key={c.key}>
                    <InputGroup small aria-label={`${def.label}第${i + 1}行${c.label}`} value={r[c.key] ?? ''} onChange={(e) => set(i, c.key, e.target.value)} />
                  </td>
                ))}
                <td>
                  <Button small minimal icon="cross" aria-label={`删除第${i + 1}行`} onClick={() => onChange(rows.filter((_, j) => j !== i))} />
                </td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
        <Button small icon="add" text={`添加${def.label}`} onClick={() => onChange([...rows, {}])} />
      </FieldRow>
    );
  }
  const text = typeof value === 'string' ? value : '';
  return (
    <FieldRow label={label} labelFor={id} error={error} hint={hint} required={def.required ?? false}>
      {def.type === 'multiline' || def.type === 'list' ? (
        <TextArea id={id} fill rows={def.type === 'list' ? 4 : 5} value={text} onChange={(e) => onChange(e.target.value)} />
      ) : def.type === 'date' ? (
        <DateField id={id} value={text} onValueChange={onChange} />
      ) : (
        <InputGroup
          id={id}
          value={text}
          disabled={def.key === 'documentNumber'}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldRow>
  );
}
