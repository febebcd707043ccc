import type { Schemas } from '../../api';

type Assignment = Schemas['MeAssignment'];

/** The units whose attendances the user reads (its staff, not interns): the server's mayReadAttendancesOf. */
export function attendanceUnits(assignments: readonly Assignment[]): string[] {
  return [...new Set(assignments.filter((a) => a.unitId && a.profile !== 'INTERN').map((a) => a.unitId!))];
}

/** The units where the user records attendances: where it registers processes, or is the Protocolo. */
export function attendingUnits(assignments: readonly Assignment[]): string[] {
  return [
    ...new Set(
      assignments.filter((a) => a.unitId && (a.mayRegister || a.profile === 'PROTOCOL')).map((a) => a.unitId!),
    ),
  ];
}
