import { CNMP_LEGAL_DEADLINES, DEFAULT_INSTITUTION_SETTINGS, MOVEMENTS } from '@acervo/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const CODED = (table: string, extra = '') => `
  CREATE TABLE "${table}" (
    "code" text NOT NULL,
    "name" text NOT NULL,
    "active" boolean NOT NULL DEFAULT true,
    ${extra}
    "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    "version" integer NOT NULL,
    CONSTRAINT "PK_${table}" PRIMARY KEY ("code")
  )`;

const CLASSES: [string, string, string][] = [
  ['NF', 'Notícia de Fato', 'EXTRAJUDICIAL'],
  ['PP', 'Procedimento Preparatório', 'EXTRAJUDICIAL'],
  ['IC', 'Inquérito Civil', 'EXTRAJUDICIAL'],
  ['PIC', 'Procedimento Investigatório Criminal', 'EXTRAJUDICIAL'],
  ['PA', 'Procedimento Administrativo', 'EXTRAJUDICIAL'],
  ['65', 'Ação Civil Pública', 'JUDICIAL'],
  ['64', 'Ação Civil de Improbidade Administrativa', 'JUDICIAL'],
  ['283', 'Ação Penal - Procedimento Ordinário', 'JUDICIAL'],
  ['120', 'Mandado de Segurança Cível', 'JUDICIAL'],
];

// A starter set in the shape of the CNJ subject table; institutions import their own.
const SUBJECTS: [string, string][] = [
  ['10011', 'Improbidade Administrativa'],
  ['10012', 'Dano ao Erário'],
  ['10110', 'Meio Ambiente'],
  ['10111', 'Poluição'],
  ['11806', 'Saúde'],
  ['9997', 'Educação'],
  ['10432', 'Direito do Consumidor'],
  ['5894', 'Infância e Juventude'],
  ['10028', 'Patrimônio Público'],
  ['10287', 'Idoso'],
  ['10288', 'Pessoa com Deficiência'],
  ['3370', 'Crimes contra a Administração Pública'],
  ['5555', 'Violência Doméstica contra a Mulher'],
  ['10295', 'Urbanismo'],
];

const DOCUMENT_TYPES: [string, string, boolean][] = [
  ['PORTARIA', 'Portaria', true],
  ['DESPACHO', 'Despacho', false],
  ['OFICIO', 'Ofício', false],
  ['CERTIDAO', 'Certidão', false],
  ['DECISAO', 'Decisão', true],
  ['PROMOCAO', 'Promoção/Parecer', true],
  ['PROMOCAO_ARQUIVAMENTO', 'Promoção de arquivamento', true],
  ['RECOMENDACAO', 'Recomendação', true],
  ['TERMO', 'Termo', false],
  ['DECLARACAO_IMPEDIMENTO', 'Declaração de impedimento/suspeição', false],
  ['TERMO_CANCELAMENTO_DISTRIBUICAO', 'Termo de cancelamento de distribuição', false],
  ['PETICAO', 'Petição', false],
  ['REPRESENTACAO', 'Representação', false],
];

export class Catalogues1764000000100 implements MigrationInterface {
  name = 'Catalogues1764000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(CODED('classes', `"kind" text NOT NULL,`));
    await q.query(CODED('subjects', `"parent_code" text,`));
    await q.query(
      `ALTER TABLE "subjects" ADD CONSTRAINT "FK_subjects_parent" FOREIGN KEY ("parent_code") REFERENCES "subjects"("code") ON DELETE RESTRICT`,
    );
    await q.query(CODED('movement_types'));
    await q.query(CODED('document_types', `"decisory" boolean NOT NULL DEFAULT false,`));
    await q.query(`
      CREATE TABLE "legal_deadline_rules" (
        "class_code" text NOT NULL,
        "duration_amount" integer NOT NULL,
        "duration_unit" text NOT NULL,
        "extension_amount" integer,
        "extension_unit" text,
        "max_extensions" integer,
        "legal_basis" text NOT NULL,
        CONSTRAINT "PK_legal_deadline_rules" PRIMARY KEY ("class_code"),
        CONSTRAINT "FK_legal_deadline_rules_class" FOREIGN KEY ("class_code") REFERENCES "classes"("code") ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE "holidays" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "date" date NOT NULL,
        "name" text NOT NULL,
        "scope" text NOT NULL,
        "uf" character(2),
        "city" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_holidays" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "IDX_holidays_date" ON "holidays" ("date")`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_holidays_date_place" ON "holidays" ("date", "scope", coalesce("uf", ''), coalesce(lower("city"), ''))`,
    );
    await q.query(`
      CREATE TABLE "institution_settings" (
        "id" smallint NOT NULL DEFAULT 1,
        "time_zone" text NOT NULL,
        "trusted_device_days" integer NOT NULL,
        "deadline_warning_days" integer NOT NULL,
        "year_end_recess" boolean NOT NULL,
        "secrecy_assignment" jsonb NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "CHK_institution_settings_single" CHECK ("id" = 1),
        CONSTRAINT "PK_institution_settings" PRIMARY KEY ("id")
      )`);

    for (const [code, name, kind] of CLASSES) {
      await q.query(`INSERT INTO classes (code, name, kind, version) VALUES ($1, $2, $3, 1)`, [code, name, kind]);
    }
    for (const [code, name] of SUBJECTS) {
      await q.query(`INSERT INTO subjects (code, name, version) VALUES ($1, $2, 1)`, [code, name]);
    }
    for (const { code, name } of Object.values(MOVEMENTS)) {
      await q.query(`INSERT INTO movement_types (code, name, version) VALUES ($1, $2, 1)`, [code, name]);
    }
    for (const [code, name, decisory] of DOCUMENT_TYPES) {
      await q.query(`INSERT INTO document_types (code, name, decisory, version) VALUES ($1, $2, $3, 1)`, [
        code,
        name,
        decisory,
      ]);
    }
    for (const r of CNMP_LEGAL_DEADLINES) {
      await q.query(
        `INSERT INTO legal_deadline_rules (class_code, duration_amount, duration_unit, extension_amount, extension_unit,
           max_extensions, legal_basis) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          r.classCode,
          r.duration.amount,
          r.duration.unit,
          r.extension?.amount ?? null,
          r.extension?.unit ?? null,
          r.maxExtensions,
          r.legalBasis,
        ],
      );
    }
    const s = DEFAULT_INSTITUTION_SETTINGS;
    await q.query(
      `INSERT INTO institution_settings (id, time_zone, trusted_device_days, deadline_warning_days, year_end_recess,
         secrecy_assignment, version) VALUES (1, $1, $2, $3, $4, $5, 1)`,
      [s.timeZone, s.trustedDeviceDays, s.deadlineWarningDays, s.yearEndRecess, JSON.stringify(s.secrecyAssignment)],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "institution_settings"`);
    await q.query(`DROP TABLE "holidays"`);
    await q.query(`DROP TABLE "legal_deadline_rules"`);
    await q.query(`DROP TABLE "document_types"`);
    await q.query(`DROP TABLE "movement_types"`);
    await q.query(`DROP TABLE "subjects"`);
    await q.query(`DROP TABLE "classes"`);
  }
}
