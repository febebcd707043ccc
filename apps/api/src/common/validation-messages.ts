/**
 * class-validator's default messages are English sentences naming the property
 * ("version must be an integer number"); staff read them in Portuguese, and the field is
 * named beside the message already. Each default is recognised by its wording; a message
 * a DTO wrote itself matches none and passes as it is.
 */
const DEFAULTS: [RegExp, (value: string) => string][] = [
  [/ must be an integer number$/, () => 'deve ser um número inteiro'],
  [/ must not be less than (.+)$/, (n) => `não pode ser menor que ${n}`],
  [/ must not be greater than (.+)$/, (n) => `não pode ser maior que ${n}`],
  [/ must be a number conforming to the specified constraints$/, () => 'deve ser um número'],
  [/ must be a positive number$/, () => 'deve ser um número positivo'],
  [/ must be a string$/, () => 'deve ser um texto'],
  [/ must be a boolean value$/, () => 'deve ser true ou false'],
  [/ must be an array$/, () => 'deve ser uma lista'],
  [/ must be an object$/, () => 'deve ser um objeto'],
  [/ must be a UUID$/, () => 'deve ser um UUID'],
  [/ must be an email$/, () => 'deve ser um endereço de e-mail'],
  [/ must be a valid ISO 8601 date string$/, () => 'deve ser uma data ISO 8601 (AAAA-MM-DD)'],
  [/ must be one of the following values: (.*)$/, (v) => `deve ser um destes valores: ${v}`],
  [/ must be longer than or equal to (\d+) characters$/, (n) => `deve ter ao menos ${n} caracteres`],
  [/ must be shorter than or equal to (\d+) characters$/, (n) => `deve ter no máximo ${n} caracteres`],
  [/ must contain at least (\d+) elements$/, (n) => `deve ter ao menos ${n} itens`],
  [/ must contain no more than (\d+) elements$/, (n) => `deve ter no máximo ${n} itens`],
  [/^All .+'s elements must be unique$/, () => 'não pode repetir itens'],
  [/ must match .+ regular expression$/, () => 'não está no formato esperado'],
  [/ should not be empty$/, () => 'não pode ser vazio'],
  [/ should not be null or undefined$/, () => 'é obrigatório'],
  [/^nested property .+ must be either object or array$/, () => 'deve ser um objeto ou uma lista'],
  [/^property .+ should not exist$/, () => 'campo desconhecido'],
];

/** The message in Portuguese when it is one of class-validator's defaults; otherwise as given. */
export function inPortuguese(message: string): string {
  for (const [pattern, say] of DEFAULTS) {
    const match = pattern.exec(message);
    if (match) return say(match[1]);
  }
  return message;
}
