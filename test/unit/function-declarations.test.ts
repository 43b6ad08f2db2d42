// Each cloud function declares itself once (functions/<name>/function.ts); the files WeChat and
// the CloudBase CLI read are generated from those declarations and must not drift from them.
import { readFileSync } from 'node:fs';
import { declarationProblems, type FunctionDeclaration } from '../../functions/lib/declaration';
import { declarationOutputs, functionDeclarations } from '../../scripts/build-functions';

const valid: FunctionDeclaration = { description: '测试', runtime: 'Nodejs16.13', timeoutSeconds: 10, memoryMb: 256, triggers: [], openapi: [] };

describe('function declarations', () => {
  it('exist for every function, are valid, and the committed config.json and cloudbaserc.json match them', () => {
    const decls = functionDeclarations();
    expect(decls.map((d) => d.name).sort()).toEqual(['campaign', 'checkin', 'console', 'event', 'exam', 'feed', 'org', 'points', 'quiz']);
    for (const [file, content] of declarationOutputs()) expect([file, readFileSync(file, 'utf8')]).toEqual([file, content]);
  });

  it('declare every OpenAPI the code calls: codes for invitations and events, messages, content checks', () => {
    const byName = new Map(functionDeclarations().map((d) => [d.name, d.declaration]));
    expect(byName.get('org')?.openapi).toContain('wxacode.getUnlimited');
    expect(byName.get('event')?.openapi).toEqual(expect.arrayContaining(['wxacode.getUnlimited', 'subscribeMessage.send']));
    expect(byName.get('feed')?.openapi).toContain('security.msgSecCheck');
    for (const name of ['exam', 'checkin']) expect(byName.get(name)?.openapi).toContain('subscribeMessage.send');
  });

  it('refuse a bad runtime, timeout, trigger or OpenAPI name', () => {
    expect(declarationProblems('f', valid)).toEqual([]);
    expect(declarationProblems('f', { ...valid, runtime: 'Nodejs12.16' as never })).toEqual(['f: unknown runtime Nodejs12.16']);
    expect(declarationProblems('f', { ...valid, timeoutSeconds: 61 })).toEqual(['f: timeoutSeconds must be 1–60']);
    expect(declarationProblems('f', { ...valid, triggers: [{ name: 't', cron: '*/5 * * * *' }] })).toEqual(['f: trigger t needs a seven-field cron, got "*/5 * * * *"']);
    expect(declarationProblems('f', { ...valid, triggers: [{ name: 'a', cron: '0 * * * * * *' }, { name: 'b', cron: '0 * * * * * *' }] })).toEqual([
      'f: WeChat allows one timer trigger per function',
    ]);
    expect(declarationProblems('f', { ...valid, openapi: ['send message'] })).toEqual(['f: bad openapi name send message']);
  });
});
