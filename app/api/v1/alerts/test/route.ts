import { operationRoute } from '@/lib/http/operation-route';
import { alertOperations } from '@/lib/api/operations/alert-operations';
import { sendTestEmail } from '@/lib/services/alerts/send-test-email';

export const POST = operationRoute(alertOperations.sendTestEmail, ({ ctx, body }) => sendTestEmail(ctx, body));
