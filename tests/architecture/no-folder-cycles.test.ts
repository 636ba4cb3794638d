import { describe, expect, it } from 'vitest';
import { edgesWithin, folderCycles, folderGraph, libFolderImports, type FolderImport } from './lib-folder-edges';

const describeCycle = (cycle: string[], imports: FolderImport[]) =>
  `${cycle.join(' ↔ ')}:\n${edgesWithin(cycle, imports).map((i) => `  ${i.file} → ${i.specifier}`).join('\n')}`;

describe('lib folders', () => {
  const all = libFolderImports();
  const values = all.filter((i) => !i.typeOnly);

  it('import one another without a cycle (value imports; type-only ones vanish when compiled)', () => {
    const cycles = folderCycles(folderGraph(values));
    expect(cycles.map((c) => describeCycle(c, values))).toEqual([]);
  });

  it('are read by a scanner that sees the edges it must see', () => {
    const graph = folderGraph(values);
    expect(graph.get('scan')).toContain('probes');
    expect(graph.get('services')).toContain('db');
    expect(all.some((i) => i.typeOnly && i.from === 'probes' && i.to === 'validations')).toBe(true);
    expect(values.some((i) => i.from === 'probes' && i.to === 'validations')).toBe(false);
  });

  it('would have a cycle reported: the detector finds one in a graph that has it', () => {
    const edge = (from: string, to: string): FolderImport => ({ from, to, file: `lib/${from}/x.ts`, specifier: `../${to}/y`, typeOnly: false });
    const imports = [edge('auth', 'services'), edge('services', 'auth'), edge('services', 'db'), edge('scan', 'alerts'), edge('alerts', 'settings'), edge('settings', 'scan')];
    const cycles = folderCycles(folderGraph(imports)).map((c) => c.join(' '));
    expect(cycles.sort()).toEqual(['alerts scan settings', 'auth services']);
  });
});
