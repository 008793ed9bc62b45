import { Button, Callout, Checkbox } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_POLICY, type FourEyesPolicy, RELAXATION_LABELS, type Relaxation, relaxationInForce } from '../../../core/users/four-eyes';
import { useApp } from '../../app/app-context';
import './users-messages';
import { notify } from '../../toaster';

const RELAXATIONS: readonly Relaxation[] = ['selfApproval', 'selfReverification', 'approverRecordsPayments'];

/** The four-eyes rules and what the office chose to relax (a 管理员 changes them; audited). */
export function PolicySection() {
  const { t } = useTranslation('users');
  const { repos, can } = useApp();
  const [policy, setPolicy] = useState<FourEyesPolicy>(DEFAULT_POLICY);
  const [saved, setSaved] = useState<FourEyesPolicy>(DEFAULT_POLICY);
  const [error, setError] = useState<string | null>(null);
  const admin = can('users.manage');
  useEffect(() => {
    void repos.users.policy().then((p) => {
      setPolicy(p);
      setSaved(p);
    });
  }, [repos]);
  const save = async () => {
    const r = await repos.users.savePolicy(policy);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    setError(null);
    setSaved(policy);
    await notify(t('panel.policySaved'), 'success');
  };
  const inForce = RELAXATIONS.filter((r) => relaxationInForce(saved, r)).map((r) => RELAXATION_LABELS[r]);
  const box = (key: keyof FourEyesPolicy, indent: boolean) => (
    <Checkbox
      label={t(`panel.${key}`)}
      checked={policy[key]}
      disabled={!admin || (indent && !policy.smallOffice)}
      className={indent ? 'policy-indent' : undefined}
      onChange={(e) => {
        const on = e.currentTarget.checked;
        setPolicy((p) => ({ ...p, [key]: on }));
      }}
    />
  );
  return (
    <section className="users-section" data-testid="policy-section">
      <h3>{t('panel.policy')}</h3>
      <p className="muted">{t('panel.policyText')}</p>
      <Callout compact intent={inForce.length > 0 ? 'warning' : 'success'} data-testid="policy-in-force">
        {inForce.length > 0 ? t('panel.policyInForce', { list: inForce.join('；') }) : t('panel.policyNone')}
      </Callout>
      {box('smallOffice', false)}
      {box('selfApproval', true)}
      {box('selfReverification', true)}
      {box('approverRecordsPayments', false)}
      {error && (
        <Callout intent="danger" compact>
          {error}
        </Callout>
      )}
      {admin && <Button text={t('panel.save')} onClick={() => void save()} />}
    </section>
  );
}
