// TOTP (RFC 6238) for officials who publish or decide, through otplib: 6 digits, 30 s, one step of
// clock drift either way, as authenticator apps expect.
import { generate, generateSecret, generateURI, verify } from 'otplib';

export const newTotpSecret = (): string => generateSecret();

export async function totpCode(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

export async function checkTotp(secret: string, token: string, at: Date): Promise<boolean> {
  if (!/^\d{6}$/.test(token)) return false;
  const r = await verify({ secret, token, epoch: Math.floor(at.getTime() / 1000), epochTolerance: 30 });
  return r.valid;
}

export const totpUri = (secret: string, label: string): string => generateURI({ issuer: 'Dân chủ cơ sở', label, secret });
