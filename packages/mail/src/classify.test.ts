import type { NodemailerError } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { classifySmtpError } from './classify.js';

const error = (code: string, responseCode?: number): NodemailerError => Object.assign(new Error(code), { code, responseCode });

describe('classifySmtpError', () => {
  it('reads the reply class of a refused message: 4xx temporary, 5xx permanent, 503 temporary', () => {
    expect(classifySmtpError(error('EENVELOPE', 450))).toBe('temporary');
    expect(classifySmtpError(error('EENVELOPE', 452))).toBe('temporary');
    expect(classifySmtpError(error('EMESSAGE', 421))).toBe('temporary');
    expect(classifySmtpError(error('EENVELOPE', 550))).toBe('permanent');
    expect(classifySmtpError(error('EMESSAGE', 552))).toBe('permanent');
    expect(classifySmtpError(error('EMESSAGE', 503))).toBe('temporary');
  });

  it('takes connection and account failures as temporary, whatever the reply', () => {
    for (const code of ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS']) expect(classifySmtpError(error(code))).toBe('temporary');
    expect(classifySmtpError(error('EAUTH', 535))).toBe('temporary');
    expect(classifySmtpError(error('ETLS', 500))).toBe('temporary');
  });

  it('takes a message that cannot be built or addressed as permanent', () => {
    expect(classifySmtpError(error('EENVELOPE'))).toBe('permanent');
    expect(classifySmtpError(error('EMAXRECIPIENTS'))).toBe('permanent');
  });
});
