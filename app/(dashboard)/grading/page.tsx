import { requireUser } from '@/lib/auth/require-user';
import { renderPolicyDoc } from '@/lib/ui/render-policy-doc';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Grading policy' };

export default async function GradingPolicyPage() {
  await requireUser();
  const html = await renderPolicyDoc('grading.md');
  return (
    <>
      <div className="page-header">
        <h1>Grading policy</h1>
      </div>
      <article className="card policy-doc" dangerouslySetInnerHTML={{ __html: html }} />
    </>
  );
}
