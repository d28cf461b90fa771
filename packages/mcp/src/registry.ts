import {
  hasPermission,
  type McpPrompt,
  type McpResource,
  type McpSurface,
  type McpTool,
  type ModuleDefinition,
  type Principal,
} from '@rustok/kernel';

const TOOL_NAME = /^[a-z][a-z0-9_]{0,63}$/;

/** Every tool, resource and prompt of the deployment, with the module that declares it. */
export interface ToolRegistry {
  readonly tools: ReadonlyMap<string, RegisteredTool>;
  readonly resources: readonly Registered<McpResource>[];
  readonly prompts: ReadonlyMap<string, Registered<McpPrompt>>;
}

export interface RegisteredTool {
  readonly tool: McpTool;
  readonly module: string;
}

export interface Registered<T> {
  readonly item: T;
  readonly module: string;
}

/** What decides who is offered a tool, resource or prompt. */
interface Offered {
  readonly name: string;
  readonly surface: McpSurface;
  readonly permission: string | null;
  readonly requires?: readonly string[];
}

const check = (what: string, item: Offered, module: ModuleDefinition, declared: ReadonlySet<string>, taken: boolean): void => {
  const where = `MCP ${what} ${item.name} of module ${module.slug}`;
  if (!TOOL_NAME.test(item.name)) throw new Error(`${where}: the name must be snake_case (${TOOL_NAME.source})`);
  if (taken) throw new Error(`${where}: another module declares one of that name too`);
  if (item.permission !== null && !declared.has(item.permission)) throw new Error(`${where}: no module declares ${item.permission}`);
};

const collectTools = (modules: readonly ModuleDefinition[], declared: ReadonlySet<string>): Map<string, RegisteredTool> => {
  const tools = new Map<string, RegisteredTool>();
  for (const module of modules) {
    for (const tool of module.mcp?.tools ?? []) {
      check('tool', tool, module, declared, tools.has(tool.name));
      if (tool.permission === null && tool.surface === 'admin')
        throw new Error(`MCP tool ${tool.name} of module ${module.slug}: an admin tool must name its permission`);
      tools.set(tool.name, { tool, module: module.slug });
    }
  }
  return tools;
};

/** Collects the modules' tools, resources and prompts; a bad name, a duplicate or an undeclared permission stops the boot. */
export const createToolRegistry = (modules: readonly ModuleDefinition[]): ToolRegistry => {
  const declared = new Set(modules.flatMap((m) => m.permissions));
  const resources: Registered<McpResource>[] = [];
  const prompts = new Map<string, Registered<McpPrompt>>();
  for (const module of modules) {
    for (const item of module.mcp?.resources ?? []) {
      check(
        'resource',
        item,
        module,
        declared,
        resources.some((r) => r.item.uri === item.uri || r.item.name === item.name),
      );
      resources.push({ item, module: module.slug });
    }
    for (const item of module.mcp?.prompts ?? []) {
      check('prompt', item, module, declared, prompts.has(item.name));
      prompts.set(item.name, { item, module: module.slug });
    }
  }
  return { tools: collectTools(modules, declared), resources, prompts };
};

/** Who asks, where: the endpoint, the caller and which modules the tenant has on. */
export interface Audience {
  readonly surface: McpSurface;
  readonly principal: Principal | undefined;
  readonly moduleEnabled: (slug: string) => Promise<boolean>;
}

const permitted = (item: Offered, audience: Audience): boolean =>
  item.surface === audience.surface && (item.permission === null || hasPermission(audience.principal, item.permission));

/** The entries this caller may see and use: the endpoint's, permitted, of modules the tenant has on. */
const visible = async <E extends { readonly module: string }>(
  entries: Iterable<E>,
  offered: (entry: E) => Offered,
  audience: Audience,
): Promise<E[]> => {
  const enabled = new Map<string, Promise<boolean>>();
  const on = (slug: string): Promise<boolean> => {
    let value = enabled.get(slug);
    if (value === undefined) {
      value = audience.moduleEnabled(slug);
      enabled.set(slug, value);
    }
    return value;
  };
  const out: E[] = [];
  for (const entry of entries) {
    const item = offered(entry);
    if (!permitted(item, audience)) continue;
    let all = true;
    for (const slug of [entry.module, ...(item.requires ?? [])]) if (!(await on(slug))) all = false;
    if (all) out.push(entry);
  }
  return out;
};

/** The tools this caller may see and call. */
export const visibleTools = async (registry: ToolRegistry, audience: Audience): Promise<RegisteredTool[]> => {
  const tools = await visible(registry.tools.values(), (e) => e.tool, audience);
  // A read-only access token (every permission of it a read-only one) is offered read-only tools only.
  return audience.principal?.accessToken?.readOnly ? tools.filter((e) => e.tool.annotations.readOnlyHint) : tools;
};

/**
 * The tool of that name if this caller may see and call it (the one entry `visibleTools` would
 * list under that name, looked at alone: only its own modules' switches are read).
 */
export const visibleTool = async (registry: ToolRegistry, audience: Audience, name: string): Promise<RegisteredTool | undefined> => {
  const entry = registry.tools.get(name);
  if (!entry) return undefined;
  const [tool] = await visibleTools({ ...registry, tools: new Map([[name, entry]]) }, audience);
  return tool;
};

/** The resources this caller may list and read. */
export const visibleResources = (registry: ToolRegistry, audience: Audience): Promise<Registered<McpResource>[]> =>
  visible(registry.resources, (e) => e.item, audience);

/** The prompts this caller may list and get. */
export const visiblePrompts = (registry: ToolRegistry, audience: Audience): Promise<Registered<McpPrompt>[]> =>
  visible(registry.prompts.values(), (e) => e.item, audience);
