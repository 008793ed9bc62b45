import { describe, expect, it } from 'vitest';
import { run } from '../../../../scripts/cli/commands/petition-deadlines';
import { captureCliOutput } from '../../cli-output';

const cli = captureCliOutput();


describe('npm run cli -- petition-deadlines', () => {
  it('prints only acceptBy before acceptance', async () => {
    expect(await run(['--received', '2026-03-02', '--json'])).toBe(0);
    expect(JSON.parse(cli.out)).toEqual({ acceptBy: '2026-03-17' });
  });

  it('prints resolveBy once accepted, moved past National Day', async () => {
    expect(await run(['--received', '2026-08-01', '--accepted', '2026-08-06', '--json'])).toBe(0);
    expect(JSON.parse(cli.out)).toEqual({ acceptBy: '2026-08-17', resolveBy: '2026-10-08' });
  });

  it('adds the extension and counts working days on request', async () => {
    expect(await run(['--received=2026-09-15', '--accepted=2026-09-18', '--extension-days', '30', '--json'])).toBe(0);
    // 09-18 + 60 = 11-17 (Tue); + 30 = 12-17 (Thu), the deadline in force. 09-15 + 15 = 09-30.
    expect(JSON.parse(cli.out)).toEqual({ acceptBy: '2026-09-30', resolveBy: '2026-12-17' });
    cli.reset();
    expect(await run(['--received', '2026-02-06', '--working-days', '--json'])).toBe(0);
    expect(JSON.parse(cli.out)).toEqual({ acceptBy: '2026-03-05' });
  });

  it('warns on stderr when the holiday table does not cover the year, JSON unchanged', async () => {
    expect(await run(['--received', '2026-12-20', '--json'])).toBe(0);
    expect(JSON.parse(cli.out)).toEqual({ acceptBy: '2027-01-04' });
    expect(cli.err).toContain('节假日表未包含 2027 年');
  });

  it.each([
    [['--received', '2026-02-29', '--json'], '收到日期 --received「2026-02-29」不存在'],
    [['--received', '2026/03/02', '--json'], '格式不对'],
    [['--json'], '请用 --received 给出收到日期'],
    [['--received', '2026-03-02', '--accepted', '2026-03-01'], '受理日期 2026-03-01 早于收到日期 2026-03-02'],
    [['--received', '2026-03-02', '--extension-days', '5'], '请同时给出 --accepted'],
    [['--received', '2026-03-02', '--accepted', '2026-03-03', '--extension-days', '31'], '应为 1–30 的整数'],
    [['--received', '2026-03-02', '--accepted'], '参数 --accepted 缺少取值'],
    [['--received', '2026-03-02', '--days', '3'], '不认识的参数「--days」'],
  ])('refuses %j with a Chinese message and exit 2', async (args, message) => {
    expect(await run(args)).toBe(2);
    expect(cli.out).toBe('');
    expect(cli.err).toContain(message);
  });
});
