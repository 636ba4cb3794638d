import type { CheckDefinition } from './check-definition';
import { passwordEngines } from './password-engines';
import { outcomeVerdict } from './outcome-verdict';

const minLength = 32;

export const passwordStrengthCheck: CheckDefinition = {
  id: 'password.strength',
  title: 'Password is long enough',
  area: 'passwords',
  severity: 'medium',
  why: 'Database passwords are used by programs, not people, so there is no reason for them to be short: 32 random characters make online and offline guessing hopeless.',
  appliesTo: (engine) => passwordEngines.has(engine),
  evaluate: (obs) =>
    outcomeVerdict(obs.passwordAge, (p) => {
      // Only the length ever reaches a check; the secret itself never leaves the probe.
      const evidence = { secretLength: p.secretLength, minLength };
      if (p.secretLength === null) return { status: 'skip', summary: 'the secret is not known to Posture', evidence };
      const summary = `secret is ${p.secretLength} characters (policy ≥ ${minLength})`;
      return p.secretLength >= minLength ? { status: 'pass', summary, evidence } : { status: 'fail', summary, evidence };
    }),
  remediation: `Generate a long random password (44 characters):
  openssl rand -base64 32

Set it on the account, by engine:
  PostgreSQL: SET password_encryption = 'scram-sha-256'; ALTER ROLE app_user PASSWORD '<new password>';
  Redis:      ACL SETUSER app_user resetpass ><new password>   then ACL SAVE (or CONFIG REWRITE)
  RabbitMQ:   rabbitmqctl change_password app_user '<new password>'
  etcd:       etcdctl user passwd app_user --interactive=false   (reads the new password on stdin)
  Patroni:    restapi.authentication.password in patroni.yml, then patronictl reload <cluster>

Store it where the applications read it (e.g. the Kubernetes Secret), restart them, and update the credential in Posture:
  kubectl rollout restart deployment/<app> -n <namespace>`,
  compliance: [
    { framework: 'PCI-DSS', control: '8.3.6' },
    { framework: 'GDPR', control: 'Art. 5(1)(f)' },
    { framework: 'SOC 2', control: 'CC6.1' },
  ],
};
