import { Inject } from '@nestjs/common';

/** Injection token of the validated AppConfig (see @acervo/runtime loadConfig). */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const InjectConfig = () => Inject(APP_CONFIG);

/** Injection token of the Clock port. */
export const CLOCK = Symbol('CLOCK');
export const InjectClock = () => Inject(CLOCK);

/** Injection token of the lottery's seed source (the CSPRNG; repeatable seeds in tests only). */
export const SEEDS = Symbol('SEEDS');
export const InjectSeeds = () => Inject(SEEDS);
