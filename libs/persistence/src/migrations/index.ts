import { Authentication1763900000000 } from './1763900000000-Authentication';
import { Foundation1763800000000 } from './1763800000000-Foundation';
import { TrustedDevices1763900000001 } from './1763900000001-TrustedDevices';
import { Organisation1764000000000 } from './1764000000000-Organisation';
import { Catalogues1764000000100 } from './1764000000100-Catalogues';
import { Processes1764100000000 } from './1764100000000-Processes';
import { Documents1764100000001 } from './1764100000001-Documents';
import { AccessRules1764200000000 } from './1764200000000-AccessRules';
import { Deadlines1764300000000 } from './1764300000000-Deadlines';
import { Distribution1764400000000 } from './1764400000000-Distribution';
import { Communications1764400000100 } from './1764400000100-Communications';
import { ReadPathIndexes1764400000200 } from './1764400000200-ReadPathIndexes';
import { Raf1764500000000 } from './1764500000000-Raf';
import { Templates1764600000000 } from './1764600000000-Templates';
import { Attendances1764700000000 } from './1764700000000-Attendances';
import { BenchReadPaths1764800000000 } from './1764800000000-BenchReadPaths';
import { LegalDeadlineTableVersion1764900000000 } from './1764900000000-LegalDeadlineTableVersion';
import { BoxTallies1765000000000 } from './1765000000000-BoxTallies';
import { RafPartsUncompressed1765100000000 } from './1765100000000-RafPartsUncompressed';
import { SearchMaintained1765200000000 } from './1765200000000-SearchMaintained';
import { MovementKinds1765300000000 } from './1765300000000-MovementKinds';

/** In order; each file is one reversible change. */
export const MIGRATIONS = [
  Foundation1763800000000,
  Authentication1763900000000,
  TrustedDevices1763900000001,
  Organisation1764000000000,
  Catalogues1764000000100,
  Processes1764100000000,
  Documents1764100000001,
  AccessRules1764200000000,
  Deadlines1764300000000,
  Distribution1764400000000,
  Communications1764400000100,
  ReadPathIndexes1764400000200,
  Raf1764500000000,
  Templates1764600000000,
  Attendances1764700000000,
  BenchReadPaths1764800000000,
  LegalDeadlineTableVersion1764900000000,
  BoxTallies1765000000000,
  RafPartsUncompressed1765100000000,
  SearchMaintained1765200000000,
  MovementKinds1765300000000,
];
