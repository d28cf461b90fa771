import { describe, expect, it } from 'vitest';
import { readSchemas, schemaOfText, schemaText } from '../src/api/scripting-shapes.js';

describe('a script schema as its field holds it', () => {
  it('reads nothing as no schema, an object as the schema, anything else as what is wrong with it', () => {
    expect(schemaOfText('  \n')).toEqual({ schema: null });
    expect(schemaOfText('{ "type": "object" }')).toEqual({ schema: { type: 'object' } });
    expect(schemaOfText('{ "type": ')).toEqual({ problem: 'json' });
    for (const text of ['[1]', '"object"', 'null', '3']) expect(schemaOfText(text)).toEqual({ problem: 'object' });
  });

  it('shows a schema as indented JSON and none as an empty field, and reads both back', () => {
    const schema = { type: 'object', required: ['a'] };
    expect(schemaOfText(schemaText(schema))).toEqual({ schema });
    expect(schemaText(null)).toBe('');
    expect(readSchemas({ input: schemaText(schema), output: '' })).toEqual({ ok: true, inputSchema: schema, outputSchema: null });
    expect(readSchemas({ input: '[', output: '[]' })).toEqual({ ok: false, problems: { input: 'json', output: 'object' } });
  });
});
