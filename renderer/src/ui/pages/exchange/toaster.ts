import { OverlayToaster, Position } from '@blueprintjs/core';

export const exchangeToaster = OverlayToaster.create({ position: Position.TOP });
