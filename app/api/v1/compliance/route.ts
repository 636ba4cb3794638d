import { operationRoute } from '@/lib/http/operation-route';
import { complianceOperations } from '@/lib/api/operations/compliance-operations';
import { getComplianceReport } from '@/lib/services/compliance/get-compliance-report';

export const GET = operationRoute(complianceOperations.report, ({ ctx }) => getComplianceReport(ctx));
