import { HTMLSelect } from '@blueprintjs/core';
import i18next from 'i18next';
import { useState } from 'react';
import { saveUiLanguage, type UiLanguage } from '../../../i18n/ui-language';

/** Chinese for the office; English for reviewers and maintainers. A display preference, not case data. */
export function LanguageSelect() {
  const [language, setLanguage] = useState<UiLanguage>(i18next.language === 'en' ? 'en' : 'zh-CN');
  return (
    <HTMLSelect
      aria-label="界面语言 / Language"
      value={language}
      onChange={(e) => {
        const next = e.currentTarget.value === 'en' ? 'en' : 'zh-CN';
        setLanguage(next);
        saveUiLanguage(next);
        void i18next.changeLanguage(next);
      }}
    >
      <option value="zh-CN">界面语言：中文</option>
      <option value="en">Language: English</option>
    </HTMLSelect>
  );
}
