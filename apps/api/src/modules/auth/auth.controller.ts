import { type AppConfig } from '@acervo/runtime';
import { Body, Controller, Delete, Get, HttpCode, Logger, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { InjectConfig } from '../../common/app-config';
import { type Actor, Client, type ClientInfo, CurrentActor } from '../../common/auth/actor';
import { Authenticated, Public } from '../../common/auth/authenticated.decorator';
import {
  ConfirmEnrollmentRequest,
  DisableConfirmRequest,
  DisableRequest,
  EnrollmentResponse,
  EnrollmentTokenRequest,
  ForgotPasswordRequest,
  LoginRequest,
  LoginResponse,
  LogoutRequest,
  RecoveryCodesResponse,
  RefreshRequest,
  ResetPasswordRequest,
  SessionTokensResponse,
  TokenRequest,
  TrustedDeviceResponse,
  VerifyRequest,
} from './dto/auth.dto';
import { LoginService } from './login.service';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';
import { TRUSTED_DEVICE_COOKIE, TrustedDeviceService } from './trusted-device.service';
import { TwoFactorService } from './two-factor.service';

/** The enrollment token: Bearer header first, else the body's enrollmentToken. */
const enrollmentToken = (req: Request, body?: EnrollmentTokenRequest) =>
  req.headers.authorization?.replace(/^Bearer\s+/i, '') || body?.enrollmentToken || undefined;

@ApiTags('auth')
@Controller('auth')
@UseGuards(ThrottlerGuard)
@ApiTooManyRequestsResponse({ description: 'Too many requests from this address; wait a minute' })
export class AuthController {
  private readonly logger = new Logger(AuthController.name);

  constructor(
    private readonly login: LoginService,
    private readonly twoFactor: TwoFactorService,
    private readonly sessions: SessionService,
    private readonly devices: TrustedDeviceService,
    private readonly passwords: PasswordService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Password step; then the code (totp_required), the 2FA enrollment (enrollment_required), or — from a trusted device — the session',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong credentials: the same answer whether or not the user exists' })
  signIn(@Body() body: LoginRequest, @Req() req: Request, @Client() client: ClientInfo): Promise<LoginResponse> {
    // cookie-parser turns a value starting with "j:" into JSON: only a string can be ours.
    const device: unknown = req.cookies?.[TRUSTED_DEVICE_COOKIE];
    return this.login.login(body.username, body.password, client, typeof device === 'string' ? device : undefined);
  }

  @Public()
  @Post('totp/enrollment')
  @HttpCode(200)
  @ApiOperation({ summary: 'New TOTP secret, otpauth URL and QR code (Authorization: Bearer <enrollmentToken>)' })
  @ApiOkResponse({ type: EnrollmentResponse })
  enroll(
    @Req() req: Request,
    @Body() body: EnrollmentTokenRequest,
    @Client() client: ClientInfo,
  ): Promise<EnrollmentResponse> {
    return this.twoFactor.enroll(enrollmentToken(req, body), client);
  }

  @Public()
  @Post('totp/enrollment/confirm')
  @HttpCode(202)
  @ApiOperation({
    summary: 'A current code + e-mail: mails the activation link (Authorization: Bearer <enrollmentToken>)',
  })
  @ApiAcceptedResponse({ description: 'Activation link sent' })
  async confirm(@Req() req: Request, @Body() body: ConfirmEnrollmentRequest, @Client() client: ClientInfo) {
    await this.twoFactor.confirm(enrollmentToken(req, body), body.code, body.email, client);
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
  @ApiOperation({
    summary:
      'The code (or a recovery code) after the password; returns the session tokens, and with trustDevice sets the acervo_td cookie',
  })
  @ApiOkResponse({ type: SessionTokensResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong or reused code ("Código de autenticação inválido")' })
  async verify(
    @Body() body: VerifyRequest,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionTokensResponse> {
    const { device, ...tokens } = await this.twoFactor.verify(body.challengeToken, body, client);
    if (device) {
      res.cookie(TRUSTED_DEVICE_COOKIE, device.token, {
        httpOnly: true,
        sameSite: 'strict',
        // Secure everywhere but plain-http development.
        secure: this.config.appUrl.startsWith('https:'),
        path: '/api/v1/auth',
        expires: device.expiresAt,
      });
    }
    return { status: 'authenticated', ...tokens };
  }

  @Public()
  @Post('totp/disable-request')
  @HttpCode(202)
  @ApiOperation({ summary: '"Desativar 2FA": mails a link to the enrollment e-mail; always 202' })
  @ApiAcceptedResponse({ description: 'Accepted; a mail goes out only when the account has 2FA' })
  requestDisable(@Body() body: DisableRequest, @Client() client: ClientInfo): void {
    // Answered before the work is done, so the timing says nothing about the account.
    this.inBackground(this.twoFactor.requestDisable(body.username, client));
  }

  @Public()
  @Post('totp/disable')
  @HttpCode(204)
  @ApiOperation({ summary: 'The disable link and the password: 2FA off, sessions and trusted devices ended' })
  async disable(@Body() body: DisableConfirmRequest, @Client() client: ClientInfo): Promise<void> {
    await this.twoFactor.disable(body.token, body.password, client);
  }

  @Authenticated()
  @Get('trusted-devices')
  @ApiOperation({ summary: 'The browsers released from the code step ("Dispositivos liberados")' })
  @ApiOkResponse({ type: [TrustedDeviceResponse] })
  async trustedDevices(@CurrentActor() actor: Actor): Promise<TrustedDeviceResponse[]> {
    return (await this.devices.list(actor.userId)).map((d) => ({
      id: d.id,
      userAgent: d.userAgent,
      createdAt: d.createdAt.toISOString(),
      lastUsedAt: d.lastUsedAt.toISOString(),
      expiresAt: d.expiresAt.toISOString(),
    }));
  }

  @Authenticated()
  @Delete('trusted-devices')
  @HttpCode(204)
  @ApiOperation({ summary: '"Cancelar dispositivos liberados": every one of them asks for the code again' })
  async cancelTrustedDevices(@CurrentActor() actor: Actor, @Client() client: ClientInfo): Promise<void> {
    await this.twoFactor.cancelDevices(actor.userId, client);
  }

  @Public()
  @Post('password/forgot')
  @HttpCode(202)
  @ApiOperation({ summary: 'Username (or CPF) + e-mail: mails a single-use reset link; always 202' })
  @ApiAcceptedResponse({ description: 'Accepted; a mail goes out only when both match one account' })
  forgot(@Body() body: ForgotPasswordRequest, @Client() client: ClientInfo): void {
    this.inBackground(this.passwords.forgot(body.username, body.email, client));
  }

  @Public()
  @Post('password/reset')
  @HttpCode(204)
  @ApiOperation({
    summary: 'The reset (or first-password) link and the new password; ends sessions and trusted devices',
  })
  async reset(@Body() body: ResetPasswordRequest, @Client() client: ClientInfo): Promise<void> {
    await this.passwords.reset(body.token, body.password, client);
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
  async logout(
    @CurrentActor() actor: Actor,
    @Body() _body: LogoutRequest,
    @Client() client: ClientInfo,
  ): Promise<void> {
    await this.sessions.close(actor.userId, actor.sessionId, client);
  }

  private inBackground(work: Promise<void>): void {
    work.catch((error: unknown) => this.logger.error(error));
  }
}
