import { Module } from '@nestjs/common';
import { RafController } from './raf.controller';
import { ExportRaf } from './raf-export.use-case';
import { RafService } from './raf.service';

/** The RAF (relatório de atividade funcional): activities, preview, exports. */
@Module({
  controllers: [RafController],
  providers: [RafService, ExportRaf],
})
export class RafModule {}
