import { IsEmail, type ValidationOptions } from 'class-validator';

/**
 * An e-mail address as the web's e-mail fields and the configuration accept it: a domain
 * without a dot is allowed — the bootstrap administrator's default `admin@localhost`, an
 * intranet's `fulano@mpal` — so that an address the product itself uses can be typed back.
 */
export const IsMailAddress = (options?: ValidationOptions): PropertyDecorator =>
  IsEmail({ require_tld: false }, options);
