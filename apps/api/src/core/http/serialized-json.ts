import type { FastifyReply, FastifyRequest } from 'fastify';
import { COMPRESSION_THRESHOLD, compressNow, Encoding, negotiateEncoding, varyOnAcceptEncoding } from './compression';
import { ifNoneMatchHits } from './conditional-get';

const JSON_UTF8 = 'application/json; charset=utf-8';

/**
 * A JSON body serialized once and compressed at most once per encoding, for answers many clients poll
 * (a snapshot): readers of one version share one stringify and one compression. Compressed with the fast
 * effort, since under load a live snapshot changes about as often as it is read.
 */
export class SerializedJson {
  readonly etag: string;
  private readonly encoded = new Map<Encoding, Buffer>();

  constructor(
    readonly json: string,
    etag: string,
  ) {
    this.etag = etag;
  }

  /**
   * The body in `encoding`, compressed on first use, on this thread: a read then finishes in one turn of the
   * event loop instead of queueing for the thread pool's callback behind the checks being recorded.
   */
  in(encoding: Encoding): Buffer {
    let body = this.encoded.get(encoding);
    if (!body) {
      body = compressNow(Buffer.from(this.json), encoding, 'fast');
      this.encoded.set(encoding, body);
    }
    return body;
  }
}

/**
 * Sends a SerializedJson: 304 to a client that holds it (If-None-Match), else the body in the best encoding
 * the client accepts (the compression hook leaves a body with a Content-Encoding alone).
 */
export function sendSerializedJson(req: FastifyRequest, reply: FastifyReply, body: SerializedJson, cacheControl: string): void {
  reply.header('etag', body.etag).header('cache-control', cacheControl);
  if (ifNoneMatchHits(req.headers['if-none-match'], body.etag)) return void reply.status(304).send();
  reply.header('content-type', JSON_UTF8);
  if (body.json.length < COMPRESSION_THRESHOLD) return void reply.send(body.json);
  varyOnAcceptEncoding(reply);
  const encoding = negotiateEncoding(req.headers['accept-encoding']);
  if (!encoding) return void reply.send(body.json);
  const compressed = body.in(encoding);
  reply.header('content-encoding', encoding).send(compressed);
}
