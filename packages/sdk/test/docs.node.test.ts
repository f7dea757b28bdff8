/**
 * Every public method and accessor of the SDK's classes, and every exported function of its
 * entry point, carries JSDoc with an `@example` (the typedoc reference shows them). Checked on
 * the TypeScript sources with the compiler API.
 */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../src/index.node.ts', import.meta.url));

function publicApi(): { missingExample: string[]; checked: number } {
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    customConditions: ['phas-source'],
    allowImportingTsExtensions: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  const missingExample: string[] = [];
  let checked = 0;
  const hasExample = (symbol: ts.Symbol) =>
    symbol.getJsDocTags(checker).some((t) => t.name === 'example') ||
    (symbol.declarations ?? []).some((d) => ts.getJSDocTags(d).some((t) => t.tagName.text === 'example'));

  for (let exported of checker.getExportsOfModule(module)) {
    if (exported.flags & ts.SymbolFlags.Alias) exported = checker.getAliasedSymbol(exported);
    const decl = exported.declarations?.[0];
    if (!decl || decl.getSourceFile().fileName.includes('node_modules')) continue;
    if (ts.isFunctionDeclaration(decl)) {
      checked++;
      if (!hasExample(exported)) missingExample.push(exported.name);
    }
    if (!ts.isClassDeclaration(decl)) continue;
    if (exported.name.endsWith('Error')) continue; // error classes are documented as a family
    const classType = checker.getTypeOfSymbolAtLocation(exported, decl);
    const instanceType = checker.getDeclaredTypeOfSymbol(exported);
    for (const [kind, type] of [['static', classType], ['instance', instanceType]] as const) {
      for (const member of type.getProperties()) {
        const md = member.declarations?.[0];
        if (!md || md.getSourceFile().fileName.includes('node_modules')) continue;
        if (!(ts.isMethodDeclaration(md) || ts.isGetAccessorDeclaration(md))) continue;
        const flags = ts.getCombinedModifierFlags(md);
        if (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
        if (member.name.startsWith('_') || member.name.startsWith('#') || ts.getJSDocTags(md).some((t) => t.tagName.text === 'internal')) continue;
        if (kind === 'static' && member.name === 'prototype') continue;
        checked++;
        if (!hasExample(member)) missingExample.push(`${exported.name}${kind === 'static' ? '.' : '#'}${member.name}`);
      }
    }
  }
  return { missingExample, checked };
}

describe('API documentation', () => {
  it('every public method and exported function has an @example', () => {
    const { missingExample, checked } = publicApi();
    expect(checked).toBeGreaterThan(60);
    expect(missingExample).toEqual([]);
  });
});
