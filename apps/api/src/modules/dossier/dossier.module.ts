import { Module } from '@nestjs/common';
import { ProcessesModule } from '../processes/processes.module';
import { DossierController } from './dossier.controller';
import { DossierReader } from './dossier-reader';
import { DossierService } from './dossier.service';

/** The whole process (autos) as PDF or HTML: "Baixar processo como pdf", "Visualizar processo com html". */
@Module({
  imports: [ProcessesModule],
  controllers: [DossierController],
  providers: [DossierReader, DossierService],
})
export class DossierModule {}
