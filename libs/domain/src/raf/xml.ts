/**
 * The RAF file's markup as strings (docs/raf.md). The export writes a batch of events at a
 * time: a builder call per element cost more than reading the rows (docs/performance.md).
 * Element and attribute names are this module's own constants; values come already made
 * XML-safe by the mapping (xmlAttribute, xmlText) and are escaped here, so no stored value
 * can make the file ill-formed.
 */
import type { RafActivityRow, RafEventRow } from './mapping';
import {
  RAF_NAMESPACE,
  RAF_SCHEMA_VERSION,
  rafActivityAttributes,
  rafEventAttributes,
  rafMemberAttributes,
  xmlText,
} from './mapping';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const MARKUP_IN_ATTRIBUTE = /[&<>"]/;
const MARKUP_IN_TEXT = /[&<>]/g;
const entity = (c: string) => ENTITIES[c];

function attributes(values: Record<string, string>): string {
  let out = '';
  for (const name in values) {
    const value = values[name];
    out += ` ${name}="${MARKUP_IN_ATTRIBUTE.test(value) ? value.replace(/[&<>"]/g, entity) : value}"`;
  }
  return out;
}

const empty = (name: string, values: Record<string, string>) => `<${name}${attributes(values)}/>`;

export interface RafFileHead {
  exportId: string;
  generatedAt: Date;
  month: string;
  reexport: boolean;
  member: Parameters<typeof rafMemberAttributes>[0];
}

/** From the declaration to the opening of `<events>`. */
export function rafFileHead(head: RafFileHead): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<raf${attributes({
      xmlns: RAF_NAMESPACE,
      schemaVersion: RAF_SCHEMA_VERSION,
      exportId: head.exportId,
      generatedAt: head.generatedAt.toISOString(),
      competencia: head.month,
      reexport: String(head.reexport),
    })}>` +
    empty('member', rafMemberAttributes(head.member)) +
    '<events>'
  );
}

/** A batch of `<event/>` elements, in the order given. */
export function rafEventElements(events: readonly RafEventRow[]): string {
  let out = '';
  for (const e of events) out += empty('event', rafEventAttributes(e));
  return out;
}

export interface RafFileTotal {
  movementCode: string;
  unitCode: string;
  count: number;
}

/** From the closing of `<events>` to just before `<integrity>`: the totals and the activities. */
export function rafFileBody(
  eventCount: number,
  totals: readonly RafFileTotal[],
  activities: readonly RafActivityRow[],
): string {
  let out = `</events><totals${attributes({ eventCount: String(eventCount) })}>`;
  for (const t of totals) {
    out += empty('total', { movementCode: t.movementCode, unitCode: t.unitCode, count: String(t.count) });
  }
  out += `</totals><activities${attributes({ count: String(activities.length) })}>`;
  for (const a of activities) {
    out += `<activity${attributes(rafActivityAttributes(a))}>${xmlText(a.description).replace(MARKUP_IN_TEXT, entity)}</activity>`;
  }
  return `${out}</activities>`;
}

/**
 * The end of the file. The file's own hash cannot be inside it: the integrity element
 * carries the SHA-256 of every byte before it, which a reader recomputes by cutting there.
 */
export function rafFileTail(precedingSha256: string): string {
  return `<integrity algorithm="SHA-256" scope="preceding-bytes">${precedingSha256}</integrity></raf>`;
}
