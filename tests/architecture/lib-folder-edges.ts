import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One import statement from a module of lib/<from> into lib/<to>. */
export type FolderImport = { from: string; to: string; file: string; specifier: string; typeOnly: boolean };

const ROOT = path.resolve(import.meta.dirname, '../..');
const LIB = path.join(ROOT, 'lib');
const SOURCE = /\.tsx?$/;

// A top-level module (lib/db.ts) is its own node, named like a folder ("db").
function folderOf(absolute: string): string | null {
  const rel = path.relative(LIB, absolute);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const [head, ...rest] = rel.split(path.sep);
  if (!head || head === 'generated') return head === 'generated' ? 'generated' : null;
  return rest.length === 0 ? head.replace(SOURCE, '') : head;
}

function listSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : listSources(full);
    return SOURCE.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function resolveSpecifier(file: string, specifier: string): string | null {
  if (specifier.startsWith('@/')) return path.join(ROOT, specifier.slice(2));
  if (specifier.startsWith('.')) return path.resolve(path.dirname(file), specifier);
  return null;
}

/** Whether an import or export declaration brings in only types (`import type`, or every named binding `type`). */
function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return true;
    const clause = node.exportClause;
    return !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
  }
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import runs the module
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function importsOf(file: string): { specifier: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: isTypeOnly(node) });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) found.push({ specifier: arg.text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every import between two different lib folders, from non-test sources. */
export function libFolderImports(): FolderImport[] {
  return listSources(LIB).flatMap((file) => {
    const from = folderOf(file);
    if (!from) return [];
    return importsOf(file).flatMap(({ specifier, typeOnly }) => {
      const target = resolveSpecifier(file, specifier);
      const to = target ? folderOf(target) : null;
      return to && to !== from ? [{ from, to, file: path.relative(ROOT, file), specifier, typeOnly }] : [];
    });
  });
}

/** Folder graph: from → set of to. */
export function folderGraph(imports: FolderImport[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of imports) {
    if (!graph.has(from)) graph.set(from, new Set());
    graph.get(from)!.add(to);
  }
  return graph;
}

/** Strongly connected components with more than one folder (Tarjan), each sorted, as the cycles of the graph. */
export function folderCycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const strongConnect = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        strongConnect(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) strongConnect(node);
  return cycles;
}

/** For a cycle, the imports that close it: every edge between two of its folders. */
export function edgesWithin(cycle: string[], imports: FolderImport[]): FolderImport[] {
  const members = new Set(cycle);
  return imports.filter((i) => members.has(i.from) && members.has(i.to));
}
