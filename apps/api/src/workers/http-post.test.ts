import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from './http-post';

describe('postJson', () => {
  let server: Server;
  let base = '';
  const received: { headers: Record<string, unknown>; body: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        if (req.url === '/silent') return; // never answers
        res.writeHead(req.url === '/busy' ? 503 : 200, { 'content-type': 'application/json' });
        res.end(req.url === '/busy' ? '{"error":"busy"}' : body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('sends the JSON body with its headers and answers status and body, 5xx included', async () => {
    expect(await postJson(`${base}/echo`, '{"a":"版权"}', { 'idempotency-key': 'k-1' }, 2000)).toEqual({ status: 200, body: '{"a":"版权"}' });
    expect(received.at(-1)?.headers).toMatchObject({ 'content-type': 'application/json', 'idempotency-key': 'k-1' });
    expect(await postJson(`${base}/busy`, '{}', {}, 2000)).toEqual({ status: 503, body: '{"error":"busy"}' });
  });

  it('gives up with a TimeoutError when no answer comes', async () => {
    await expect(postJson(`${base}/silent`, '{}', {}, 150)).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('rejects a refused connection and an unsupported protocol', async () => {
    await expect(postJson('http://127.0.0.1:9/x', '{}', {}, 2000)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await expect(postJson('ftp://127.0.0.1/x', '{}', {}, 2000)).rejects.toThrow(/unsupported protocol/);
  });
});
