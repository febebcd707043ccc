import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * The lottery (sorteio) of DOMAIN §5, as a pure function of stored data so anyone can
 * re-run a draw: given the batch's seed, a process and its candidates with their counts,
 * the result is always the same member. The seed is committed to (its SHA-256 recorded)
 * before the batch is drawn and revealed after, so the operator cannot pick a favourable
 * seed without leaving an abandoned commitment behind.
 */
export const DRAW_ALGORITHM = 'acervo-draw-v1';

/** 256-bit seeds: the draw is as unpredictable as the CSPRNG behind them. */
export const SEED_BYTES = 32;

/** Where batch seeds come from: the CSPRNG, except in tests that need repeatable batches. */
export interface SeedSource {
  newSeed(): Buffer;
}

export const CSPRNG_SEEDS: SeedSource = { newSeed: () => randomBytes(SEED_BYTES) };

/** A member who may receive this process: in exercise, not impeded on it. */
export interface DrawCandidate {
  memberId: string;
  /** Share of the draws, up to two decimals (numeric(5,2) in the database). */
  weight: number;
  /** Distributions received in the group and still counting (cancelled ones do not). */
  received: number;
}

/** A candidate as the record shows it, with what compensation compared. */
export interface RankedCandidate extends DrawCandidate {
  /** Receiving this one would keep it within its share of the candidates' draws (upper quota). */
  withinQuota: boolean;
  /** (received + 1) / weight: among those within quota, the lowest receives. */
  standing: number;
}

export interface DrawResult {
  algorithm: typeof DRAW_ALGORITHM;
  processId: string;
  /** In canonical order (by member id), each with its standing. */
  candidates: RankedCandidate[];
  /** The candidates within quota with the lowest standing, in canonical order: the draw picks among them. */
  tied: string[];
  /** The accepted HMAC output, hex; null for prevention (no draw). */
  randomValue: string | null;
  /** How many HMAC outputs were rejected before one fell in the unbiased range. */
  attempt: number | null;
  memberId: string;
}

/** The SHA-256 of the seed, hex: recorded before the draws, checked against the revealed seed. */
export function seedCommitment(seed: Buffer): string {
  return createHash('sha256').update(seed).digest('hex');
}

/** Weights in hundredths, so every comparison is exact integer arithmetic. */
function hundredths(weight: number): number {
  const h = Math.round(weight * 100);
  if (!Number.isSafeInteger(h) || h <= 0) throw new RangeError(`weight must be positive: ${weight}`);
  return h;
}

function canonical(candidates: readonly DrawCandidate[]): DrawCandidate[] {
  return [...candidates].sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
}

/**
 * Compensation (DOMAIN §5) as the quota method of apportionment (Balinski & Young): a
 * candidate may receive only while that keeps it within its weighted share of what the
 * candidates received (`received·ΣW < (Σreceived + 1)·weight`), and among those the lowest
 * weighted count `(received + 1)/weight` receives. With equal weights this is simply "who
 * received fewest"; with weights it keeps every count within one unit of its share after
 * every draw, which plain `received/weight` does not (decision 0005). All comparisons are
 * exact integer arithmetic on weights in hundredths.
 */
export function rankCandidates(candidates: readonly DrawCandidate[]): RankedCandidate[] {
  const ordered = canonical(candidates);
  const totalWeight = ordered.reduce((sum, c) => sum + hundredths(c.weight), 0);
  const totalReceived = ordered.reduce((sum, c) => sum + c.received, 0);
  return ordered.map((c) => ({
    ...c,
    withinQuota: c.received * totalWeight < (totalReceived + 1) * hundredths(c.weight),
    standing: (c.received + 1) / c.weight,
  }));
}

/** The candidates compensation leaves to chance, in canonical order. */
function lowestWithinQuota(ranked: readonly RankedCandidate[]): string[] {
  let tied: RankedCandidate[] = [];
  for (const c of ranked) {
    if (!c.withinQuota) continue;
    // (c.received+1)/c.weight vs (best.received+1)/best.weight, cross-multiplied.
    const order = tied.length
      ? (c.received + 1) * hundredths(tied[0].weight) - (tied[0].received + 1) * hundredths(c.weight)
      : -1;
    if (order < 0) tied = [c];
    else if (order === 0) tied.push(c);
  }
  return tied.map((c) => c.memberId);
}

/** The exact message a draw's HMAC is taken over (the offline procedure rebuilds it). */
export function drawMessage(processId: string, candidates: readonly DrawCandidate[], attempt: number): string {
  const rows = canonical(candidates).map((c) => [c.memberId, hundredths(c.weight), c.received]);
  return JSON.stringify({ algorithm: DRAW_ALGORITHM, processId, candidates: rows, attempt });
}

const SPACE = 1n << 256n;

/**
 * An unbiased index in [0, n) from HMAC-SHA256(seed, message): outputs at or above the
 * largest multiple of n are rejected and the next attempt is hashed, so every tied
 * candidate is exactly equally likely.
 */
function uniformIndex(seed: Buffer, processId: string, candidates: readonly DrawCandidate[], n: number) {
  const limit = SPACE - (SPACE % BigInt(n));
  for (let attempt = 0; ; attempt++) {
    const randomValue = createHmac('sha256', seed)
      .update(drawMessage(processId, candidates, attempt))
      .digest('hex');
    const value = BigInt(`0x${randomValue}`);
    if (value < limit) return { index: Number(value % BigInt(n)), randomValue, attempt };
  }
}

/** Draws one process among its candidates (none impeded, all in exercise). */
export function drawMember(seed: Buffer, processId: string, candidates: readonly DrawCandidate[]): DrawResult {
  if (seed.length !== SEED_BYTES) throw new RangeError(`seed must be ${SEED_BYTES} bytes`);
  if (!candidates.length) throw new RangeError('a draw needs at least one candidate');
  const ranked = rankCandidates(candidates);
  const tied = lowestWithinQuota(ranked);
  const { index, randomValue, attempt } = uniformIndex(seed, processId, candidates, tied.length);
  return {
    algorithm: DRAW_ALGORITHM,
    processId,
    candidates: ranked,
    tied,
    randomValue,
    attempt,
    memberId: tied[index],
  };
}

/** Prevention: the process goes to the member prevento, no draw; the record keeps the counts. */
export function preventionResult(
  processId: string,
  candidates: readonly DrawCandidate[],
  memberId: string,
): DrawResult {
  return {
    algorithm: DRAW_ALGORITHM,
    processId,
    candidates: rankCandidates(candidates),
    tied: [],
    randomValue: null,
    attempt: null,
    memberId,
  };
}

/** What a stored draw must carry to be re-checked. */
export interface StoredDraw {
  processId: string;
  candidates: readonly DrawCandidate[];
  randomValue: string | null;
  memberId: string;
  prevention: boolean;
}

export interface DrawVerification {
  /** SHA-256 of the revealed seed equals the commitment recorded before the batch. */
  seedMatchesCommitment: boolean;
  /** Re-running the draw from the stored candidates and counts gives the stored random value. */
  randomValueMatches: boolean;
  /** …and the stored result. */
  resultMatches: boolean;
  verified: boolean;
  recomputed: { memberId: string; randomValue: string | null; tied: string[] } | null;
}

/** Re-runs a stored draw from its batch's revealed seed. */
export function verifyDraw(draw: StoredDraw, seed: Buffer | null, commitment: string): DrawVerification {
  const seedMatchesCommitment = !!seed && seed.length === SEED_BYTES && seedCommitment(seed) === commitment;
  if (draw.prevention) {
    // Nothing was drawn: the record stands on the prevento being one of the candidates.
    const known = draw.candidates.some((c) => c.memberId === draw.memberId);
    return {
      seedMatchesCommitment,
      randomValueMatches: draw.randomValue === null,
      resultMatches: known,
      verified: seedMatchesCommitment && known && draw.randomValue === null,
      recomputed: { memberId: draw.memberId, randomValue: null, tied: [] },
    };
  }
  if (!seed || !seedMatchesCommitment || !draw.candidates.length) {
    return {
      seedMatchesCommitment,
      randomValueMatches: false,
      resultMatches: false,
      verified: false,
      recomputed: null,
    };
  }
  const again = drawMember(seed, draw.processId, draw.candidates);
  const randomValueMatches = again.randomValue === draw.randomValue;
  const resultMatches = again.memberId === draw.memberId;
  return {
    seedMatchesCommitment,
    randomValueMatches,
    resultMatches,
    verified: randomValueMatches && resultMatches,
    recomputed: { memberId: again.memberId, randomValue: again.randomValue, tied: again.tied },
  };
}
