import { z } from 'zod';
import { complianceReportSchema } from '../../validations/api/compliance-schemas';
import { defineOperation } from '../api-operation';

const tag = 'Compliance';

/** The fleet's latest check states by framework control (GDPR, PCI-DSS, SOC 2, CIS PostgreSQL). */
export const complianceOperations = {
  report: defineOperation({
    operationId: 'getComplianceReport',
    method: 'get',
    path: '/api/v1/compliance',
    tag,
    summary: 'Every framework control the checks evidence, with its status on the active databases, and the security checklist',
    description: 'A control is non_compliant when a mapped check fails, warns or errors on some active database without an accepted exception.',
    scopes: ['read'],
    permission: 'inventory:read',
    success: { status: 200, response: complianceReportSchema },
    errors: [],
  }),
  csv: defineOperation({
    operationId: 'exportComplianceCsv',
    method: 'get',
    path: '/api/v1/compliance/export',
    tag,
    summary: 'The same report as CSV, one row per control and check (formula-like cells neutralised)',
    scopes: ['read'],
    permission: 'inventory:read',
    success: { status: 200, response: z.string(), contentType: 'text/csv' },
    errors: [],
  }),
};
