import { UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GlobalAuthGuard } from './auth.guard';

describe(GlobalAuthGuard.name, () => {
  const sut = new GlobalAuthGuard(new Reflector());

  it('answers 401 for a token that names no open session', () => {
    expect(() => sut.handleRequest(null, false)).toThrow(UnauthorizedException);
  });

  it('lets a failure of the session lookup through (the database away is a 503, not a sign-out)', () => {
    const lost = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(() => sut.handleRequest(lost, false)).toThrow(lost);
  });

  it('passes the actor on', () => {
    const actor = { userId: 'u' };
    expect(sut.handleRequest(null, actor)).toBe(actor);
  });
});
