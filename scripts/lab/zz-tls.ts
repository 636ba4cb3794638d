import net from 'node:net';
import tls from 'node:tls';
import { readFileSync } from 'node:fs';
const port = Number(process.argv[2]);
const opts = JSON.parse(process.argv[3] ?? '{}');
const sock = net.connect(port, '127.0.0.1');
sock.once('connect', () => { const b = Buffer.alloc(8); b.writeInt32BE(8); b.writeInt32BE(80877103, 4); sock.write(b); });
sock.once('data', (d) => {
  const t = tls.connect({ socket: sock, rejectUnauthorized: false, ca: readFileSync('/tmp/lab-try/lab-ca.crt', 'utf8'), servername: 'localhost', ...opts }, () => {
    const c = t.getPeerCertificate();
    console.log(d.toString(), t.getProtocol(), 'authorized', t.authorized, t.authorizationError, c.bits, c.valid_to, tls.checkServerIdentity('localhost', c)?.message);
    t.end();
  });
  t.on('error', (e) => console.log('tls error', e.message));
});
sock.setTimeout(5000, () => { console.log('timeout'); sock.destroy(); });
