import { describe, expect, it } from 'vitest';
import { compileScript } from './compile.js';

describe('compileScript', () => {
  it('strips TypeScript types and keeps JavaScript as written, hashing the code that runs', async () => {
    const ts = await compileScript('ts', 'const n: number = 2;\ninterface X { a: string }\nreturn n * 2;');
    expect(ts).toMatchObject({ ok: true, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(ts.ok && ts.code).not.toContain('number');
    expect(await compileScript('js', 'return await ctx.kv.get("x")')).toMatchObject({ ok: true, code: 'return await ctx.kv.get("x")' });
  });

  it('names the line and column of a syntax error in the author’s own numbering', async () => {
    expect(await compileScript('js', 'const a = 1;\nreturn a +;')).toMatchObject({ ok: false, line: 2, column: 11 });
    expect(await compileScript('ts', 'let b: = 2')).toMatchObject({ ok: false, line: 1, column: 8 });
  });
});
