/**
 * A realistic office, written straight into PostgreSQL with COPY (not through the API):
 * units, members and staff of every profile, processes with a secrecy mix, a long tail of
 * events, documents, parties, explicit permissions, deadlines, distributions and custody —
 * reproducible from a seed. What the harness needs to drive it comes back as `OfficeFacts`.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { REBUILD_BOX_TALLIES_SQL, REWRITE_PROCESS_SEARCH_SQL } from '@acervo/persistence';
import type { BenchDataSource } from '../bench-database';

export interface OfficeOptions {
  processes: number;
  seed: number;
}

/** A user the harness signs in as: the password is everyone's, the device cookie its own. */
export interface BenchLogin {
  username: string;
  deviceToken: string;
}

export interface OfficeFacts {
  processes: number;
  events: number;
  documents: number;
  password: string;
  /** A member with Secretaria in the first office and thousands of conclusos: the busy inbox. */
  busyMember: BenchLogin;
  /** Members of every office, for the logins and the concurrent sessions. */
  members: BenchLogin[];
  /** The manager of the distribution centre, whose Secretaria holds the lottery's processes. */
  centreManager: BenchLogin;
  groupId: string;
  /** Processes of the centre's Secretaria, never distributed: the lottery's batch. */
  lotteryProcessIds: string[];
  /** Processes the busy member sees in full, with few and with many documents and events. */
  detailIds: { few: string; many: string; sample: string[] };
  numbers: string[];
  /** The member whose last month holds `rafEvents` events, and that month. */
  rafMember: BenchLogin;
  rafMonth: string;
  rafEvents: number;
}

export const BENCH_PASSWORD = 'senha-de-bancada-2026';
/** What the harness searches: common words, a rare pair, one of each (the summaries are made of them). */
export const FULL_TEXT_QUERIES = ['merenda escolar', 'licitação direcionada', 'creche', 'medicamentos Arapiraca'];
const OFFICES = 50;
const MEMBERS_PER_OFFICE = 10;
const STAFF_PER_OFFICE = 10;
const CENTRE_MEMBERS = 7;
const LOTTERY_BATCH = 10_000;
const RAF_EVENTS = 50_000;
const YEAR = 2026;

/** mulberry32: small, fast, and the same sequence from the same seed on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** UUIDs from the generator, so ids repeat from run to run with the same seed. */
function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 3) | 8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** One COPY text-format field: the generator's values hold no tab, newline or backslash. */
const field = (v: string | number | boolean | null | undefined) =>
  v === null || v === undefined ? '\\N' : typeof v === 'boolean' ? (v ? 't' : 'f') : String(v);
const line = (...values: (string | number | boolean | null | undefined)[]) => `${values.map(field).join('\t')}\n`;

/** Streams rows into one table; `rows` yields lines, batched into chunks for the socket. */
async function copy(db: BenchDataSource, table: string, columns: string[], rows: Iterable<string>): Promise<void> {
  const driver = db.driver as unknown as {
    master: { connect(): Promise<{ query: (s: unknown) => NodeJS.WritableStream; release(): void }> };
  };
  const client = await driver.master.connect();
  try {
    // Triggers and foreign keys are the API's guards; this data is consistent by construction.
    await (client as unknown as { query(sql: string): Promise<unknown> }).query(
      `SET session_replication_role = replica`,
    );
    const sink = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    await pipeline(Readable.from(chunked(rows)), sink);
    await (client as unknown as { query(sql: string): Promise<unknown> }).query(
      `SET session_replication_role = origin`,
    );
  } finally {
    client.release();
  }
}

function* chunked(rows: Iterable<string>): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += row;
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

const SUBJECTS_OF_SUMMARY = [
  'irregularidade na merenda escolar',
  'transporte escolar precário',
  'falta de medicamentos na unidade de saúde',
  'obra pública paralisada',
  'poluição sonora de estabelecimento',
  'descarte irregular de lixo hospitalar',
  'acúmulo ilegal de cargos',
  'maus-tratos a idoso',
  'vaga em creche negada',
  'licitação direcionada',
  'desvio de verbas do fundo municipal',
  'ocupação irregular de área de preservação',
  'cobrança abusiva de tarifa bancária',
  'fornecimento de água interrompido',
  'conselho tutelar sem estrutura',
  'nepotismo na câmara municipal',
];
const PLACES = ['Maceió', 'Arapiraca', 'Penedo', 'Palmeira dos Índios', 'Rio Largo', 'União dos Palmares', 'Coruripe'];
const FIRST = ['Maria', 'José', 'Ana', 'João', 'Francisca', 'Antônio', 'Adriana', 'Carlos', 'Juliana', 'Paulo'];
const LAST = ['Silva', 'Santos', 'Oliveira', 'Souza', 'Lima', 'Pereira', 'Ferreira', 'Costa', 'Almeida', 'Cavalcanti'];
const PARTY_TYPES = ['REPRESENTANTE', 'REPRESENTADO', 'INTERESSADO', 'VITIMA'];

export async function generateOffice(db: BenchDataSource, options: OfficeOptions): Promise<OfficeFacts> {
  const random = prng(options.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const now = Date.now();
  const day = 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  // argon2 is the API's dependency: the hash is made exactly as the API makes and checks it.
  const argon2 = createRequire(join(__dirname, '../../apps/api/package.json'))('argon2') as {
    hash(p: string, o: object): Promise<string>;
    argon2id: number;
  };
  const passwordHash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id });

  const classes = (await db.query<{ code: string }[]>(`SELECT code FROM classes WHERE kind = 'EXTRAJUDICIAL'`)).map(
    (r) => r.code,
  );
  const subjects = (await db.query<{ code: string }[]>(`SELECT code FROM subjects ORDER BY code LIMIT 200`)).map(
    (r) => r.code,
  );
  const movements = (await db.query<{ code: string }[]>(`SELECT code FROM movement_types ORDER BY code`)).map(
    (r) => r.code,
  );
  const docTypes = (await db.query<{ code: string }[]>(`SELECT code FROM document_types WHERE active`)).map(
    (r) => r.code,
  );
  // Summaries come from a phrase list; their search vectors are written once, at the end.
  const summaries = SUBJECTS_OF_SUMMARY.flatMap((s) => PLACES.map((p) => `Apuração de ${s} em ${p}`));

  // Units: the offices, then the distribution centre.
  const units = Array.from({ length: OFFICES + 1 }, (_, i) => ({
    id: uuidFrom(random),
    code: String(100 + i),
    centre: i === OFFICES,
  }));
  await copy(
    db,
    'units',
    ['id', 'code', 'name', 'kind', 'city', 'uf', 'version'],
    units.map((u, i) =>
      line(
        u.id,
        u.code,
        u.centre ? 'Centro de Distribuição' : `${i + 1}ª Promotoria de Justiça`,
        u.centre ? 'DISTRIBUTION_CENTER' : 'PROSECUTION_OFFICE',
        PLACES[i % PLACES.length],
        'AL',
        1,
      ),
    ),
  );

  // People: in each office a chief, members and an on-duty member; staff of every other profile.
  interface Person {
    id: string;
    username: string;
    unit: number;
    profile: string;
    secretaria: boolean;
    linkedTo?: string;
  }
  const people: Person[] = [];
  const staffProfiles = ['ANALYST', 'ASSISTANT', 'MANAGER', 'INTERN', 'PROTOCOL', 'INSPECTOR'];
  for (let u = 0; u < OFFICES; u++) {
    const members: Person[] = [];
    for (let m = 0; m < MEMBERS_PER_OFFICE; m++) {
      const profile = m === 0 ? 'CHIEF' : m === MEMBERS_PER_OFFICE - 1 ? 'ON_DUTY' : 'MEMBER';
      members.push({ id: uuidFrom(random), username: `m${u}.${m}`, unit: u, profile, secretaria: m < 3 });
    }
    people.push(...members);
    for (let s = 0; s < STAFF_PER_OFFICE; s++) {
      const profile = staffProfiles[s % staffProfiles.length];
      people.push({
        id: uuidFrom(random),
        username: `s${u}.${s}`,
        unit: u,
        profile,
        secretaria: profile === 'MANAGER' || profile === 'ANALYST',
        linkedTo: profile === 'ANALYST' || profile === 'ASSISTANT' ? members[1 + (s % 8)].id : undefined,
      });
    }
  }
  const centreMembers: Person[] = [];
  for (let m = 0; m < CENTRE_MEMBERS; m++) {
    // Members of the offices who also receive by lottery in the centre's group.
    centreMembers.push(people.find((p) => p.unit === m && p.profile === 'MEMBER')!);
  }
  const centreManager: Person = {
    id: uuidFrom(random),
    username: 'centro.gestor',
    unit: OFFICES,
    profile: 'MANAGER',
    secretaria: true,
  };
  people.push(centreManager);
  const deviceToken = (p: Person) => `bench-device-${p.username}`;
  const created = iso(now - 400 * day);
  await copy(
    db,
    'users',
    ['id', 'username', 'full_name', 'email', 'password_hash', 'totp_secret_enc', 'totp_enabled_at', 'version'],
    people.map((p, i) =>
      line(
        p.id,
        p.username,
        `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${p.username}`,
        `${p.username}@mp.example`,
        passwordHash,
        'bench-no-code-needed',
        created,
        1,
      ),
    ),
  );
  await copy(
    db,
    'assignments',
    ['id', 'user_id', 'unit_id', 'profile', 'secretaria', 'linked_member_id'],
    people.map((p) => line(uuidFrom(random), p.id, units[p.unit].id, p.profile, p.secretaria, p.linkedTo)),
  );
  // Every user's browser is released: the harness signs in as a returning user does.
  await copy(
    db,
    'trusted_devices',
    ['id', 'user_id', 'token_hash', 'user_agent', 'ip', 'last_used_at', 'expires_at'],
    people.map((p) =>
      line(uuidFrom(random), p.id, sha256(deviceToken(p)), 'bench', '127.0.0.1', created, iso(now + 3650 * day)),
    ),
  );

  const group = uuidFrom(random);
  await db.query(
    `INSERT INTO distribution_groups (id, name, unit_id, version) VALUES ($1, 'Distribuição Cível', $2, 1)`,
    [group, units[OFFICES].id],
  );
  for (const m of centreMembers) {
    await db.query(
      `INSERT INTO distribution_group_members (group_id, user_id, weight, unit_id) VALUES ($1, $2, 1, $3)`,
      [group, m.id, units[m.unit].id],
    );
  }

  // Processes. The busy member (second member of the first office, with Secretaria) holds
  // most of its office's conclusos on top of the Secretaria it sees: over 10 000 items at a million.
  const membersOf = (u: number) =>
    people.filter((p) => p.unit === u && ['CHIEF', 'MEMBER', 'ON_DUTY'].includes(p.profile));
  const officeMembers = Array.from({ length: OFFICES }, (_, u) => membersOf(u));
  const staffOf = Array.from({ length: OFFICES }, (_, u) =>
    people.filter((p) => p.unit === u && p.profile === 'MANAGER'),
  );
  const busy = officeMembers[0][1];
  const rafMember = officeMembers[1][1];
  const lotteryCount = Math.min(LOTTERY_BATCH, Math.max(100, Math.floor(options.processes / 20)));
  const sequences = new Map<string, number>();
  interface Proc {
    id: string;
    number: string;
    unit: number;
    level: number;
    location: string;
    holder: string | null;
    responsible: string | null;
    registeredAt: number;
    locatedAt: number;
    events: number;
  }
  const facts = {
    lotteryProcessIds: [] as string[],
    sample: [] as string[],
    numbers: [] as string[],
    few: '',
    many: '',
    events: 0,
    documents: 0,
  };
  const processes: Proc[] = [];
  for (let i = 0; i < options.processes + lotteryCount; i++) {
    const lottery = i >= options.processes;
    const unit = lottery ? OFFICES : i % OFFICES;
    const code = units[unit].code;
    const seq = (sequences.get(code) ?? 0) + 1;
    sequences.set(code, seq);
    const r = random();
    const level = lottery ? 0 : r < 0.85 ? 0 : r < 0.95 ? 1 : 2 + Math.floor(random() * 4);
    const l = random();
    const location = lottery
      ? 'SECRETARIA'
      : l < 0.35
        ? 'SECRETARIA'
        : l < 0.65
          ? 'CONCLUSO'
          : l < 0.9
            ? 'ARCHIVED'
            : 'EXTERNAL';
    const members = lottery ? [] : officeMembers[unit];
    const holder = location !== 'CONCLUSO' ? null : unit === 0 && random() < 0.6 ? busy.id : pick(members).id;
    const registeredAt = now - Math.floor(random() * 5 * 365 * day);
    // A long tail: most processes have a handful of events, a few hundreds.
    const events = Math.min(1500, 3 + Math.floor(-Math.log(1 - random()) * 17));
    processes.push({
      id: uuidFrom(random),
      number: `${code}.${YEAR}.${String(seq).padStart(6, '0')}`,
      unit,
      level,
      location,
      holder,
      responsible: lottery ? null : level >= 2 || random() < 0.6 ? pick(members).id : null,
      registeredAt,
      locatedAt: registeredAt + Math.floor(random() * (now - registeredAt)),
      events,
    });
  }
  const raf = processes.find((p) => p.unit === 1 && p.level === 0)!;
  raf.responsible = rafMember.id;
  for (const p of processes) {
    if (p.unit === OFFICES) facts.lotteryProcessIds.push(p.id);
    else if (p.unit === 0 && p.level <= 1 && facts.sample.length < 1000) facts.sample.push(p.id);
    if (p.unit !== OFFICES && facts.numbers.length < 1000 && p.level === 0) facts.numbers.push(p.number);
  }
  const visible = processes.filter((p) => p.unit === 0 && p.level === 0);
  const few = visible.reduce((a, b) => (b.events < a.events ? b : a));
  const many = visible.reduce((a, b) => (b.events > a.events ? b : a));
  facts.few = few.id;
  facts.many = many.id;

  // Deadlines first: the process rows carry their summary (what the deadline trigger keeps).
  interface Deadline {
    process: Proc;
    kind: 'LEGAL' | 'INTERNAL';
    wait: boolean;
    dueAt: number;
  }
  const deadlines: Deadline[] = [];
  const summaryOf = new Map<string, { waiting: number | null; next: number; internal: boolean; open: number }>();
  for (const p of processes) {
    if (p.location === 'ARCHIVED' || p.unit === OFFICES) continue;
    const mine: Deadline[] = [{ process: p, kind: 'LEGAL', wait: false, dueAt: p.registeredAt + 365 * day }];
    if ((p.location === 'SECRETARIA' || p.location === 'CONCLUSO') && random() < 0.1) {
      mine.push({ process: p, kind: 'INTERNAL', wait: true, dueAt: p.locatedAt + (random() < 0.25 ? -1 : 20) * day });
    }
    deadlines.push(...mine);
    summaryOf.set(p.id, {
      waiting: mine.find((d) => d.wait)?.dueAt ?? null,
      next: Math.min(...mine.map((d) => d.dueAt)),
      internal: mine.some((d) => d.kind === 'INTERNAL'),
      open: mine.length,
    });
  }

  await copy(
    db,
    'processes',
    [
      'id',
      'number',
      'class_code',
      'subject_code',
      'summary',
      'creating_unit_id',
      'unit_id',
      'registered_at',
      'registered_by',
      'priority',
      'secrecy_level',
      'responsible_member_id',
      'location',
      'holder_id',
      'located_at',
      'external_organ',
      'access_key',
      'event_count',
      'search',
      'version',
      'waiting_until',
      'next_due_at',
      'internal_deadline',
      'open_deadlines',
    ],
    (function* () {
      for (const p of processes) {
        const summary = pick(summaries);
        const s = summaryOf.get(p.id);
        const registrar = p.unit === OFFICES ? centreManager : pick(staffOf[p.unit]);
        yield line(
          p.id,
          p.number,
          pick(classes),
          pick(subjects),
          summary,
          units[p.unit].id,
          units[p.unit].id,
          iso(p.registeredAt),
          registrar.id,
          random() < 0.05,
          p.level,
          p.responsible,
          p.location,
          p.holder,
          iso(p.locatedAt),
          p.location === 'EXTERNAL' ? 'Delegacia de Polícia Civil' : null,
          sha256(p.id).slice(0, 12).toUpperCase(),
          p.events,
          '',
          p.events,
          s?.waiting ? iso(s.waiting) : null,
          s ? iso(s.next) : null,
          s?.internal ?? false,
          s?.open ?? 0,
        );
      }
    })(),
  );
  await copy(
    db,
    'deadlines',
    [
      'id',
      'process_id',
      'kind',
      'description',
      'wait',
      'starts_at',
      'due_at',
      'status',
      'created_at',
      'expired_at',
      'warned_at',
    ],
    (function* () {
      for (const d of deadlines) {
        const due = d.dueAt;
        yield line(
          uuidFrom(random),
          d.process.id,
          d.kind,
          d.kind === 'LEGAL' ? 'Prazo legal de conclusão' : 'Resposta a ofício',
          d.wait,
          iso(d.kind === 'LEGAL' ? d.process.registeredAt : d.process.locatedAt),
          iso(due),
          'OPEN',
          iso(d.process.registeredAt),
          // What a worker would have done by now: past-due ones swept, the others warned.
          due <= now ? iso(due) : null,
          iso(Math.min(due, now)),
        );
      }
    })(),
  );
  await copy(
    db,
    'process_parties',
    ['id', 'process_id', 'position', 'name', 'type', 'secret'],
    (function* () {
      for (const p of processes) {
        const n = 1 + Math.floor(random() * 3);
        for (let k = 0; k < n; k++) {
          yield line(
            uuidFrom(random),
            p.id,
            k + 1,
            `${pick(FIRST)} ${pick(LAST)} ${pick(LAST)}`,
            pick(PARTY_TYPES),
            random() < 0.05,
          );
        }
      }
    })(),
  );

  // Events: a long tail per process, in order; the RAF member's month is filled on top.
  const rafMonthStart = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth() - 1, 1);
  const rafMonthEnd = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), 1);
  const rafEvents = Math.min(RAF_EVENTS, Math.max(1000, options.processes));
  await copy(
    db,
    'process_events',
    ['id', 'process_id', 'sequence', 'code', 'actor_id', 'unit_id', 'occurred_at'],
    (function* () {
      for (const p of processes) {
        const members = p.unit === OFFICES ? [centreManager] : officeMembers[p.unit];
        const span = Math.max(1, p.locatedAt - p.registeredAt);
        const count = p === raf ? p.events + rafEvents : p.events;
        for (let k = 0; k < p.events; k++) {
          yield line(
            uuidFrom(random),
            p.id,
            k + 1,
            k === 0 ? movements[0] : pick(movements),
            pick(members).id,
            units[p.unit].id,
            iso(p.registeredAt + Math.floor((span * k) / p.events)),
          );
        }
        for (let k = p.events; k < count; k++) {
          yield line(
            uuidFrom(random),
            p.id,
            k + 1,
            pick(movements),
            rafMember.id,
            units[p.unit].id,
            // Away from the month's edges: the export's month is the institution's, not UTC's.
            iso(
              rafMonthStart + day + Math.floor(((rafMonthEnd - rafMonthStart - 2 * day) * (k - p.events)) / rafEvents),
            ),
          );
        }
        facts.events += count;
      }
    })(),
  );
  await db.query(`UPDATE processes SET event_count = event_count + $2 WHERE id = $1`, [raf.id, rafEvents]);

  await copy(
    db,
    'documents',
    [
      'id',
      'process_id',
      'unit_id',
      'type_code',
      'title',
      'format',
      'html',
      'secrecy_level',
      'status',
      'standalone',
      'created_by',
      'created_at',
      'updated_at',
      'signed_by',
      'signed_at',
      'sha256',
      'version',
    ],
    (function* () {
      for (const p of processes) {
        if (p.unit === OFFICES) continue;
        const n = p === many ? 60 : p === few ? 0 : Math.floor(random() * 4);
        for (let k = 0; k < n; k++) {
          const html = `<p>Documento ${k + 1} do processo ${p.number}.</p>`;
          const by = pick(officeMembers[p.unit]).id;
          const at = iso(p.registeredAt + k * 1000);
          facts.documents += 1;
          yield line(
            uuidFrom(random),
            p.id,
            units[p.unit].id,
            pick(docTypes),
            `Documento ${k + 1}`,
            'HTML',
            html,
            random() < 0.05 ? Math.min(5, p.level + 1) : p.level,
            'SIGNED',
            false,
            by,
            at,
            at,
            by,
            at,
            sha256(html),
            1,
          );
        }
      }
    })(),
  );
  await copy(
    db,
    'process_custody',
    ['id', 'process_id', 'unit_id', 'holder_id', 'from_at', 'to_at'],
    (function* () {
      for (const p of processes) {
        yield line(uuidFrom(random), p.id, units[p.unit].id, p.holder, iso(p.locatedAt), null);
      }
    })(),
  );
  // Explicit rules on one process in a hundred: a colleague of another office allowed, someone denied.
  const granter = officeMembers[0][0].id;
  await copy(
    db,
    'access_rules',
    ['id', 'process_id', 'user_id', 'effect', 'granted_by', 'granted_at'],
    (function* () {
      for (const p of processes) {
        if (p.unit === OFFICES || random() >= 0.01) continue;
        const other = officeMembers[(p.unit + 1) % OFFICES];
        yield line(
          uuidFrom(random),
          p.id,
          pick(other).id,
          random() < 0.8 ? 'ALLOW' : 'DENY',
          granter,
          iso(p.locatedAt),
        );
      }
    })(),
  );
  await copy(
    db,
    'distributions',
    ['id', 'process_id', 'kind', 'member_id', 'distributor_id', 'starts_on', 'started_at'],
    (function* () {
      for (const p of processes) {
        if (!p.responsible) continue;
        yield line(
          uuidFrom(random),
          p.id,
          'MANUAL',
          p.responsible,
          centreManager.id,
          iso(p.registeredAt).slice(0, 10),
          iso(p.registeredAt),
        );
      }
    })(),
  );
  for (const [code, last] of sequences) {
    await db.query(`INSERT INTO process_number_sequences (unit_code, year, last_value) VALUES ($1, $2, $3)`, [
      code,
      YEAR,
      last,
    ]);
  }
  // The tallies' and the search vectors' triggers were off with the rest: written once.
  await db.query(REBUILD_BOX_TALLIES_SQL);
  for (const statement of REWRITE_PROCESS_SEARCH_SQL) await db.query(statement);
  await db.query(`VACUUM ANALYZE`);

  const login = (p: Person): BenchLogin => ({ username: p.username, deviceToken: deviceToken(p) });
  return {
    processes: processes.length,
    events: facts.events,
    documents: facts.documents,
    password: BENCH_PASSWORD,
    busyMember: login(busy),
    members: officeMembers.flatMap((ms) => ms.slice(1, 4)).map(login),
    centreManager: login(centreManager),
    groupId: group,
    lotteryProcessIds: facts.lotteryProcessIds,
    detailIds: { few: facts.few, many: facts.many, sample: facts.sample },
    numbers: facts.numbers,
    rafMember: login(rafMember),
    rafMonth: new Date(rafMonthStart).toISOString().slice(0, 7),
    rafEvents,
  };
}
