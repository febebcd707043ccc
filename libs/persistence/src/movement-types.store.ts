import type { EntityManager } from 'typeorm';

/** The movement taxonomy (`movement_types`), as the operations that record a movement read it. */
export class MovementTypesStore {
  constructor(private readonly db: EntityManager) {}

  /** Whether a person records the active type `code` ("Movimentar"); undefined when no active type has it. */
  async manualIfActive(code: string): Promise<boolean | undefined> {
    const [row] = await this.db.query<{ manual: boolean }[]>(
      `SELECT manual FROM movement_types WHERE code = $1 AND active`,
      [code],
    );
    return row?.manual;
  }
}
