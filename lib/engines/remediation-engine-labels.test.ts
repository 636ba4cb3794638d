import { describe, expect, it } from 'vitest';
import { remediationEngineLabels } from '../checks/render-remediation';
import { engineRegistry } from './engine-registry';

describe('remediation engine labels', () => {
  it('name every engine as the engine registry does, so each engine keeps its own remediation lines', () => {
    expect(Object.keys(remediationEngineLabels).sort()).toEqual(engineRegistry.map((e) => e.id).sort());
    // the registry may add a word ("pgBackRest server"); the product name comes first
    for (const e of engineRegistry) expect(e.label.startsWith(remediationEngineLabels[e.id]!)).toBe(true);
  });
});
