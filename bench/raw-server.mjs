// The throughput baseline: a bare node:http server that answers each path with bytes captured
// once from the app (body, content-type, content-encoding), verbatim. Started as a child process
// by bench/run.mjs: `node bench/raw-server.mjs <responses.json>` with PORT in the environment.
// The JSON maps a path to { status, contentType, contentEncoding, bodyBase64 }.
import { readFileSync } from 'node:fs';
import http from 'node:http';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const routes = new Map(
  Object.entries(spec).map(([path, r]) => {
    const body = Buffer.from(r.bodyBase64, 'base64');
    const headers = { 'content-type': r.contentType, 'content-length': body.length };
    if (r.contentEncoding) headers['content-encoding'] = r.contentEncoding;
    return [path, { status: r.status, headers, body }];
  }),
);

http
  .createServer((req, res) => {
    const r = routes.get(req.url);
    if (!r) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.writeHead(r.status, r.headers);
    res.end(r.body);
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
