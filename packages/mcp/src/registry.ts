import { hasPermission, type McpSurface, type McpTool, type ModuleDefinition, type Principal } from '@rustok/kernel';

const TOOL_NAME = /^[a-z][a-z0-9_]{0,63}$/;

/** Every tool of the deployment by name, with the module that declares it. */
export interface ToolRegistry {
  readonly tools: ReadonlyMap<string, RegisteredTool>;
}

export interface RegisteredTool {
  readonly tool: McpTool;
  readonly module: string;
}

const check = (tool: McpTool, module: ModuleDefinition, declared: ReadonlySet<string>, seen: ReadonlyMap<string, RegisteredTool>): void => {
  const where = `MCP tool ${tool.name} of module ${module.slug}`;
  if (!TOOL_NAME.test(tool.name)) throw new Error(`${where}: the name must be snake_case (${TOOL_NAME.source})`);
  const other = seen.get(tool.name);
  if (other) throw new Error(`${where}: module ${other.module} declares a tool of that name too`);
  if (tool.permission !== null && !declared.has(tool.permission)) throw new Error(`${where}: no module declares ${tool.permission}`);
  if (tool.permission === null && tool.surface === 'admin') throw new Error(`${where}: an admin tool must name its permission`);
};

/** Collects the modules' tools; a bad name, a duplicate or an undeclared permission stops the boot. */
export const createToolRegistry = (modules: readonly ModuleDefinition[]): ToolRegistry => {
  const declared = new Set(modules.flatMap((m) => m.permissions));
  const tools = new Map<string, RegisteredTool>();
  for (const module of modules) {
    for (const tool of module.mcp?.tools ?? []) {
      check(tool, module, declared, tools);
      tools.set(tool.name, { tool, module: module.slug });
    }
  }
  return { tools };
};

/** Who asks, where: the endpoint, the caller and which modules the tenant has on. */
export interface Audience {
  readonly surface: McpSurface;
  readonly principal: Principal | undefined;
  readonly moduleEnabled: (slug: string) => Promise<boolean>;
}

/** A read-only access token (every permission of it a read-only one) is offered read-only tools only. */
const permitted = (tool: McpTool, audience: Audience): boolean =>
  tool.surface === audience.surface &&
  (tool.permission === null || hasPermission(audience.principal, tool.permission)) &&
  (!audience.principal?.accessToken?.readOnly || tool.annotations.readOnlyHint);

/** The tools this caller may see and call: the endpoint's, permitted, of modules the tenant has on. */
export const visibleTools = async (registry: ToolRegistry, audience: Audience): Promise<RegisteredTool[]> => {
  const enabled = new Map<string, boolean>();
  const on = async (slug: string): Promise<boolean> => {
    let value = enabled.get(slug);
    if (value === undefined) {
      value = await audience.moduleEnabled(slug);
      enabled.set(slug, value);
    }
    return value;
  };
  const out: RegisteredTool[] = [];
  for (const entry of registry.tools.values()) {
    if (!permitted(entry.tool, audience)) continue;
    const needs = [entry.module, ...(entry.tool.requires ?? [])];
    let all = true;
    for (const slug of needs) if (!(await on(slug))) all = false;
    if (all) out.push(entry);
  }
  return out;
};
