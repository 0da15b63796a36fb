// HTTP load helpers of the feedback benchmark (bench/feedback.mjs): one request on a keep-alive
// agent, quantiles, the intake's submissions, and a closed loop over sockets that stay open.
import http from 'node:http';
import os from 'node:os';
import { gunzipSync } from 'node:zlib';
import { cpuMs, machineLoad, machineTicks } from './lib.mjs';

/** One request on a keep-alive agent; resolves with status, latency and the (gunzipped) body. */
export function request(agent, port, { method = 'GET', path, headers = {}, body }) {
  return new Promise((resolveReq, reject) => {
    const t = performance.now();
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const text = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
        resolveReq({ status: res.statusCode, ms: performance.now() - t, text, bytes: raw.length });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export const quantiles = (lat) => {
  const s = [...lat].sort((a, b) => a - b);
  const q = (f) => s[Math.min(s.length - 1, Math.floor(f * s.length))];
  return { p50: q(0.5), p95: q(0.95), p99: q(0.99), max: s[s.length - 1] };
};

/** A submission as a citizen's app would send it, each with a notice channel so that a notice is queued. */
export function submission(r, communes, i) {
  const c = r.pick(communes);
  const kind = r.pick(['report', 'report', 'petition', 'question']);
  const notify = r.pick(['sms', 'sms', 'sms', 'zalo', 'email']);
  return {
    commune: c.id,
    kind,
    category: r.pick(['infrastructure', 'environment', 'land', 'social_policy', 'administrative_procedure']),
    title: `Đường vào thôn bị sạt lở sau mưa lớn (${i})`,
    content:
      'Sau trận mưa đêm qua, đoạn đường bê tông gần cầu treo bị sạt một nửa mặt đường, xe máy đi qua rất nguy hiểm. Đề nghị xã kiểm tra, cắm biển cảnh báo.',
    place: 'Gần cầu treo',
    ...(c.villages.length && r.next() < 0.5 ? { villageId: r.pick(c.villages) } : {}),
    name: `Người dân ${i}`,
    phone: `09${String(10_000_000 + (i % 89_999_999))}`,
    email: `nguoidan${i}@example.vn`,
    notifyChannel: notify,
  };
}

/**
 * `connections` keep-alive sockets, each with its own client address (127.0.0.2, 127.0.0.3, …: all of
 * 127/8 is loopback), as citizens' phones would have: the intake limit counts per address. They are
 * opened while the server is idle and kept for every round: a server saturated by 60 sockets takes
 * seconds to answer the first request of a socket that connects late, which would measure the
 * connection set-up, not the sustained rate.
 */
export async function openSockets(port, connections) {
  const agents = Array.from(
    { length: connections },
    (_, w) => new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: `127.0.${w >> 8}.${2 + (w & 255)}` }),
  );
  await Promise.all(agents.map((agent) => request(agent, port, { path: '/healthz' })));
  return agents;
}

/** A closed loop over `agents` for `seconds`; latencies, statuses and server CPU. */
export async function closedLoop(agents, port, serverPid, seconds, make, onResponse) {
  const lat = [];
  const statuses = {};
  let i = 0;
  const m0 = machineTicks();
  const s0 = cpuMs(serverPid);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  const worker = async (agent) => {
    while (performance.now() < end) {
      const k = i++;
      const res = await request(agent, port, make(k)).catch((e) => ({ status: e.code ?? 'error', ms: null }));
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.ms === null) continue;
      lat.push(res.ms);
      onResponse?.(k, res);
    }
  };
  await Promise.all(agents.map(worker));
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const s1 = cpuMs(serverPid);
  const m = machineLoad(m0, machineTicks());
  const serverMs = s0 === null || s1 === null ? null : s1 - s0;
  const own = serverMs === null ? 0 : (serverMs + (c.user + c.system) / 1000) / (wall * 1000 * os.cpus().length);
  return {
    n: lat.length,
    rate: lat.length / wall,
    ...quantiles(lat),
    statuses,
    serverMsPerReq: serverMs === null ? null : serverMs / lat.length,
    other: m ? Math.max(0, m.busy - own) : null,
  };
}
