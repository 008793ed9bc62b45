import { NonIdealState } from '@blueprintjs/core';

// Not built yet: the tab says so plainly instead of showing anything that looks like data.
export function ExchangeSettingsPanel() {
  return <NonIdealState icon="build" title="尚未建成" description="这一部分还在开发中。" />;
}
