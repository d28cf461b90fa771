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

  it('blanks TypeScript types out, so every line and column of the code that runs is the author’s', async () => {
    const source =
      'interface Order {\n  total: number;\n}\ntype Id = string;\nconst o: Order = { total: 2 };\n  throw new Error("at line 6");';
    const compiled = await compileScript('ts', source);
    if (!compiled.ok) throw new Error(compiled.message);
    const lines = compiled.code.split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[4]).toMatch(/^const o\s+= \{ total: 2 \};$/);
    expect(lines[5]).toBe('  throw new Error("at line 6");');
    expect(compiled.code).not.toMatch(/interface|Order|number|string/);
  });

  it('refuses TypeScript that needs code generated for it, naming where', async () => {
    const compiled = await compileScript('ts', 'const a = 1;\n  enum Color { Red }\nreturn a;');
    expect(compiled).toMatchObject({ ok: false, line: 2, column: 3, message: expect.stringContaining('enum') });
  });
});
