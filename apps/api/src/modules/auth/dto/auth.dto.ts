import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { IsMailAddress } from '../../../common/mail-address';

export class LoginRequest {
  @ApiProperty({ description: 'Username (case-insensitive)', example: 'joana.silva' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  username: string;

  @ApiProperty({ description: 'Password (case-sensitive)' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;
}

export class LoginResponse {
  @ApiProperty({ enum: ['authenticated', 'totp_required', 'enrollment_required'] })
  status: 'authenticated' | 'totp_required' | 'enrollment_required';

  @ApiPropertyOptional({ description: 'With status totp_required: send it to POST /auth/totp/verify' })
  challengeToken?: string;

  @ApiPropertyOptional({ description: 'With status enrollment_required: Bearer token of the enrollment endpoints' })
  enrollmentToken?: string;

  @ApiPropertyOptional()
  accessToken?: string;

  @ApiPropertyOptional()
  refreshToken?: string;
}

export class EnrollmentResponse {
  @ApiProperty({ description: 'The TOTP secret in base32, for phones that cannot scan' })
  secret: string;

  @ApiProperty({ example: 'otpauth://totp/Acervo%3Ajoana?secret=…&issuer=Acervo' })
  otpauthUrl: string;

  @ApiProperty({ description: 'The otpauth URL as a PNG QR code (data URL)' })
  qrCodeDataUrl: string;
}

/** The enrollment token may come as `Authorization: Bearer …` or in the body. */
export class EnrollmentTokenRequest {
  @ApiPropertyOptional({ description: 'The enrollmentToken from /auth/login, when not sent as a Bearer token' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  enrollmentToken?: string;
}

export class ConfirmEnrollmentRequest extends EnrollmentTokenRequest {
  @ApiProperty({ description: 'The 6-digit code the authenticator shows now', example: '123456' })
  @IsString()
  @MaxLength(16)
  code: string;

  @ApiProperty({ description: 'Where the activation link (and later the disable link) goes' })
  @IsMailAddress()
  @MaxLength(254)
  email: string;
}

export class TokenRequest {
  @ApiProperty({ description: 'The token from the e-mailed link' })
  @IsString()
  @Length(20, 128)
  token: string;
}

export class RecoveryCodesResponse {
  @ApiProperty({ type: [String], description: '10 single-use recovery codes, shown only this once' })
  recoveryCodes: string[];
}

export class VerifyRequest {
  @ApiProperty()
  @IsString()
  @MaxLength(1024)
  challengeToken: string;

  @ApiPropertyOptional({ description: 'The 6-digit code; or send recoveryCode instead', example: '123456' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  code?: string;

  @ApiPropertyOptional({ description: 'A recovery code, used instead of the code', example: 'abcde-fghjk' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  recoveryCode?: string;

  @ApiPropertyOptional({ description: '"Não usar o 2FA neste dispositivo e navegador"', default: false })
  @IsOptional()
  @IsBoolean()
  trustDevice?: boolean;
}

export class SessionTokensResponse {
  @ApiProperty({ enum: ['authenticated'] })
  status: 'authenticated';

  @ApiProperty({ description: 'Short-lived JWT: Authorization: Bearer …' })
  accessToken: string;

  @ApiProperty({ description: 'Single-use; POST /auth/refresh returns a new pair' })
  refreshToken: string;
}

export class RefreshRequest {
  @ApiProperty()
  @IsString()
  @MaxLength(128)
  refreshToken: string;
}

export class DisableRequest {
  @ApiProperty({ description: 'Username (or CPF) of the account' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  username: string;
}

export class DisableConfirmRequest {
  @ApiProperty({ description: 'The token from the e-mailed link' })
  @IsString()
  @Length(20, 128)
  token: string;

  @ApiProperty({ description: 'The account password: a mailbox alone must not take over an account' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;
}

export class ForgotPasswordRequest {
  @ApiProperty({ description: 'Username (or CPF)' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  username: string;

  @ApiProperty()
  @IsMailAddress()
  @MaxLength(254)
  email: string;
}

export class ResetPasswordRequest {
  @ApiProperty({ description: 'The token from the e-mailed link' })
  @IsString()
  @Length(20, 128)
  token: string;

  @ApiProperty({ description: 'At least 12 characters (a passphrase qualifies), without the username' })
  @IsString()
  @MaxLength(1024)
  password: string;
}

export class TrustedDeviceResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true })
  userAgent: string | null;

  @ApiProperty({ type: String, format: 'date-time', description: 'First use (when it was released)' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time' })
  lastUsedAt: string;

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt: string;
}

export class LogoutRequest {
  @ApiPropertyOptional({ description: "Accepted for clients that send it; the session is the access token's" })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  refreshToken?: string;
}
