/** Transport facts shared by engine probes: TLS handshakes, plaintext greetings, HTTP exchanges. */
export interface TlsHandshake {
  protocol: string | null;
  cipher: string | null;
  alpn: string | null;
  /** served chain, leaf first, PEM */
  chainPem: string[];
}

/** How a port answered a plaintext greeting of the engine's own protocol (Redis PING, AMQP header, HTTP GET). */
export interface PlaintextPortObservation {
  port: number;
  /** refused: nothing listens; speaks-protocol: a plaintext answer came back; closed/other/no-answer: something listens that did not answer in plaintext */
  answer: 'refused' | 'speaks-protocol' | 'closed' | 'other' | 'no-answer' | 'error';
  /** the first line of the answer, or the connection error; never a credential */
  detail: string | null;
}

/** A TLS handshake on one port: what was negotiated and served, or why it failed. */
export interface TlsEndpointObservation {
  port: number;
  handshake: TlsHandshake | null;
  error: string | null;
}

/** One HTTP request and what came back: a status and the start of the body, or why there was none. */
export interface HttpExchangeObservation {
  status: number | null;
  headers: Record<string, string>;
  /** the first 8 KiB of the body */
  body: string | null;
  /** the connection or TLS error when no response came, e.g. a refused client certificate */
  error: string | null;
}
