import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageRoles, requiredPageRole } from '../../lib/access/page-roles';

const root = path.resolve(import.meta.dirname, '../..');
const pages = (dir: string): string[] =>
  fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    return e.isDirectory() ? pages(rel) : e.name === 'page.tsx' ? [rel] : [];
  });

describe('the 403 page names the role each page asks for', () => {
  it('pageRoles lists exactly the dashboard pages that call requireRole, with the same role', () => {
    const called = pages('app/(dashboard)').flatMap((file) => {
      const role = /requireRole\('(viewer|editor|admin)'\)/.exec(fs.readFileSync(path.join(root, file), 'utf8'))?.[1];
      const route = '/' + path.dirname(path.relative('app/(dashboard)', file)).split(path.sep).filter((s) => s !== '.' && !s.startsWith('(')).join('/');
      return role ? [{ path: route, role }] : [];
    });
    expect(called.length).toBeGreaterThan(0);
    expect([...called].sort((a, b) => a.path.localeCompare(b.path))).toEqual([...pageRoles].sort((a, b) => a.path.localeCompare(b.path)));
  });

  it('matches sub-paths but not look-alike prefixes', () => {
    expect(requiredPageRole('/settings/users')).toBe('admin');
    expect(requiredPageRole('/settings/users/x')).toBe('admin');
    expect(requiredPageRole('/settings/usersx')).toBeNull();
    expect(requiredPageRole('/databases')).toBeNull();
  });
});
