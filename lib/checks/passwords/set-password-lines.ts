/** How to give the probed account a new password, one line per engine (a database's page keeps its own). */
export const setPasswordLines = `  PostgreSQL: SET password_encryption = 'scram-sha-256'; ALTER ROLE <user> PASSWORD '<new password>';
  Redis: ACL SETUSER <user> resetpass ><new password>   then ACL SAVE (or CONFIG REWRITE)
  RabbitMQ: rabbitmqctl change_password <user> '<new password>'
  etcd: etcdctl user passwd <user> --interactive=false   (reads the new password on stdin)
  Patroni: restapi.authentication.password in patroni.yml, then patronictl reload <cluster>`;
