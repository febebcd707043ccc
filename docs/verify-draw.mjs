#!/usr/bin/env node
// Re-checks one Acervo lottery draw offline, with nothing but Node's standard library.
// Input (stdin): the JSON of GET /api/v1/distribution-groups/{id}/draws/{drawId}.
// Usage: curl -s -H "Authorization: Bearer $TOKEN" "$URL/draws/$DRAW" | node docs/verify-draw.mjs
// It is written apart from Acervo's code on purpose: an auditor can read these lines
// instead of trusting the server's own verification. Procedure: docs/distribution.md.
import { createHash, createHmac } from 'node:crypto';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const draw = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const say = (line) => process.stdout.write(`${line}\n`);
const fail = (why) => {
  say(`MISMATCH: ${why}`);
  process.stderr.write(`MISMATCH: ${why}\n`);
  process.exit(1);
};

if (draw.algorithm !== 'acervo-draw-v1') fail(`unknown algorithm ${draw.algorithm}`);
const seed = Buffer.from(draw.seed ?? '', 'hex');
// 1. The seed revealed after the batch is the one committed to before it.
if (createHash('sha256').update(seed).digest('hex') !== draw.commitment) fail('seed does not match the commitment');

// 2. Candidates in canonical order (member id), weights in hundredths.
const candidates = [...draw.candidates]
  .map((c) => ({ memberId: c.memberId, weight: Math.round(c.weight * 100), received: c.received }))
  .sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));

if (draw.prevention) {
  // Prevention: nothing drawn; the prevento must have been a candidate.
  if (draw.randomValue !== null || !candidates.some((c) => c.memberId === draw.memberId)) fail('prevention record');
  say(`OK: ${draw.memberId} (prevention through related process ${draw.relatedProcessId}, no draw)`);
  process.exit(0);
}

// 3. Compensation: within quota (received·ΣW < (Σreceived+1)·weight), then lowest (received+1)/weight.
const totalWeight = candidates.reduce((s, c) => s + c.weight, 0);
const totalReceived = candidates.reduce((s, c) => s + c.received, 0);
let tied = [];
for (const c of candidates) {
  if (!(c.received * totalWeight < (totalReceived + 1) * c.weight)) continue;
  const order = tied.length ? (c.received + 1) * tied[0].weight - (tied[0].received + 1) * c.weight : -1;
  if (order < 0) tied = [c];
  else if (order === 0) tied.push(c);
}
if (!tied.length) fail('no candidate within quota');

// 4. HMAC-SHA256(seed, message), rejecting values above the largest multiple of the tie count.
const rows = candidates.map((c) => [c.memberId, c.weight, c.received]);
const space = 1n << 256n;
const limit = space - (space % BigInt(tied.length));
for (let attempt = 0; ; attempt++) {
  const message = JSON.stringify({ algorithm: draw.algorithm, processId: draw.processId, candidates: rows, attempt });
  const value = createHmac('sha256', seed).update(message).digest('hex');
  if (BigInt(`0x${value}`) >= limit) continue;
  if (value !== draw.randomValue) fail(`random value ${value} differs from the stored ${draw.randomValue}`);
  const memberId = tied[Number(BigInt(`0x${value}`) % BigInt(tied.length))].memberId;
  if (memberId !== draw.memberId) fail(`the draw gives ${memberId}, the record says ${draw.memberId}`);
  say(`OK: ${memberId}`);
  break;
}
