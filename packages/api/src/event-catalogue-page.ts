/** One event type in one schema version, as the catalogue lists it. */
export interface CatalogueEvent {
  readonly type: string;
  readonly version: number;
  readonly module: string;
  readonly description: string;
  readonly latest: boolean;
  /** Where its payload's JSON Schema is served. */
  readonly schema: string;
  readonly payload: unknown;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

type JsonSchema = {
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly description?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
};

/** A property's type in a few words: `string (uuid)`, `integer`, `array of object`, `"a" | "b"`, `… or null`. */
export const typeOf = (schema: JsonSchema): string => {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' or ');
  const type = typeof schema.type === 'string' ? schema.type : (schema.type?.join(' or ') ?? 'any');
  if (type === 'array' && schema.items) return `array of ${typeOf(schema.items)}`;
  return schema.format ? `${type} (${schema.format})` : type;
};

/** The payload's fields, nested objects' fields indented under theirs (`lines[].sku`). */
const fieldRows = (schema: JsonSchema, prefix = ''): string[] => {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, field]) => {
    const path = `${prefix}${name}`;
    const row = `<tr><td><code>${esc(path)}</code></td><td>${esc(typeOf(field))}</td><td>${required.has(name) ? 'yes' : ''}</td><td>${esc(field.description ?? '')}</td></tr>`;
    const inner = field.type === 'array' ? field.items : field;
    const nested = inner?.properties ? fieldRows(inner, `${path}${field.type === 'array' ? '[]' : ''}.`) : [];
    return [row, ...nested];
  });
};

const eventSection = (event: CatalogueEvent): string => {
  const id = `${event.type}.v${event.version}`;
  const rows = fieldRows(event.payload as JsonSchema);
  return `<section id="${esc(id)}">
<h3><code>${esc(event.type)}</code> <small>v${event.version}${event.latest ? '' : ' (older version)'}</small></h3>
${event.description ? `<p>${esc(event.description)}</p>` : ''}
<p><a href="${esc(event.schema)}">JSON Schema</a></p>
${rows.length ? `<table><thead><tr><th>Field</th><th>Type</th><th>Required</th><th>Meaning</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : '<p>No fields.</p>'}
</section>`;
};

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1c1c1c}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f5f5f5}code{font-size:.92em}h3 small{color:#666;font-weight:normal}nav ul{columns:2}`;

const INTRO = `<p>Every event this deployment publishes, grouped by the module that publishes it. A webhook delivers one
event as a POST whose body is <code>{"type", "timestamp", "schemaVersion", "data"}</code>, <code>data</code> being the
payload described here, signed per the Standard Webhooks specification (headers <code>webhook-id</code>, the same on
every retry; <code>webhook-timestamp</code>; <code>webhook-signature</code>). A payload never changes within a version:
a change is published as a new version beside the old one. The list as JSON: <a href="/api/v1/events">/api/v1/events</a>.</p>`;

/** The event catalogue as one HTML page: a contents list by module, then every event with its fields. */
export const eventCataloguePage = (events: readonly CatalogueEvent[]): string => {
  const modules = [...new Set(events.map((e) => e.module))].sort();
  const contents = modules
    .map((m) => {
      const links = events
        .filter((e) => e.module === m)
        .map((e) => `<li><a href="#${esc(`${e.type}.v${e.version}`)}">${esc(e.type)} v${e.version}</a></li>`);
      return `<li>${esc(m)}<ul>${links.join('')}</ul></li>`;
    })
    .join('');
  const sections = modules
    .map(
      (m) =>
        `<h2 id="module-${esc(m)}">${esc(m)}</h2>${events
          .filter((e) => e.module === m)
          .map(eventSection)
          .join('\n')}`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Event catalogue</title><style>${STYLE}</style></head><body><h1>Event catalogue</h1>${INTRO}
<nav><ul>${contents}</ul></nav>${sections}</body></html>`;
};
