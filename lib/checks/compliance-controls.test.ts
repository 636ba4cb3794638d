import { describe, expect, it } from 'vitest';
import { checkCatalog } from './check-catalog';
import { compareControls, controlNames, frameworks, unautomatedControls } from './compliance-controls';
import { howObserved } from './how-observed';
import { securityChecklist } from './security-checklist';

const ids = new Set(checkCatalog.map((c) => c.id));

describe('compliance and docs data stay in step with the catalog', () => {
  it('every compliance ref in the catalog has a human name', () => {
    const missing = checkCatalog.flatMap((c) => c.compliance.filter((r) => !controlNames[r.framework][r.control]).map((r) => `${c.id}: ${r.framework} ${r.control}`));
    expect(missing).toEqual([]);
  });

  it('every framework is in the report order', () => {
    const used = new Set(checkCatalog.flatMap((c) => c.compliance.map((r) => r.framework)));
    expect([...used].filter((f) => !frameworks.includes(f))).toEqual([]);
  });

  it('unautomated controls are named and really have no check', () => {
    for (const u of unautomatedControls) {
      expect(controlNames[u.framework][u.control]).toBeTruthy();
      expect(checkCatalog.some((c) => c.compliance.some((r) => r.framework === u.framework && r.control === u.control))).toBe(false);
    }
  });

  it('every check says how it is observed, and no note names an unknown check', () => {
    expect(checkCatalog.filter((c) => !howObserved[c.id]).map((c) => c.id)).toEqual([]);
    expect(Object.keys(howObserved).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('checklist items refer to catalog checks only, and keep the seed’s ten items', () => {
    expect(securityChecklist).toHaveLength(10);
    expect(securityChecklist.flatMap((i) => i.checks).filter((id) => !ids.has(id))).toEqual([]);
    expect(securityChecklist.find((i) => i.item.startsWith('Redis'))?.checks).toEqual(['redis.tls.enabled', 'redis.plaintext.closed']);
  });

  it('controls sort with numbers as numbers', () => {
    expect(['Art. 32(1)(a)', 'Art. 5(1)(f)', 'Art. 33'].sort(compareControls)).toEqual(['Art. 5(1)(f)', 'Art. 32(1)(a)', 'Art. 33']);
    expect(['8.3.9', '10.2.1', '8.3.10', '4.2.1'].sort(compareControls)).toEqual(['4.2.1', '8.3.9', '8.3.10', '10.2.1']);
  });
});
