import { describe, expect, it } from 'vitest';
import { attendanceUnits, attendingUnits } from './attendance-access';

const a = (unitId: string | null, profile: string, mayRegister = false) =>
  ({ unitId, profile, secretaria: false, secrecyCap: 0, mayRegister }) as never;

describe('attendance access in the client', () => {
  it('reads the units of its staff assignments, never as an intern or institution-wide', () => {
    expect(attendanceUnits([a('u1', 'ANALYST'), a('u2', 'INTERN'), a(null, 'ADMIN'), a('u1', 'MEMBER')])).toEqual([
      'u1',
    ]);
  });

  it('records where it registers processes, or at the Protocolo', () => {
    expect(attendingUnits([a('u1', 'ANALYST', true), a('u2', 'PROTOCOL'), a('u3', 'INSPECTOR')])).toEqual(['u1', 'u2']);
  });
});
