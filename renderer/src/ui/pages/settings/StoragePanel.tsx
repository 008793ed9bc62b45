import { Callout, HTMLTable } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CURRENT_SCHEMA_VERSION } from '../../../db/schema';
import type { AppInfo } from '../../../platform/bridge';
import { useApp } from '../../app/app-context';

export function StoragePanel() {
  const { t } = useTranslation();
  const { bridge, storagePersisted } = useApp();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void bridge.appInfo().then(setInfo);
  }, [bridge]);
  const persistText = storagePersisted === true ? t('settings.persisted') : storagePersisted === false ? t('settings.notPersisted') : t('settings.persistUnknown');
  return (
    <div>
      <Callout intent={storagePersisted === true ? 'success' : 'warning'} data-testid="storage-persisted">
        {persistText}
      </Callout>
      <h3>{t('settings.appInfo')}</h3>
      <HTMLTable compact>
        <tbody>
          <tr>
            <td>名称</td>
            <td>{info?.productName}</td>
          </tr>
          <tr>
            <td>版本</td>
            <td>{info?.version}</td>
          </tr>
          <tr>
            <td>运行方式</td>
            <td>{info?.platform === 'electron' ? '桌面程序' : '浏览器'}</td>
          </tr>
          <tr>
            <td>数据结构版本</td>
            <td>{CURRENT_SCHEMA_VERSION}</td>
          </tr>
          {info?.userDataPath && (
            <tr>
              <td>数据目录</td>
              <td className="mono">{info.userDataPath}</td>
            </tr>
          )}
        </tbody>
      </HTMLTable>
    </div>
  );
}
