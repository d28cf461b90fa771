import { describe, expect, it } from 'vitest';
import { defineErrors } from './error-catalogue.js';
import { AppError, defaultTitle, errorCodeOf, isAppError, notFound, validationError } from './errors.js';
import './kernel-errors.js';

// The codes these tests construct AppErrors with (outside production an undeclared code throws).
defineErrors('errors-test', {
  KERNEL_SOMETHING_BROKE: { status: 500 },
  CONTENT_POST_LOCKED: { status: 409 },
  CONTENT_POST_NOT_FOUND: { status: 404 },
  AUTH_DENIED: { status: 403 },
  A1_B2: { status: 500 },
  OAUTH2_TOKEN_EXPIRED: { status: 401 },
});

describe('AppError', () => {
  it('carries code, detail and defaults (status 500, its title, no field errors, no meta)', () => {
    const error = new AppError('KERNEL_SOMETHING_BROKE', 'Something broke');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(AppError);
    expect(error.name).toBe('AppError');
    expect(error.code).toBe('KERNEL_SOMETHING_BROKE');
    expect(error.message).toBe('Something broke');
    expect(error.status).toBe(500);
    expect(error.title).toBe('Internal server error');
    expect(error.errors).toEqual([]);
    expect(error.meta).toEqual({});
    expect(error.cause).toBeUndefined();
    expect('cause' in error).toBe(false);
  });

  it('keeps the options it is given', () => {
    const cause = new Error('root cause');
    const errors = [{ path: 'a.b', message: 'is required' }];
    const error = new AppError('CONTENT_POST_LOCKED', 'The post is locked', {
      status: 409,
      title: 'Post locked',
      errors,
      meta: { postId: 'p1' },
      cause,
    });
    expect(error.status).toBe(409);
    expect(error.title).toBe('Post locked');
    expect(error.errors).toEqual(errors);
    expect(error.meta).toEqual({ postId: 'p1' });
    expect(error.cause).toBe(cause);
  });

  it('takes the default title of its status when no title is given', () => {
    expect(new AppError('AUTH_DENIED', 'no', { status: 403 }).title).toBe('Forbidden');
    expect(new AppError('ID_INVALID', 'no', { status: 400 }).title).toBe('Bad request');
  });

  it.each(['bad', 'BAD', 'Bad_Code', 'bad_code', '_BAD_CODE', 'BAD__CODE', 'BAD_CODE_', '1BAD_CODE', 'BAD-CODE', 'BAD CODE', ''])(
    'refuses the code %j with a TypeError',
    (code) => {
      expect(() => new AppError(code, 'detail')).toThrow(TypeError);
      expect(() => new AppError(code, 'detail')).toThrow(`Error code "${code}" is not SCREAMING_SNAKE with a module prefix`);
    },
  );

  it.each(['ID_INVALID', 'VALIDATION_FAILED', 'KERNEL_MODULE_DEPENDENCY_CYCLE', 'A1_B2', 'OAUTH2_TOKEN_EXPIRED'])(
    'accepts the code %s',
    (code) => {
      expect(new AppError(code, 'detail').code).toBe(code);
    },
  );
});

describe('isAppError', () => {
  it('is true only for AppError instances', () => {
    expect(isAppError(new AppError('ID_INVALID', 'x'))).toBe(true);
    expect(isAppError(new Error('x'))).toBe(false);
    expect(isAppError({ code: 'ID_INVALID', status: 400, message: 'x' })).toBe(false);
    expect(isAppError(null)).toBe(false);
    expect(isAppError(undefined)).toBe(false);
  });
});

describe('defaultTitle', () => {
  it.each([
    [400, 'Bad request'],
    [401, 'Unauthorized'],
    [403, 'Forbidden'],
    [404, 'Not found'],
    [409, 'Conflict'],
    [413, 'Payload too large'],
    [415, 'Unsupported media type'],
    [422, 'Unprocessable content'],
    [429, 'Too many requests'],
    [500, 'Internal server error'],
    [503, 'Service unavailable'],
    [418, 'Request error'],
    [499, 'Request error'],
    [502, 'Server error'],
    [504, 'Server error'],
  ])('%i -> %s', (status, title) => {
    expect(defaultTitle(status)).toBe(title);
  });
});

describe('validationError', () => {
  it('lists every failing field with status 422 and code VALIDATION_FAILED', () => {
    const fields = [
      { path: '/title', message: 'is required' },
      { path: '/variants/0/sku', message: 'must NOT have fewer than 1 characters' },
    ];
    const error = validationError(fields);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.status).toBe(422);
    expect(error.title).toBe('Validation failed');
    expect(error.message).toBe('The request input is invalid');
    expect(error.errors).toEqual(fields);
  });

  it('uses the detail it is given', () => {
    const error = validationError([{ path: 'x', message: 'is wrong' }], 'The settings are invalid');
    expect(error.message).toBe('The settings are invalid');
    expect(error.errors).toEqual([{ path: 'x', message: 'is wrong' }]);
  });
});

describe('notFound', () => {
  it('makes a 404 with the given code and detail', () => {
    const error = notFound('CONTENT_POST_NOT_FOUND', 'Post p1 does not exist');
    expect(error.code).toBe('CONTENT_POST_NOT_FOUND');
    expect(error.message).toBe('Post p1 does not exist');
    expect(error.status).toBe(404);
    expect(error.title).toBe('Not found');
  });

  it('still enforces the code pattern', () => {
    expect(() => notFound('missing', 'x')).toThrow(TypeError);
  });
});

describe('errorCodeOf', () => {
  it('reads a string code from an AppError, a database error or any object, and nothing else', () => {
    expect(errorCodeOf(new AppError('CONTENT_POST_LOCKED', 'locked', { status: 409 }))).toBe('CONTENT_POST_LOCKED');
    expect(errorCodeOf(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe('23505');
    expect(errorCodeOf({ code: 'MER_ERR_GQL_QUERY_DEPTH' })).toBe('MER_ERR_GQL_QUERY_DEPTH');
    for (const value of [undefined, null, 'EACCES', 42, new Error('plain'), { code: 7 }]) expect(errorCodeOf(value)).toBeUndefined();
  });
});
