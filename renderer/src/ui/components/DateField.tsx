import { InputGroup, type Intent } from '@blueprintjs/core';
import type { KeyboardEvent } from 'react';
import { readTypedDate } from '../../core/common/typed-date';

/**
 * A date typed as 2026-12-02 (or 2026年12月2日, 2026/12/2 …), shown back as 2026-12-02 whatever the
 * PC's locale. A native <input type="date"> follows the browser's locale (mm/dd/yyyy on an English
 * Windows), so dates are plain text here, read by core/common/typed-date on leaving the field or on
 * Enter (before the form submits), and anything unreadable is left as typed for the form's check.
 */
export function DateField(props: {
  readonly id?: string;
  readonly value: string;
  readonly onValueChange: (iso: string) => void;
  readonly intent?: Intent;
  readonly autoFocus?: boolean;
  readonly disabled?: boolean;
  readonly small?: boolean;
  readonly 'aria-label'?: string;
}) {
  const settle = () => {
    const iso = readTypedDate(props.value);
    if (iso && iso !== props.value) props.onValueChange(iso);
  };
  return (
    <InputGroup
      id={props.id}
      aria-label={props['aria-label']}
      className="date-field"
      value={props.value}
      // A sample date in grey reads as a date already set (a first-week clerk took the empty 专项行动开始日期
      // for filled in), so the placeholder names the form instead.
      placeholder="年-月-日"
      autoComplete="off"
      spellCheck={false}
      maxLength={20}
      intent={props.intent}
      autoFocus={props.autoFocus}
      disabled={props.disabled}
      small={props.small}
      onValueChange={props.onValueChange}
      onBlur={settle}
      onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
        if (e.key === 'Enter') settle();
      }}
    />
  );
}
