import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { MockRequest, MockResponse } from '../../src/core/index.js';
import { errorResponse } from '../../src/core/index.js';
import { sendMockResponse } from './send-mock-response.js';
import { toMockRequest } from './to-mock-request.js';

/** A request handler of the core, plus an optional reader of the request body (admin API). */
export type RequestHandler = (request: MockRequest, body: string) => Promise<MockResponse>;

/** A running standalone mock. */
export interface RunningServer {
  /** `http://host:port`, with the port actually bound (useful with port 0). */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

/** Largest request body the admin API reads (a scenario with huge outputs fits). */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * Serve a core handler over node:http: a thin adapter, every rule lives in the core.
 * @example
 * const running = await listenMockServer(handler, { port: 0 });
 * await fetch(`${running.url}/v1/jobs/job_x`);
 */
export async function listenMockServer(
  handle: RequestHandler,
  options: { readonly port?: number; readonly host?: string } = {},
): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const server = createServer({ requireHostHeader: false }, (req, res) => void serve(handle, req, res));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => answerClientError(error, socket));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const host = options.host ?? '127.0.0.1';
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

async function serve(handle: RequestHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let response: MockResponse;
  try {
    const body = await readBody(req);
    response = body === undefined ? errorResponse(413, 'request body too large') : await handle(toMockRequest(req), body);
  } catch (error) {
    // A bug must not take the server down; the message names it without a stack trace.
    response = errorResponse(500, `internal mock error: ${error instanceof Error ? error.message : String(error)}`);
  }
  await sendMockResponse(res, response);
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') {
    req.resume();
    return Promise.resolve('');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable) return;
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  const body = JSON.stringify({ error: tooLarge ? 'request headers too large' : 'bad request' });
  socket.end(
    `HTTP/1.1 ${status}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
