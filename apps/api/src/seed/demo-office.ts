import { nationalHolidays, type Profile } from '@acervo/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditTrail } from '../common/audit/audit-trail';
import { seedDemoProcesses } from './demo-processes';

/** The believable office of `pnpm seed:demo`: who works where, as what. */
const UNITS = [
  { code: '058', name: '58ª Promotoria de Justiça da Capital', kind: 'PROSECUTION_OFFICE', city: 'Maceió', uf: 'AL' },
  { code: '061', name: '61ª Promotoria de Justiça da Capital', kind: 'PROSECUTION_OFFICE', city: 'Maceió', uf: 'AL' },
  { code: 'CDC', name: 'Centro de Distribuição da Capital', kind: 'DISTRIBUTION_CENTER', city: 'Maceió', uf: 'AL' },
  { code: 'PROT', name: 'Protocolo Geral', kind: 'PROTOCOL', city: 'Maceió', uf: 'AL' },
] as const;

type UnitCode = (typeof UNITS)[number]['code'];

interface DemoUser {
  username: string;
  fullName: string;
  cpf: string;
  registrationNumber: string;
  assignments: { unit: UnitCode; profile: Profile; secretaria?: boolean; linkedTo?: string }[];
}

// CPFs are valid but fictitious (check digits computed, no real person intended).
const USERS: DemoUser[] = [
  {
    username: 'chefe',
    fullName: 'Helena Duarte Cavalcanti',
    cpf: '11144477735',
    registrationNumber: '1001',
    assignments: [{ unit: '058', profile: 'CHIEF' }],
  },
  {
    username: 'corregedor',
    fullName: 'Augusto Lins Ferreira',
    cpf: '52998224725',
    registrationNumber: '1002',
    assignments: [
      { unit: '058', profile: 'INSPECTOR' },
      { unit: '061', profile: 'INSPECTOR' },
    ],
  },
  {
    username: 'promotor',
    fullName: 'Rafael Monteiro Barros',
    cpf: '39053344705',
    registrationNumber: '1003',
    assignments: [{ unit: '058', profile: 'MEMBER' }],
  },
  {
    username: 'promotora',
    fullName: 'Beatriz Albuquerque Rocha',
    cpf: '15350946056',
    registrationNumber: '1004',
    assignments: [{ unit: '061', profile: 'MEMBER' }],
  },
  {
    username: 'plantonista',
    fullName: 'Carlos Eduardo Tenório',
    cpf: '86288366757',
    registrationNumber: '1005',
    assignments: [{ unit: '058', profile: 'ON_DUTY' }],
  },
  {
    username: 'gerente',
    fullName: 'Marta Vasconcelos Lima',
    cpf: '71428793860',
    registrationNumber: '2001',
    assignments: [
      { unit: '058', profile: 'MANAGER', secretaria: true },
      { unit: 'CDC', profile: 'MANAGER' },
    ],
  },
  {
    username: 'analista',
    fullName: 'João Pedro Amorim',
    cpf: '04213665089',
    registrationNumber: '2002',
    assignments: [{ unit: '058', profile: 'ANALYST', secretaria: true, linkedTo: 'promotor' }],
  },
  {
    username: 'assistente',
    fullName: 'Luana Carvalho Prado',
    cpf: '93541134780',
    registrationNumber: '2003',
    assignments: [{ unit: '058', profile: 'ASSISTANT', linkedTo: 'promotor' }],
  },
  {
    username: 'estagiario',
    fullName: 'Pedro Henrique Sarmento',
    cpf: '28625587887',
    registrationNumber: 'E-301',
    assignments: [{ unit: '058', profile: 'INTERN' }],
  },
  {
    username: 'protocolo',
    fullName: 'Sônia Maria Gusmão',
    cpf: '74682489070',
    registrationNumber: '2004',
    assignments: [{ unit: 'PROT', profile: 'PROTOCOL' }],
  },
];

const GROUPS = [
  { name: 'Assessoria da 58ª PJ', unit: '058' as UnitCode, members: ['analista', 'assistente', 'estagiario'] },
];
const DISTRIBUTION_GROUPS = [
  {
    name: 'Distribuição Cível da Capital',
    unit: 'CDC' as UnitCode,
    // Each member with the promotoria a drawn process is sent to.
    members: [
      { username: 'promotor', unit: '058' as UnitCode },
      { username: 'promotora', unit: '061' as UnitCode },
      { username: 'chefe', unit: '058' as UnitCode },
    ],
  },
];

/** Templates with the homologated tags (DOMAIN §7): the institution's and a promotoria's. */
const TEMPLATES: { name: string; typeCode: string; unit: UnitCode | null; author: string; body: string }[] = [
  {
    name: 'Portaria de instauração',
    typeCode: 'PORTARIA',
    unit: null,
    author: 'chefe',
    body: [
      '<h1>Portaria nº ${numeroDocumento}</h1>',
      '<p>Processo ${processo.numeracao.numero} — ${processo.classe.itemCodigo} - ${processo.classe.nome}.</p>',
      '<p>Assunto: ${processo.assunto.codAssunto} - ${processo.assunto.nome}. Origem: ${processo.numeroOrigem}.</p>',
      '<p>${interessado}${interessado.tipoInteressado.nome}: ${interessado.nome}</p>',
      '<p>Registrado em ${processo.dataRegistro} por ${processo.orgaoCriador.nome}.</p>',
      '<p class="text-right">Maceió/AL, ${dia} de ${mesExtenso} de ${ano}.</p>',
    ].join(''),
  },
  {
    name: 'Ofício de requisição de informações',
    typeCode: 'OFICIO',
    unit: '058',
    author: 'promotor',
    body: [
      '<p>Ofício nº ${numeroDocumento} — ${processo.orgaoAtual.nome}</p>',
      '<p>Em atenção ao processo ${processo.numeracao.numero}, distribuído em ${distribuicao.dataInicial}, ',
      'requisito as informações no prazo de dez dias.</p>',
      '<p class="text-right">Maceió/AL, ${dia} de ${mesExtenso} de ${ano}.</p>',
    ].join(''),
  },
];

export interface DemoOfficeResult {
  created: string[];
  existing: string[];
  processes: number;
}

/**
 * Fills an office with units, one user of every profile, groups, a distribution group, templates,
 * the national holidays and a few hundred processes, in one transaction. Idempotent: what exists (by unit code, username, group
 * name) is left as it is, so a second run adds nothing and changes no password.
 */
export async function seedDemoOffice(
  dataSource: DataSource,
  passwordHash: string,
  today: Date = new Date(),
): Promise<DemoOfficeResult> {
  const audit = new AuditTrail();
  const result: DemoOfficeResult = { created: [], existing: [], processes: 0 };
  await dataSource.transaction(async (tx) => {
    const record = (entityType: string, entityId: string, after: object) =>
      audit.record(tx, null, {
        action: `${entityType}.created`,
        entityType,
        entityId,
        after: { ...after, source: 'seed:demo' },
      });

    const unitIds = new Map<string, string>();
    for (const unit of UNITS) {
      const [row] = await tx.query<{ id: string; inserted: boolean }[]>(
        `INSERT INTO units (code, name, kind, city, uf, version) VALUES ($1, $2, $3, $4, $5, 1)
         ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code
         RETURNING id, (xmax = 0) AS inserted`,
        [unit.code, unit.name, unit.kind, unit.city, unit.uf],
      );
      unitIds.set(unit.code, row.id);
      if (row.inserted) await record('unit', row.id, unit);
    }

    const userIds = new Map<string, string>();
    for (const user of USERS) {
      const [existing] = await tx.query<{ id: string }[]>(`SELECT id FROM users WHERE lower(username) = $1`, [
        user.username,
      ]);
      if (existing) {
        userIds.set(user.username, existing.id);
        result.existing.push(user.username);
        continue;
      }
      const [row] = await tx.query<{ id: string }[]>(
        `INSERT INTO users (username, full_name, cpf, email, registration_number, password_hash, version)
         VALUES ($1, $2, $3, $4, $5, $6, 1) RETURNING id`,
        [user.username, user.fullName, user.cpf, `${user.username}@acervo.demo`, user.registrationNumber, passwordHash],
      );
      userIds.set(user.username, row.id);
      result.created.push(user.username);
      await record('user', row.id, { username: user.username, fullName: user.fullName });
    }

    // Members first, so the analysts' and assistants' links find them.
    const ordered = USERS.flatMap((u) => u.assignments.map((a) => ({ user: u.username, ...a }))).sort(
      (a, b) => Number(!!a.linkedTo) - Number(!!b.linkedTo),
    );
    for (const a of ordered) {
      await tx.query(
        `INSERT INTO assignments (user_id, unit_id, profile, secretaria, linked_member_id)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [
          userIds.get(a.user),
          unitIds.get(a.unit),
          a.profile,
          a.secretaria ?? false,
          a.linkedTo ? userIds.get(a.linkedTo) : null,
        ],
      );
    }

    for (const group of GROUPS) {
      const id = await insertNamed(tx, 'user_groups', group.name, unitIds.get(group.unit)!);
      if (!id) continue;
      for (const member of group.members) {
        await tx.query(`INSERT INTO user_group_members (group_id, user_id) VALUES ($1, $2)`, [id, userIds.get(member)]);
      }
      await record('group', id, group);
    }
    for (const group of DISTRIBUTION_GROUPS) {
      const id = await insertNamed(tx, 'distribution_groups', group.name, unitIds.get(group.unit)!);
      if (!id) continue;
      for (const member of group.members) {
        await tx.query(`INSERT INTO distribution_group_members (group_id, user_id, unit_id) VALUES ($1, $2, $3)`, [
          id,
          userIds.get(member.username),
          unitIds.get(member.unit),
        ]);
      }
      await record('distribution_group', id, group);
    }

    for (const template of TEMPLATES) {
      const unitId = template.unit ? unitIds.get(template.unit)! : null;
      const [row] = await tx.query<{ id: string }[]>(
        `INSERT INTO templates (name, type_code, unit_id, current_version, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, 1, $4, now(), now()) ON CONFLICT DO NOTHING RETURNING id`,
        [template.name, template.typeCode, unitId, userIds.get(template.author)],
      );
      if (!row) continue;
      await tx.query(
        `INSERT INTO template_versions (template_id, version, name, body, created_by, created_at)
         VALUES ($1, 1, $2, $3, $4, now())`,
        [row.id, template.name, template.body, userIds.get(template.author)],
      );
      await record('template', row.id, { name: template.name, unit: template.unit });
    }

    // This year's and next year's national holidays, so deadlines skip them from day one.
    const year = today.getUTCFullYear();
    for (const holiday of [...nationalHolidays(year), ...nationalHolidays(year + 1)]) {
      const [row] = await tx.query<{ id: string }[]>(
        `INSERT INTO holidays (date, name, scope) VALUES ($1, $2, 'NATIONAL') ON CONFLICT DO NOTHING RETURNING id`,
        [holiday.date, holiday.name],
      );
      if (row) await record('holiday', row.id, holiday);
    }

    // A docket for each promotoria, in its member's hands and its Secretaria.
    for (const [code, member] of [
      ['058', 'promotor'],
      ['061', 'promotora'],
    ] as const) {
      const unit = { id: unitIds.get(code)!, code };
      result.processes += await seedDemoProcesses(tx, unit, userIds.get('gerente')!, userIds.get(member)!, year, 150);
    }
  });
  return result;
}

/** Inserts a named group of a unit unless one of that name exists; the new id, or null. */
async function insertNamed(
  tx: EntityManager,
  table: 'user_groups' | 'distribution_groups',
  name: string,
  unitId: string,
) {
  const rows = await tx.query<{ id: string }[]>(
    `INSERT INTO ${table} (name, unit_id, version) VALUES ($1, $2, 1) ON CONFLICT DO NOTHING RETURNING id`,
    [name, unitId],
  );
  return rows[0]?.id ?? null;
}
