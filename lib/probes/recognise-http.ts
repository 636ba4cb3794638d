/** The status line of a plaintext HTTP answer, or null when the bytes are not one. */
export function recogniseHttp(answer: Buffer): string | null {
  const line = answer.subarray(0, 200).toString('latin1').split('\r\n')[0] ?? '';
  return /^HTTP\/1\.[01] \d{3}/.test(line) ? line : null;
}

/** A minimal HTTP/1.1 GET, the greeting for probing a port in clear. */
export const plainHttpGet = (host: string, port: number, path: string) => Buffer.from(`GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nUser-Agent: posture-probe\r\nConnection: close\r\n\r\n`);
