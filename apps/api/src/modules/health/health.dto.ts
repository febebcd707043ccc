import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DependencyState {
  @ApiProperty({ enum: ['up', 'down', 'disabled', 'unknown'] })
  status: 'up' | 'down' | 'disabled' | 'unknown';

  @ApiPropertyOptional()
  message?: string;
}

export class WorkerState extends DependencyState {
  @ApiPropertyOptional({ type: String, format: 'date-time' })
  lastSeenAt?: string;

  @ApiPropertyOptional({ enum: ['queue', 'in-process'] })
  mode?: string;
}

export class HealthReport {
  @ApiProperty({ enum: ['ok', 'error'], description: '"ok" while PostgreSQL answers' })
  status: 'ok' | 'error';

  @ApiProperty({ type: DependencyState })
  db: DependencyState;

  @ApiProperty({ type: DependencyState, description: '"disabled" when the installation runs without Redis' })
  redis: DependencyState;

  @ApiProperty({ type: WorkerState, description: 'From the newest worker heartbeat' })
  worker: WorkerState;
}
