import { Global, Module } from '@nestjs/common';
import { CataloguesController } from './catalogues.controller';
import { CodedCatalogueService } from './coded-catalogue.service';
import { CODED_CATALOGUE_CONTROLLERS } from './coded-catalogues';
import { HolidaysService } from './holidays.service';
import { InstitutionSettingsService } from './institution-settings.service';
import { LegalDeadlinesService } from './legal-deadlines.service';

/** Catalogues (DOMAIN §3, §6) and institution settings; the settings are read everywhere. */
@Global()
@Module({
  controllers: [...CODED_CATALOGUE_CONTROLLERS, CataloguesController],
  providers: [CodedCatalogueService, LegalDeadlinesService, HolidaysService, InstitutionSettingsService],
  exports: [InstitutionSettingsService],
})
export class CataloguesModule {}
