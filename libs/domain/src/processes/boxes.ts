/** The boxes of DOMAIN §3.1, as the API names them. */
export const BOXES = [
  'inbox',
  'waiting',
  'outbox',
  'external',
  'archived',
  'trash',
  'secretaria',
  'conclusos',
  'deadlines',
  'distributed-to-me',
  'drafts',
] as const;
export type Box = (typeof BOXES)[number];
