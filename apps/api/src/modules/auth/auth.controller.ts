import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { type Actor, Client, type ClientInfo, CurrentActor } from '../../common/auth/actor';
import { Authenticated, Public } from '../../common/auth/authenticated.decorator';
import {
  ConfirmEnrollmentRequest,
  EnrollmentResponse,
  LoginRequest,
  LoginResponse,
  RecoveryCodesResponse,
  RefreshRequest,
  SessionTokensResponse,
  TokenRequest,
  VerifyRequest,
} from './dto/auth.dto';
import { LoginService } from './login.service';
import { SessionService } from './session.service';
import { TwoFactorService } from './two-factor.service';

const bearer = (req: Request) => req.headers.authorization?.replace(/^Bearer\s+/i, '') || undefined;

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly login: LoginService,
    private readonly twoFactor: TwoFactorService,
    private readonly sessions: SessionService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Password step; then the code (totp_required) or the 2FA enrollment (enrollment_required)' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong credentials: the same answer whether or not the user exists' })
  signIn(@Body() body: LoginRequest, @Client() client: ClientInfo): Promise<LoginResponse> {
    return this.login.login(body.username, body.password, client);
  }

  @Public()
  @Post('totp/enrollment')
  @HttpCode(200)
  @ApiOperation({ summary: 'New TOTP secret, otpauth URL and QR code (Authorization: Bearer <enrollmentToken>)' })
  @ApiOkResponse({ type: EnrollmentResponse })
  enroll(@Req() req: Request, @Client() client: ClientInfo): Promise<EnrollmentResponse> {
    return this.twoFactor.enroll(bearer(req), client);
  }

  @Public()
  @Post('totp/enrollment/confirm')
  @HttpCode(202)
  @ApiOperation({
    summary: 'A current code + e-mail: mails the activation link (Authorization: Bearer <enrollmentToken>)',
  })
  @ApiAcceptedResponse({ description: 'Activation link sent' })
  async confirm(@Req() req: Request, @Body() body: ConfirmEnrollmentRequest, @Client() client: ClientInfo) {
    await this.twoFactor.confirm(bearer(req), body.code, body.email, client);
  }

  @Public()
  @Post('totp/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'The token from the activation link; returns the 10 recovery codes, once' })
  @ApiOkResponse({ type: RecoveryCodesResponse })
  async activate(@Body() body: TokenRequest, @Client() client: ClientInfo): Promise<RecoveryCodesResponse> {
    return { recoveryCodes: await this.twoFactor.activate(body.token, client) };
  }

  @Public()
  @Post('totp/verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'The code (or a recovery code) after the password; returns the session tokens' })
  @ApiOkResponse({ type: SessionTokensResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong or reused code ("Código de autenticação inválido")' })
  async verify(@Body() body: VerifyRequest, @Client() client: ClientInfo): Promise<SessionTokensResponse> {
    const tokens = await this.twoFactor.verify(body.challengeToken, body, client);
    return { status: 'authenticated', ...tokens };
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new token pair; the refresh token used is spent (reuse ends the session)' })
  @ApiOkResponse({ type: SessionTokensResponse })
  async refresh(@Body() body: RefreshRequest, @Client() client: ClientInfo): Promise<SessionTokensResponse> {
    return { status: 'authenticated', ...(await this.sessions.refresh(body.refreshToken, client)) };
  }

  @Authenticated()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Ends this session: its access and refresh tokens stop working' })
  async logout(@CurrentActor() actor: Actor, @Client() client: ClientInfo): Promise<void> {
    await this.sessions.close(actor.userId, actor.sessionId, client);
  }
}
