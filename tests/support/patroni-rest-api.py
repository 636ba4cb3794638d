"""Patroni's own REST API server (Debian's patroni package: patroni.api.RestApiServer) over a stand-in cluster.

TLS, the allowlist, client certificates, basic auth and request parsing are Patroni's real code; the cluster
behind it is a mock, so no PostgreSQL or DCS is needed. Any call that would act is appended to the canary file.
Usage: python3 patroni-rest-api.py '<restapi config as JSON>' <canary-file>
"""
import json
import sys
import time
from unittest.mock import MagicMock

from patroni.api import RestApiServer

config, canary = json.loads(sys.argv[1]), sys.argv[2]


def acted(what):
    def record(*args, **kwargs):
        with open(canary, 'a') as f:
            f.write(what + '\n')
        return None
    return record


patroni = MagicMock()
patroni.version = '3.0.2'
patroni.next_run = time.time() + 10 ** 9
patroni.dcs.ttl = 30
patroni.postgresql.state = 'running'
patroni.postgresql.role = 'primary'
patroni.postgresql.scope = 'posture-test'
patroni.postgresql.server_version = 150000
patroni.postgresql.sysid = '7300000000000000000'
patroni.postgresql.pending_restart = False
patroni.scheduled_restart = {}
patroni.logger.queue_size = 0
patroni.logger.NORMAL_LOG_QUEUE_SIZE = 2
patroni.ha.watchdog.is_healthy = True
patroni.ha.get_effective_tags.return_value = {}
patroni.ha.is_paused.return_value = False
patroni.ha.is_leader.return_value = True
for name in ('reinitialize', 'restart', 'wakeup', 'schedule_future_restart'):
    setattr(patroni.ha, name, acted('ha.' + name))
for name in ('set_config_value', 'manual_failover', 'delete_cluster'):
    setattr(patroni.dcs, name, acted('dcs.' + name))
patroni.sighup_handler = acted('reload')

server = RestApiServer(patroni, config)
# GET /patroni reads PostgreSQL's status with one query; answer it as a running primary would.
server.query = lambda sql, *params, **kw: [('2026-01-01 00:00:00+00:00', 1, 100663296, None, None, None, None, None)]
server.start()
print('ready', flush=True)
while True:
    time.sleep(3600)
