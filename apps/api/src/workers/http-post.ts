import http from 'node:http';
import https from 'node:https';

export interface PostResponse {
  status: number;
  body: string;
}

/** Sends a JSON body; resolves with any answer (even 5xx), rejects when no answer came (refused, reset, timed out). */
export type PostJson = (url: string, body: string, headers: Record<string, string>, timeoutMs: number) => Promise<PostResponse>;

const agents: Record<string, http.Agent> = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/**
 * A JSON POST over keep-alive sockets. The dispatcher sends one per removal; `fetch` built a WHATWG
 * request, response and stream for each, several times the cost of the call itself.
 */
export const postJson: PostJson = (url, body, headers, timeoutMs) =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const agent = agents[target.protocol];
    if (!agent) return reject(new Error(`unsupported protocol ${target.protocol}`));
    const transport = target.protocol === 'https:' ? https : http;
    const request = transport.request(
      target,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.setTimeout(timeoutMs, () => request.destroy(new TimeoutError(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
