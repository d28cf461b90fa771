import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findProjectRoot } from '@rustok/kernel';
import { builtInModules } from '@rustok/server';
import { createTestPlatform, type TestPlatform, testBackends } from '@rustok/testing';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Every code the sources can raise an error with is in the error catalogue, the OpenAPI document
 * and the answer of GET /api/v1/errors, and every catalogued code is raised somewhere. The sources
 * are packages/* /src, modules/* /src and apps/* /src without tests and test fixtures.
 */
const root = findProjectRoot();
const CODE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;
const PASS_THROUGH = ['packages/kernel/src/error-catalogue.ts', 'packages/kernel/src/errors.ts'];

const sourceFiles = (): string[] => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (name === 'node_modules' || name === 'dist' || name.startsWith('test-fixtures')) continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) files.push(path);
    }
  };
  for (const top of ['packages', 'modules', 'apps']) {
    for (const pkg of readdirSync(join(root, top))) {
      const src = join(root, top, pkg, 'src');
      if (statSync(join(root, top, pkg)).isDirectory() && readdirSync(join(root, top, pkg)).includes('src')) walk(src);
    }
  }
  return files;
};

const literal = (node: ts.Node | undefined) =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

/** Raise sites: `new AppError('CODE', …)`, `<catalogue>Errors.CODE` (a call or a reference in a map), `code: 'CODE'` in objects. */
const raisedCodes = () => {
  const raised = new Map<string, string>();
  const dynamic: string[] = [];
  for (const file of sourceFiles()) {
    const where = relative(root, file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const add = (code: string, node: ts.Node) =>
      raised.set(code, `${where}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    const visit = (node: ts.Node) => {
      if (ts.isNewExpression(node) && node.expression.getText() === 'AppError') {
        const code = literal(node.arguments?.[0]);
        if (code) add(code, node);
        // The factories of defineErrors and the kernel's generic notFound(code, …) are the places that pass a code through.
        else if (!PASS_THROUGH.includes(where)) dynamic.push(`${where}: ${node.getText().slice(0, 60)}`);
      }
      if (ts.isPropertyAccessExpression(node) && /[a-z]Errors$/.test(node.expression.getText()) && CODE.test(node.name.text))
        add(node.name.text, node);
      if (ts.isPropertyAssignment(node) && node.name.getText() === 'code') {
        const code = literal(node.initializer);
        if (code && CODE.test(code)) add(code, node);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { raised, dynamic };
};

/** Catalogued on purpose without a raise site in the sources. */
const NOT_RAISED_ON_PURPOSE: readonly string[] = [];

describe('error catalogue', () => {
  let p: TestPlatform;
  let documented: string[];
  let served: { code: string; status: number; title: string }[];
  beforeAll(async () => {
    p = await createTestPlatform({ backend: testBackends()[0] as ReturnType<typeof testBackends>[number], modules: builtInModules });
    const doc = (await p.app.inject({ method: 'GET', url: '/swagger/json' })).json<{
      components: { schemas: { ErrorCode: { enum: string[] } } };
    }>();
    documented = doc.components.schemas.ErrorCode.enum;
    const res = await p.app.inject({ method: 'GET', url: '/api/v1/errors' });
    expect(res.statusCode, res.body).toBe(200);
    served = res.json<{ errors: { code: string; status: number; title: string }[] }>().errors;
  });
  afterAll(() => p?.close());

  it('raises codes only as literals or through the factories of a catalogue', () => {
    expect(raisedCodes().dynamic).toEqual([]);
  });

  it('has every raised code in the catalogue, the OpenAPI document and GET /api/v1/errors', () => {
    const { raised } = raisedCodes();
    expect(raised.size).toBeGreaterThan(100);
    const catalogued = new Set(p.registry.errors.map((e) => e.code));
    const missing = (have: Iterable<string>) => {
      const set = new Set(have);
      return [...raised].filter(([code]) => !set.has(code)).map(([code, at]) => `${code} (${at})`);
    };
    expect(missing(catalogued), 'raised but not catalogued').toEqual([]);
    expect(missing(documented), 'raised but not in the OpenAPI document').toEqual([]);
    expect(missing(served.map((e) => e.code)), 'raised but not served').toEqual([]);
  });

  it('raises every catalogued code somewhere (or lists it as deliberate)', () => {
    const { raised } = raisedCodes();
    const unused = p.registry.errors.map((e) => e.code).filter((code) => !raised.has(code) && !NOT_RAISED_ON_PURPOSE.includes(code));
    expect(unused).toEqual([]);
    expect(documented.sort()).toEqual(p.registry.errors.map((e) => e.code).sort());
    expect(served.map((e) => `${e.code} ${e.status} ${e.title}`)).toEqual(p.registry.errors.map((e) => `${e.code} ${e.status} ${e.title}`));
  });
});
