import * as fc from 'fast-check';

/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface JsonSchema {
  $ref?: string;
  allOf?: JsonSchema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  example?: unknown;
  default?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

interface OperationObject {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  security?: unknown[];
  responses: Record<string, { description?: string }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, JsonSchema> };
}

export interface Operation {
  /** `POST /api/v1/processes/{id}/conclude` */
  id: string;
  method: string;
  path: string;
  authenticated: boolean;
  /** Profiles the route requires, as its 403 response documents ("Requires ADMIN or CHIEF"). */
  profiles: string[];
  jsonBody?: JsonSchema;
  multipartBody?: JsonSchema;
  parameters: Parameter[];
}

/** One request of the fuzzer. `refused`: the input breaks the contract, so it must get a 4xx. */
export interface FuzzCase {
  label: string;
  method: string;
  url: string;
  refused: boolean;
  /** Raw request body and its content type; absent: no body. */
  body?: { contentType: string; text: string };
  multipart?: { fields: [string, string][]; file?: { content: Buffer; type: string } };
}

/** Valid values for names the fuzzer cannot invent: real ids and catalogue codes of the test's office. */
export interface Fixtures {
  /** By body field name (`unitId`, `classCode`, …). */
  fields: Record<string, unknown>;
  /** By the path segment before the parameter (`units` for `/units/{id}`), or the parameter's name. */
  pathParams: Record<string, string>;
  /**
   * The current `version` of the entity each resource's routes act on (`processes` for
   * `/processes/{id}/conclude`): with a stale one the service answers 409 before it reads
   * the rest of the body, and a hole in the DTO would go unseen.
   */
  versions: Record<string, number>;
}

/** Just over 100 KiB: past the longest free text the contract takes outside documents (100 000 characters). */
const OVERSIZED_STRING = 'x'.repeat(100 * 1024 + 1);
/** Values of other JSON types tried on each field. */
const WRONG_TYPES_PER_FIELD = 3;
/** One past the largest list the contract accepts (the lottery's 10 000 process ids). */
const OVERSIZED_ARRAY_LENGTH = 10_001;

/** Hostile but well-formed text: bidi overrides, emoji, combining marks, SQL and HTML. */
export const HOSTILE_TEXT = [
  '\u202Egnp.exe\u202C \u200F\u0645\u0631\u062D\u0628\u0627\u200E',
  '👩🏽‍⚖️🏛️📂 processo 🔒',
  'Z̸̡̛̛a̴̢͘l̵̨̕g̷̢͝o̶͠',
  "'; DROP TABLE processes; --",
  "1' OR '1'='1",
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '${processo.numero} {{7*7}} %s%n',
] as const;

/** Path parameters no route may take: not ids, traversal, encoded NUL, broken encoding, payloads. */
const BAD_PATH_VALUES = [
  'nao-e-uuid',
  '..%2F..%2Fetc%2Fpasswd',
  '%2E%2E',
  'a'.repeat(4_000),
  '%00',
  '7d3f1c2a-9b4e-4c1d-8f6a-2b5e9c0d1a3f%00',
  '%E0%A4%A',
  '-1',
  '99999999999999999999999',
  '00000000-0000-0000-0000-000000000000',
  ...HOSTILE_TEXT.map(encodeURIComponent),
];

/** Query values that break any declared type, plus the repetitions and nesting qs turns into arrays and objects. */
function badQueryParts(name: string, schema: JsonSchema | undefined): { part: string; refused: boolean }[] {
  const numeric = schema?.type === 'number' || schema?.type === 'integer';
  const typed = numeric || schema?.type === 'boolean' || !!schema?.enum || !!schema?.format;
  const n = encodeURIComponent(name);
  return [
    { part: `${n}=1&${n}=2`, refused: true },
    { part: `${n}[]=1&${n}[]=2`, refused: true },
    { part: `${n}[a]=1`, refused: true },
    { part: `${n}=1e400`, refused: typed },
    { part: `${n}=-1`, refused: typed },
    { part: `${n}=99999999999999999999999`, refused: typed },
    { part: `${n}=%00`, refused: true },
    { part: `${n}=${'9'.repeat(5_000)}`, refused: typed },
    ...HOSTILE_TEXT.map((text) => ({ part: `${n}=${encodeURIComponent(text)}`, refused: typed })),
  ];
}

const PROFILE_PATTERN = /^Requires ([A-Z_]+(?: or [A-Z_]+)*)$/;

/** Every operation of the document, with its request schemas resolved. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => {
      const forbidden = op.responses['403']?.description ?? '';
      return {
        id: `${method.toUpperCase()} ${path}`,
        method,
        path,
        authenticated: !!op.security?.length,
        profiles: PROFILE_PATTERN.exec(forbidden)?.[1].split(' or ') ?? [],
        jsonBody: op.requestBody?.content['application/json']?.schema,
        multipartBody: op.requestBody?.content['multipart/form-data']?.schema,
        parameters: op.parameters ?? [],
      };
    }),
  );
}

/** FNV-1a, so each operation draws from its own seed: adding a route does not reshuffle the others. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Values drawn by fast-check from a fixed seed: the same cases on every run. */
class Draws {
  private n = 0;
  constructor(private readonly seed: number) {}

  one<T>(arbitrary: fc.Arbitrary<T>): T {
    return this.many(arbitrary, 1)[0];
  }

  many<T>(arbitrary: fc.Arbitrary<T>, count: number): T[] {
    return fc.sample(arbitrary, { seed: (this.seed + this.n++) | 0, numRuns: count });
  }
}

type Path = (string | number)[];

interface Leaf {
  path: Path;
  schema: JsonSchema;
  required: boolean;
}

const notNumeric = fc.string({ minLength: 1 }).filter((s) => Number.isNaN(Number(s)) && !/^(true|false)$/.test(s));
const smallObject = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 8 }), {
  minKeys: 1,
  maxKeys: 3,
});

/** A value of another JSON type than the schema's. */
function wrongType(schema: JsonSchema): fc.Arbitrary<unknown> {
  switch (schema.type) {
    case 'integer':
    case 'number':
      return fc.oneof(notNumeric, fc.boolean(), fc.array(fc.integer(), { minLength: 1, maxLength: 3 }), smallObject);
    case 'boolean':
      return fc.oneof(notNumeric, fc.integer({ min: 2 }), smallObject, fc.array(fc.boolean(), { minLength: 1 }));
    case 'array':
      return fc.oneof(fc.string(), fc.integer(), smallObject);
    case 'object':
      return fc.oneof(fc.string(), fc.integer(), fc.array(fc.integer(), { maxLength: 3 }));
    default:
      return fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), smallObject, {
        arbitrary: fc.array(fc.string(), { minLength: 1, maxLength: 3 }),
        weight: 1,
      });
  }
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function setAt(root: unknown, path: Path, value: unknown, remove = false): unknown {
  const copy = clone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

/**
 * Generates the requests of one fuzzing run from the OpenAPI document: a valid-looking
 * base request per operation (schema examples and the test's fixtures), then one defect
 * at a time. Values come from fast-check with a fixed seed.
 */
export class OpenApiFuzzer {
  constructor(
    private readonly doc: OpenApiDocument,
    private readonly seed: number,
    private readonly fixtures: Fixtures,
    /** Fields whose contract takes more than 100 kB of text (rich-text documents). */
    private readonly largeTextFields: ReadonlySet<string>,
  ) {}

  resolve(schema: JsonSchema): JsonSchema {
    if (schema.$ref) return this.resolve(this.doc.components.schemas[schema.$ref.split('/').pop()!]);
    if (schema.allOf) {
      const parts = schema.allOf.map((s) => this.resolve(s));
      return parts.length === 1
        ? { ...parts[0], nullable: schema.nullable ?? parts[0].nullable }
        : {
            type: 'object',
            properties: Object.assign({}, ...parts.map((p) => p.properties)),
            required: parts.flatMap((p) => p.required ?? []),
          };
    }
    return schema;
  }

  /** A value that satisfies the schema, preferring fixtures, examples and defaults. */
  valid(schema: JsonSchema, name?: string, fields = this.fixtures.fields): unknown {
    const s = this.resolve(schema);
    if (name && name in fields) return fields[name];
    if (s.enum) return s.enum[0];
    if (s.example !== undefined) return s.example;
    if (s.default !== undefined) return s.default;
    switch (s.type) {
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const key of s.required ?? []) out[key] = this.valid(s.properties?.[key] ?? {}, key, fields);
        return out;
      }
      case 'array':
        return [this.valid(s.items ?? {}, name, fields)];
      case 'integer':
      case 'number':
        return Math.max(s.minimum ?? 1, Math.min(s.maximum ?? 1, 1));
      case 'boolean':
        return false;
      default:
        if (s.format === 'uuid') return '7d3f1c2a-9b4e-4c1d-8f6a-2b5e9c0d1a3f';
        if (s.format === 'date') return '2026-03-02';
        if (s.format === 'date-time') return '2026-03-02T12:00:00-03:00';
        return 'Texto de teste';
    }
  }

  /** Every field of a body, nested objects and the first item of lists included. */
  private leaves(schema: JsonSchema, value: unknown, path: Path = [], required = true): Leaf[] {
    const s = this.resolve(schema);
    const own: Leaf[] = path.length ? [{ path, schema: s, required }] : [];
    if (s.type === 'object' || s.properties) {
      const props = s.properties ?? {};
      return [
        ...own,
        ...Object.entries(props).flatMap(([key, child]) =>
          this.leaves(
            child,
            (value as Record<string, unknown> | undefined)?.[key],
            [...path, key],
            !!s.required?.includes(key),
          ),
        ),
      ];
    }
    if (s.type === 'array' && s.items && Array.isArray(value) && value.length) {
      return [...own, ...this.leaves(s.items, value[0], [...path, 0], true)];
    }
    return own;
  }

  /** A valid body for the operation, carrying the current version of the entity it acts on. */
  private validBody(op: Operation, schema: JsonSchema): unknown {
    const resource = op.path.split('/')[3];
    const version = this.fixtures.versions[resource];
    return this.valid(
      schema,
      undefined,
      version === undefined ? this.fixtures.fields : { ...this.fixtures.fields, version },
    );
  }

  private url(op: Operation, pathValues: Record<string, string> = {}, query = ''): string {
    const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      if (name in pathValues) return pathValues[name];
      const before =
        op.path
          .slice(0, op.path.indexOf(`{${name}}`))
          .split('/')
          .filter(Boolean)
          .pop() ?? '';
      const param = op.parameters.find((p) => p.in === 'path' && p.name === name);
      const value =
        this.fixtures.pathParams[`${before}/${name}`] ??
        this.fixtures.pathParams[name] ??
        (param?.schema ? String(this.valid(param.schema, name)) : 'x');
      return encodeURIComponent(value);
    });
    const required = op.parameters
      .filter((p) => p.in === 'query' && p.required)
      .map((p) => `${p.name}=${encodeURIComponent(String(this.valid(p.schema ?? {}, p.name)))}`);
    return `${path}${[...required, query].filter(Boolean).length ? '?' : ''}${[...required, query].filter(Boolean).join('&')}`;
  }

  private json(op: Operation, url: string, label: string, text: string, refused: boolean): FuzzCase {
    return { label, method: op.method, url, refused, body: { contentType: 'application/json', text } };
  }

  /** The defective requests of an operation: every one must be refused, and none may write. */
  badInput(op: Operation): FuzzCase[] {
    const draw = new Draws(this.seed ^ hash(op.id));
    const url = this.url(op);
    const cases: FuzzCase[] = [this.json(op, url, 'truncated JSON', '{"a": [1, "', true)];

    for (const param of op.parameters.filter((p) => p.in === 'path')) {
      const values = [...BAD_PATH_VALUES, draw.one(fc.uuid({ version: 4 }))];
      for (const value of values) {
        cases.push({
          label: `path ${param.name}=${value.slice(0, 40)}`,
          method: op.method,
          url: this.url(op, { [param.name]: value }),
          refused: true,
          ...this.baseBody(op),
        });
      }
    }

    const query = op.parameters.filter((p) => p.in === 'query');
    if (query.length) {
      cases.push({
        label: 'unknown query parameter',
        method: op.method,
        url: this.url(op, {}, 'zzz=1'),
        refused: true,
      });
      for (const param of query) {
        for (const { part, refused } of badQueryParts(param.name, param.schema && this.resolve(param.schema))) {
          cases.push({ label: `query ${part.slice(0, 50)}`, method: op.method, url: this.url(op, {}, part), refused });
        }
      }
    }

    if (op.jsonBody) cases.push(...this.badJsonBodies(op, url, draw));
    if (op.multipartBody) cases.push(...this.badMultipartBodies(op, url, draw));
    return cases;
  }

  private baseBody(op: Operation): Pick<FuzzCase, 'body' | 'multipart'> {
    if (op.jsonBody)
      return { body: { contentType: 'application/json', text: JSON.stringify(this.validBody(op, op.jsonBody)) } };
    if (op.multipartBody) return { multipart: this.validMultipart(op.multipartBody) };
    return {};
  }

  private badJsonBodies(op: Operation, url: string, draw: Draws): FuzzCase[] {
    const schema = this.resolve(op.jsonBody!);
    const base = this.validBody(op, schema) as Record<string, unknown>;
    const send = (label: string, body: unknown) => this.json(op, url, label, JSON.stringify(body), true);
    const cases: FuzzCase[] = [
      this.json(op, url, 'JSON array', '[]', true),
      this.json(op, url, 'JSON string', '"texto"', true),
      this.json(op, url, 'JSON null', 'null', true),
      this.json(op, url, 'JSON number', '42', true),
      this.json(op, url, 'deeply nested JSON', `${'['.repeat(5_000)}${']'.repeat(5_000)}`, true),
    ];
    const unknownName = draw.one(
      fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !(k in (schema.properties ?? {})) && k !== '__proto__'),
    );
    cases.push(
      send(`unknown field ${JSON.stringify(unknownName)}`, { ...base, [unknownName]: draw.one(fc.jsonValue()) }),
    );
    const rest = JSON.stringify(base).slice(1);
    cases.push(
      this.json(
        op,
        url,
        'unknown field __proto__',
        `{"__proto__":{"isAdmin":true}${rest === '}' ? '' : ','}${rest}`,
        true,
      ),
    );
    cases.push(send('unknown field constructor', { ...base, constructor: { prototype: { isAdmin: true } } }));
    if (schema.required?.length && schema.required.length === Object.keys(schema.properties ?? {}).length) {
      // Sent as text/plain the body is never parsed: every required field is then missing.
      cases.push({
        ...send('JSON sent as text/plain', base),
        body: { contentType: 'text/plain', text: JSON.stringify(base) },
      });
    }

    for (const leaf of this.leaves(schema, base)) {
      const field = leaf.path.join('.');
      const name = String(leaf.path.filter((p) => typeof p === 'string').pop());
      const s = leaf.schema;
      for (const wrong of draw.many(wrongType(s), WRONG_TYPES_PER_FIELD)) {
        cases.push(send(`${field}: wrong type ${JSON.stringify(wrong).slice(0, 30)}`, setAt(base, leaf.path, wrong)));
      }
      if (leaf.required && !s.nullable) cases.push(send(`${field}: null`, setAt(base, leaf.path, null)));
      if (leaf.required && typeof leaf.path[leaf.path.length - 1] === 'string') {
        cases.push(send(`${field}: missing`, setAt(base, leaf.path, undefined, true)));
      }
      if ((s.type === 'object' || s.properties) && leaf.path.length) {
        cases.push(send(`${field}: unknown nested field`, setAt(base, [...leaf.path, 'campoDesconhecido'], 1)));
      }
      if (s.type === 'array') {
        const item = this.valid(s.items ?? {});
        // A lone item where the list goes: `each` validators alone take a string for a list.
        cases.push(send(`${field}: one item, not a list`, setAt(base, leaf.path, item)));
        const length = s.maxItems !== undefined ? s.maxItems + 1 : OVERSIZED_ARRAY_LENGTH;
        cases.push(send(`${field}: ${length} items`, setAt(base, leaf.path, Array(length).fill(item))));
      } else {
        cases.push(send(`${field}: a list of the value`, setAt(base, leaf.path, [this.valid(s, name)])));
      }
      if (s.type === 'integer' || s.type === 'number') {
        for (const n of [
          1e308,
          -1e308,
          2 ** 53 + 1,
          ...(s.minimum !== undefined ? [s.minimum - 1] : []),
          ...(s.maximum !== undefined ? [s.maximum + 1] : []),
        ]) {
          cases.push(send(`${field}: ${n}`, setAt(base, leaf.path, n)));
        }
        if (s.type === 'integer') cases.push(send(`${field}: 1.5`, setAt(base, leaf.path, 1.5)));
      }
      if (s.type === 'string' || (!s.type && !s.properties)) {
        const formatted = !!(s.format || s.enum || s.pattern);
        cases.push(send(`${field}: NUL byte`, setAt(base, leaf.path, `antes\u0000depois`)));
        if (!this.largeTextFields.has(name))
          cases.push(send(`${field}: 100 kB`, setAt(base, leaf.path, OVERSIZED_STRING)));
        if (formatted) {
          const text = draw.one(fc.constantFrom(...HOSTILE_TEXT));
          cases.push(send(`${field}: ${JSON.stringify(text).slice(0, 30)}`, setAt(base, leaf.path, text)));
          cases.push(
            send(
              `${field}: random text`,
              setAt(base, leaf.path, draw.one(fc.string({ unit: 'binary', minLength: 1 }))),
            ),
          );
        }
      }
    }
    return cases;
  }

  private validMultipart(schema: JsonSchema): NonNullable<FuzzCase['multipart']> {
    const s = this.resolve(schema);
    const fields = Object.entries(s.properties ?? {})
      .filter(([key, p]) => s.required?.includes(key) && p.format !== 'binary')
      .map(([key, p]): [string, string] => [key, String(this.valid(p, key))]);
    return { fields, file: { content: Buffer.from('%PDF-1.4\n%%EOF\n'), type: 'application/pdf' } };
  }

  private badMultipartBodies(op: Operation, url: string, draw: Draws): FuzzCase[] {
    const base = this.validMultipart(op.multipartBody!);
    const s = this.resolve(op.multipartBody!);
    const form = (label: string, multipart: NonNullable<FuzzCase['multipart']>): FuzzCase => ({
      label,
      method: op.method,
      url,
      refused: true,
      multipart,
    });
    const without = (key: string) => base.fields.filter(([k]) => k !== key);
    const cases: FuzzCase[] = [
      form('no file', { fields: base.fields }),
      form('not a PDF', { ...base, file: { content: Buffer.from('MZ\x90\x00 not a pdf'), type: 'application/pdf' } }),
      form('unknown field', { ...base, fields: [...base.fields, ['campoDesconhecido', '1']] }),
      { ...this.json(op, url, 'JSON instead of multipart', JSON.stringify(Object.fromEntries(base.fields)), true) },
      {
        label: 'broken multipart',
        method: op.method,
        url,
        refused: true,
        body: {
          contentType: 'multipart/form-data; boundary=xyz',
          text: '--xyz\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc',
        },
      },
    ];
    for (const [key, prop] of Object.entries(s.properties ?? {})) {
      if (prop.format === 'binary') continue;
      const others = without(key);
      if (s.required?.includes(key)) cases.push(form(`${key}: missing`, { ...base, fields: others }));
      cases.push(form(`${key}: 100 kB`, { ...base, fields: [...others, [key, OVERSIZED_STRING]] }));
      cases.push(form(`${key}: NUL byte`, { ...base, fields: [...others, [key, 'antes\u0000depois']] }));
      const text = draw.one(fc.constantFrom(...HOSTILE_TEXT));
      if (prop.type !== 'string')
        cases.push(form(`${key}: ${text.slice(0, 20)}`, { ...base, fields: [...others, [key, text]] }));
    }
    return cases;
  }

  /**
   * Hostile but well-formed text in the free-text fields of an otherwise valid request:
   * a party may well be called "O'Brien <b>", so these may be accepted and written.
   */
  hostileText(op: Operation): FuzzCase[] {
    if (!op.jsonBody) return [];
    const schema = this.resolve(op.jsonBody);
    const base = this.validBody(op, schema);
    const url = this.url(op);
    return this.leaves(schema, base)
      .filter(({ schema: s }) => s.type === 'string' && !s.format && !s.enum && !s.pattern)
      .flatMap(({ path }) => {
        const name = String(path.filter((p) => typeof p === 'string').pop());
        const texts: string[] = [
          ...HOSTILE_TEXT,
          ...(this.largeTextFields.has(name) ? [`<p>${OVERSIZED_STRING}</p>`] : []),
        ];
        return texts.map((text) =>
          this.json(
            op,
            url,
            `${path.join('.')}: ${JSON.stringify(text).slice(0, 30)}`,
            JSON.stringify(setAt(base, path, text)),
            false,
          ),
        );
      });
  }
}
