import { Button, HTMLTable, InputGroup } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { HolidayRange, MakeUpWorkday } from '../../../core/calendar/holiday-table';
import { DateField } from '../../components/DateField';

/** Rows of holidays (放假) and make-up working days (调休上班); a row with a problem is marked. */
export function HolidayTableEditor(props: {
  readonly holidays: readonly HolidayRange[];
  readonly makeUpWorkdays: readonly MakeUpWorkday[];
  readonly badPaths: ReadonlySet<string>;
  readonly onChange: (holidays: readonly HolidayRange[], makeUpWorkdays: readonly MakeUpWorkday[]) => void;
}) {
  const { t } = useTranslation('petitions');
  const { holidays, makeUpWorkdays, badPaths, onChange } = props;
  const bad = (path: string) => (badPaths.has(path) ? 'danger' : 'none');
  const setHoliday = (i: number, patch: Partial<HolidayRange>) => onChange(holidays.map((h, j) => (j === i ? { ...h, ...patch } : h)), makeUpWorkdays);
  const setMakeUp = (i: number, patch: Partial<MakeUpWorkday>) => onChange(holidays, makeUpWorkdays.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  return (
    <div className="petition-holiday-editor">
      <div>
        <h4>{t('settings.holidayRows')}</h4>
        <HTMLTable compact className="full-width" data-testid="holiday-rows">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('settings.name')}</th>
              <th>{t('settings.from')}</th>
              <th>{t('settings.to')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {holidays.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the row number is what messages name
              <tr key={i}>
                <td className="num">{i + 1}</td>
                <td>
                  <InputGroup small aria-label={`节假日 ${i + 1} 名称`} value={h.name} intent={bad(`holidays.holidays[${i}].name`)} onValueChange={(name) => setHoliday(i, { name })} />
                </td>
                <td>
                  <DateField small aria-label={`节假日 ${i + 1} 开始`} value={h.from} intent={bad(`holidays.holidays[${i}].from`)} onValueChange={(from) => setHoliday(i, { from })} />
                </td>
                <td>
                  <DateField small aria-label={`节假日 ${i + 1} 结束`} value={h.to} intent={bad(`holidays.holidays[${i}].to`)} onValueChange={(to) => setHoliday(i, { to })} />
                </td>
                <td>
                  <Button small minimal icon="trash" aria-label={`删除节假日 ${i + 1}`} onClick={() => onChange(holidays.filter((_, j) => j !== i), makeUpWorkdays)} />
                </td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
        <Button small icon="add" text={t('settings.addHoliday')} onClick={() => onChange([...holidays, { name: '', from: '', to: '' }], makeUpWorkdays)} />
      </div>
      <div>
        <h4>{t('settings.makeUpRows')}</h4>
        <HTMLTable compact className="full-width" data-testid="makeup-rows">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('settings.date')}</th>
              <th>{t('settings.name')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {makeUpWorkdays.map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the row number is what messages name
              <tr key={i}>
                <td className="num">{i + 1}</td>
                <td>
                  <DateField small aria-label={`调休上班日 ${i + 1} 日期`} value={w.date} intent={bad(`holidays.makeUpWorkdays[${i}].date`)} onValueChange={(date) => setMakeUp(i, { date })} />
                </td>
                <td>
                  <InputGroup small aria-label={`调休上班日 ${i + 1} 名称`} value={w.name} onValueChange={(name) => setMakeUp(i, { name })} />
                </td>
                <td>
                  <Button small minimal icon="trash" aria-label={`删除调休上班日 ${i + 1}`} onClick={() => onChange(holidays, makeUpWorkdays.filter((_, j) => j !== i))} />
                </td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
        <Button small icon="add" text={t('settings.addMakeUp')} onClick={() => onChange(holidays, [...makeUpWorkdays, { date: '', name: '调休上班' }])} />
      </div>
    </div>
  );
}
