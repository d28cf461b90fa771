/** Hostile or malformed input, grouped by class; each must be refused with a 400 for both kinds. */
export const MALFORMED: Readonly<Record<string, readonly string[]>> = {
  sql: ["' OR 1=1 --", "acme'; DROP TABLE tenants; --", 'acme" OR "1"="1', '1 UNION SELECT password FROM users', 'acme;--'],
  script: ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '{{7*7}}', '$' + '{jndi:ldap://x}'],
  traversal: [
    '../admin',
    '..',
    '../../etc/passwd',
    '..\\..\\windows',
    '%2e%2e',
    '%2E%2E%2Fadmin',
    '..%2f..%2f',
    '%252e%252e',
    'acme/../../x',
  ],
  unicode: ['аcme', 'acme\u200b', 'ａｃｍｅ', '\u212Acme', 'café', 'acme\u0000', 'acme\u202Eemca', 'ac\u0301me', 'acme\n', 'ac\tme'],
  overlong: ['a'.repeat(254), `${'a'.repeat(250)}.com`, 'x'.repeat(100_000)],
};
