import type { ServiceContext } from '../../lib/services/service-context';

export const adminCtx: ServiceContext = { actor: { kind: 'user', id: '00000000-0000-4000-8000-000000000001', email: 'admin@test.local', role: 'admin' } };
export const editorCtx: ServiceContext = { actor: { kind: 'user', id: '00000000-0000-4000-8000-000000000002', email: 'editor@test.local', role: 'editor' } };
export const viewerCtx: ServiceContext = { actor: { kind: 'user', id: '00000000-0000-4000-8000-000000000003', email: 'viewer@test.local', role: 'viewer' } };

let n = 0;
/** Unique names keep test files independent on the shared store. */
export const uniqueName = (prefix: string) => `${prefix}-${process.pid}-${Date.now().toString(36)}-${(n++).toString(36)}`;
