import { Module } from '@nestjs/common';
import { RateLimitModule } from '../../common/rate-limit.module';
import { PublicConsultation } from './public-consultation.service';
import { PublicController } from './public.controller';

/** What citizens see without signing in (DOMAIN §9). */
@Module({
  imports: [RateLimitModule],
  controllers: [PublicController],
  providers: [PublicConsultation],
  exports: [PublicConsultation],
})
export class PublicModule {}
