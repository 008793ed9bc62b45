import { Button, HTMLSelect, HTMLTable, InputGroup } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { CaseField, PartyDraft } from '../../../core/cases/case-draft';
import { FIRM_ROLES, type PartyKind, PERSON_ROLES } from '../../../core/cases/case-file';
import type { FieldErrors } from '../../../core/common/field-errors';

export function PartiesEditor(props: {
  readonly parties: readonly PartyDraft[];
  readonly errors: FieldErrors<CaseField>;
  readonly onChange: (parties: PartyDraft[]) => void;
}) {
  const { t } = useTranslation();
  const { parties, errors, onChange } = props;
  const update = (i: number, patch: Partial<PartyDraft>) => onChange(parties.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const add = (kind: PartyKind) =>
    onChange([...parties, { kind, name: '', role: kind === 'firm' ? '涉案企业' : '法定代表人', idNumber: '', note: '' }]);

  return (
    <div className="parties-editor">
      {parties.length === 0 ? (
        <p className="muted">{t('cases.noParties')}</p>
      ) : (
        <HTMLTable compact className="full-width parties-table">
          <thead>
            <tr>
              <th className="col-kind">{t('cases.firm')}/{t('cases.person')}</th>
              <th className="col-name">{t('cases.partyName')}</th>
              <th className="col-role">{t('cases.partyRole')}</th>
              <th className="col-id">
                {t('cases.partyIdFirm')} / {t('cases.partyIdPerson')}
              </th>
              <th>{t('cases.partyNote')}</th>
              <th className="col-action" />
            </tr>
          </thead>
          <tbody>
            {parties.map((p, i) => {
              const nameError = errors[`parties.${i}.name`];
              const idError = errors[`parties.${i}.idNumber`];
              const roleError = errors[`parties.${i}.role`];
              const noteError = errors[`parties.${i}.note`];
              const roles: readonly string[] = p.kind === 'firm' ? FIRM_ROLES : PERSON_ROLES;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved; order is the identity.
                <tr key={i} data-testid={`party-row-${i}`}>
                  <td>{p.kind === 'firm' ? t('cases.firm') : t('cases.person')}</td>
                  <td>
                    <InputGroup
                      aria-label={`${t('cases.partyName')} ${i + 1}`}
                      value={p.name}
                      intent={nameError ? 'danger' : 'none'}
                      onValueChange={(name) => update(i, { name })}
                    />
                    {nameError && <div className="inline-error">{nameError}</div>}
                  </td>
                  <td>
                    <HTMLSelect
                      aria-label={`${t('cases.partyRole')} ${i + 1}`}
                      value={p.role}
                      onChange={(e) => update(i, { role: e.currentTarget.value as PartyDraft['role'] })}
                    >
                      {roles.map((r) => (
                        <option key={r} value={r}>{r}</option>
                      ))}
                    </HTMLSelect>
                    {roleError && <div className="inline-error">{roleError}</div>}
                  </td>
                  <td>
                    <InputGroup
                      aria-label={`${p.kind === 'firm' ? t('cases.partyIdFirm') : t('cases.partyIdPerson')} ${i + 1}`}
                      placeholder={p.kind === 'firm' ? t('cases.partyIdFirm') : t('cases.partyIdPerson')}
                      value={p.idNumber}
                      intent={idError ? 'danger' : 'none'}
                      onValueChange={(idNumber) => update(i, { idNumber })}
                      className="mono"
                    />
                    {idError && <div className="inline-error">{idError}</div>}
                  </td>
                  <td>
                    <InputGroup
                      aria-label={`${t('cases.partyNote')} ${i + 1}`}
                      value={p.note}
                      intent={noteError ? 'danger' : 'none'}
                      onValueChange={(note) => update(i, { note })}
                    />
                    {noteError && <div className="inline-error">{noteError}</div>}
                  </td>
                  <td>
                    <Button
                      minimal
                      icon="trash"
                      aria-label={`${t('common.remove')} ${i + 1}`}
                      onClick={() => onChange(parties.filter((_, j) => j !== i))}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </HTMLTable>
      )}
      <div className="button-row">
        <Button icon="office" text={t('cases.addFirm')} onClick={() => add('firm')} />
        <Button icon="person" text={t('cases.addPerson')} onClick={() => add('person')} />
      </div>
    </div>
  );
}
