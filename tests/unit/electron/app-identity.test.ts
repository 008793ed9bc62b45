import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ID, APP_ORIGIN, PRODUCT_NAME } from '../../../electron/main/app-identity';

// The identity must never change (it keys the office's data); these tests make a change loud.
describe('app identity', () => {
  it('is the one the first release shipped with', () => {
    expect(APP_ORIGIN).toBe('app://workstation');
    expect(APP_ENTRY_URL).toBe('app://workstation/index.html');
    expect(APP_ID).toBe('cn.chufei.workstation');
    expect(PRODUCT_NAME).toBe('处非工作台');
  });

  it('agrees with electron-builder.yml and package.json', () => {
    const builder = readFileSync('electron-builder.yml', 'utf8');
    expect(builder).toMatch(new RegExp(`^appId: ${APP_ID.replaceAll('.', '\\.')}$`, 'm'));
    expect(builder).toMatch(new RegExp(`^productName: ${PRODUCT_NAME}$`, 'm'));
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { productName?: string };
    expect(pkg.productName).toBe(PRODUCT_NAME);
  });
});
