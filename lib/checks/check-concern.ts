import type { CheckDefinition } from './check-definition';

/** Checks that judge one concern the same way on every engine that has it (served certificate, Kubernetes pods, …). */
export interface CheckConcern {
  id: string;
  label: string;
  /** what the concern's checks read, one line for docs/engines.md */
  reads: string;
  checks: readonly CheckDefinition[];
}
