import { NonIdealState } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';

// What each unbuilt area will do, so staff know it is coming and nothing here is fake data.
const PLANS: Record<string, string> = {
  creditors: '集资参与人名单的导入（Excel/CSV）、逐行校验、合并同一人的多份合同、脱敏导出。',
  repayment: '追回资金登记、按比例分批清退（精确到分）、审批、银行代发名单与回盘、清退率。',
  petitions: '信访登记、受理与办结时限提醒、调处流程、调解记录、信访统计。',
  documents: '询问通知书、现场检查笔录、整改通知书、案件移送函等文书的生成、编号、登记与打印。',
  screening: '排查对象台账、排查轮次与进度、涉金融关键字样核查、承诺书、处置与风险动态管理台账。',
  clues: '线索登记与预警分级、核查处置、举报人保密与奖励、金融广告监测、风险提示。',
  exchange: '区县办向市办报送数据包（签名、可加密）、市办导入汇总、下发通知与交办。',
  dashboard: '新发案件、零发案区县、陈案压降、存量案件侦结、清退和信访等统计数字。',
};

export function NotBuiltPage({ area }: { area: string }) {
  const { t } = useTranslation();
  return (
    <NonIdealState
      icon="build"
      title={t('notBuilt.title', { area: t(`nav.${area}`) })}
      description={t('notBuilt.body', { plan: PLANS[area] ?? '' })}
    />
  );
}
