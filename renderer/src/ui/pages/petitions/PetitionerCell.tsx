import { Button } from '@blueprintjs/core';
import { useState } from 'react';
import { maskIdNumber, maskPhone } from '../../../core/identity';
import type { Petitioner } from '../../../core/petitions/types';
import { useApp } from '../../app/app-context';

/** A petitioner with phone and ID number masked; showing one in full is audited. */
export function PetitionerCell(props: { readonly petitionId: string; readonly petitioner: Petitioner; readonly onRevealed: () => void }) {
  const { repos } = useApp();
  const p = props.petitioner;
  const [shown, setShown] = useState<ReadonlySet<'idNumber' | 'phone'>>(new Set());
  if (p.kind === 'creditor') return <span>{p.name}</span>;
  const part = (field: 'idNumber' | 'phone', value: string | undefined, mask: (v: string) => string, label: string) => {
    if (!value) return null;
    if (shown.has(field)) return <span className="mono"> {value}</span>;
    return (
      <span className="mono">
        {' '}
        {mask(value)}
        <Button
          small
          minimal
          icon="eye-open"
          aria-label={`显示 ${p.name} 的完整${label}`}
          onClick={async () => {
            await repos.petitions.recordReveal(props.petitionId, p.name, field);
            setShown(new Set([...shown, field]));
            props.onRevealed();
          }}
        />
      </span>
    );
  };
  return (
    <span>
      {p.name}
      {part('phone', p.phone, maskPhone, '电话')}
      {part('idNumber', p.idNumber, maskIdNumber, '证件号码')}
    </span>
  );
}
