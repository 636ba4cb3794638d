import type { ChecklistStatus, ComplianceStatus } from '@/lib/services/compliance/get-compliance-report';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The words carry the meaning; the colour (and the print border) only reinforce them. */
export function ComplianceStatusBadge({ status, failingDatabases, acceptedExceptions }: { status: ComplianceStatus; failingDatabases: number; acceptedExceptions: number }) {
  switch (status) {
    case 'compliant':
      return <span className="cstatus cstatus-ok">Compliant</span>;
    case 'compliant_with_exceptions':
      return <span className="cstatus cstatus-excepted">Compliant with {plural(acceptedExceptions, 'accepted exception')}</span>;
    case 'non_compliant':
      return <span className="cstatus cstatus-fail">Failing on {plural(failingDatabases, 'database')}</span>;
    case 'no_data':
      return <span className="cstatus cstatus-none">No data</span>;
    case 'not_automated':
      return <span className="cstatus cstatus-manual">Not automated yet</span>;
  }
}

export function ChecklistStatusBadge({ status, failingDatabases, acceptedExceptions }: { status: ChecklistStatus; failingDatabases: number; acceptedExceptions: number }) {
  switch (status) {
    case 'ok':
      return <span className="cstatus cstatus-ok">OK{acceptedExceptions > 0 ? ` (${plural(acceptedExceptions, 'accepted exception')})` : ''}</span>;
    case 'failing':
      return <span className="cstatus cstatus-fail">Failing on {plural(failingDatabases, 'database')}</span>;
    case 'no_data':
      return <span className="cstatus cstatus-none">No data</span>;
    case 'not_automated':
      return <span className="cstatus cstatus-manual">Not automated yet</span>;
  }
}
