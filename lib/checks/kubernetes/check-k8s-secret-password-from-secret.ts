import type { CheckDefinition } from '../check-definition';
import { outcomeVerdict } from '../outcome-verdict';

export const k8sSecretPasswordFromSecretCheck: CheckDefinition = {
  id: 'k8s.secret.password_from_secret',
  title: 'Passwords come from Secrets, not literal values',
  area: 'passwords',
  severity: 'high',
  why: 'A password written into the pod spec is readable by anyone who can get the Deployment, lands in Git and in every kubectl describe, and cannot be rotated without a redeploy.',
  evaluate: (obs) =>
    outcomeVerdict(obs.k8sWorkload, (w) => {
      const rows = w.pods.flatMap((p) => p.containers.map((c) => ({ pod: p.name, container: c.name, passwordEnv: c.passwordEnv, literalPasswordArgs: c.literalPasswordArgs })));
      const evidence = { namespace: w.namespace, selector: w.selector, containers: rows };
      if (w.pods.length === 0) return { status: 'error', summary: `no pods match selector ${w.selector} in namespace ${w.namespace}`, evidence };
      const literal = rows.flatMap((r) => [
        ...r.passwordEnv.filter((e) => e.source === 'literal').map((e) => `${r.pod}/${r.container}: env ${e.name} is a literal value`),
        ...r.literalPasswordArgs.map((flag) => `${r.pod}/${r.container}: ${flag} is given a literal value`),
      ]);
      if (literal.length > 0) return { status: 'fail', summary: literal.join('; '), evidence };
      const fromSecret = [...new Set(rows.flatMap((r) => r.passwordEnv.filter((e) => e.source === 'secret').map((e) => e.name)))];
      const fromConfigMap = [...new Set(rows.flatMap((r) => r.passwordEnv.filter((e) => e.source === 'configMap').map((e) => e.name)))];
      if (fromConfigMap.length > 0) return { status: 'warn', summary: `from a ConfigMap, which is not meant for secrets: ${fromConfigMap.join(', ')}`, evidence };
      if (fromSecret.length === 0) return { status: 'pass', summary: 'no password is set in the pod spec (no literal env or flag)', evidence };
      return { status: 'pass', summary: `from Secrets: ${fromSecret.join(', ')}`, evidence };
    }),
  remediation: `Store the password in a Secret and reference it:
  kubectl create secret generic <db>-password -n <namespace> --from-literal=password="$(openssl rand -base64 32)"

  env:
    - name: <PASSWORD_VARIABLE>
      valueFrom:
        secretKeyRef: { name: <db>-password, key: password }

The variable, by engine:
  PostgreSQL: POSTGRES_PASSWORD
  Redis: REDIS_PASSWORD, passed on as --requirepass $(REDIS_PASSWORD)
  RabbitMQ: RABBITMQ_DEFAULT_PASS
  Patroni: PATRONI_RESTAPI_PASSWORD
  etcd: ETCD_ROOT_PASSWORD (Bitnami images)

The old literal is exposed: rotate it after the rollout (password.age has the commands per engine).`,
  compliance: [
    { framework: 'PCI-DSS', control: '8.3.2' },
    { framework: 'PCI-DSS', control: '8.6.3' },
    { framework: 'SOC 2', control: 'CC6.1' },
  ],
};
