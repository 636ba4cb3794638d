import { createTestCa, issueServerCert } from './lab-certificates';
import { prepareLabTemplate } from './prepare-lab-template';
let t = Date.now();
const ca = createTestCa({ commonName: 'x' });
for (let i = 0; i < 11; i++) issueServerCert(ca, { commonName: 'localhost', keyBits: i === 5 ? 1024 : 2048 });
console.log('certs', Date.now() - t); t = Date.now();
await prepareLabTemplate({ dataDir: '/tmp/lab-try/template', port: 45999, database: 'lab', superUser: 'postgres', superPassword: 'x'.repeat(32), probeUser: 'posture_probe', probePassword: 'y'.repeat(32) });
console.log('template', Date.now() - t);
