import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { graphql, type ResultOf } from '../graphql/tada.js';
import { gql } from './graphql.js';
import {
  createScriptInputOf,
  type ExecutionView,
  isJsonObject,
  languageOf,
  type RunReportView,
  type ScriptDraft,
  type ScriptLanguage,
  type ScriptSchema,
  type ScriptSummaryView,
  type ScriptVersionView,
  type ScriptView,
  type TriggerView,
  triggerKindOf,
  updateScriptInputOf,
} from './scripting-shapes.js';

export * from './scripting-shapes.js';

const SummaryFields = graphql(`
  fragment ScriptingSummaryFields on ScriptingScriptSummary {
    id name description language enabled disabledReason consecutiveFailures version updatedAt
    triggers { kind eventTypes cron writes }
  }
`);

const ScriptFields = graphql(`
  fragment ScriptingScriptFields on ScriptingScript {
    id name description language enabled disabledReason consecutiveFailures version updatedAt source
    inputSchema outputSchema
    triggers { kind eventTypes cron writes }
  }
`);

const ReportFields = graphql(`
  fragment ScriptingReportFields on ScriptingRunReport {
    dryRun ok output errorCode errorMessage errorLine durationMs cpuMs memoryBytes calls logTruncated
    log { level text }
    recordedCalls { name args performed }
  }
`);

const ListDocument = graphql(
  `
  query ScriptingScriptList {
    scriptingScripts(first: 100) { items { ...ScriptingSummaryFields } }
  }
`,
  [SummaryFields],
);

const ScriptDocument = graphql(
  `
  query ScriptingScriptDetail($id: ID!) {
    scriptingScript(id: $id) { ...ScriptingScriptFields }
  }
`,
  [ScriptFields],
);

const VersionsDocument = graphql(`
  query ScriptingScriptVersions($id: ID!) {
    scriptingScriptVersions(id: $id) { version language source createdAt }
  }
`);

const ExecutionsDocument = graphql(`
  query ScriptingExecutions($scriptId: ID!, $first: Int, $after: String) {
    scriptingExecutions(scriptId: $scriptId, first: $first, after: $after) {
      items { id scriptVersion trigger status durationMs cpuMs errorCode createdAt }
      nextCursor
    }
  }
`);

const CreateDocument = graphql(
  `
  mutation CreateScriptingScript($input: CreateScriptingScriptInput!) {
    createScriptingScript(input: $input) { ...ScriptingScriptFields }
  }
`,
  [ScriptFields],
);

const UpdateDocument = graphql(
  `
  mutation UpdateScriptingScript($id: ID!, $input: UpdateScriptingScriptInput!) {
    updateScriptingScript(id: $id, input: $input) { ...ScriptingScriptFields }
  }
`,
  [ScriptFields],
);

const DeleteDocument = graphql(`
  mutation DeleteScriptingScript($id: ID!) {
    deleteScriptingScript(id: $id)
  }
`);

const EnableDocument = graphql(
  `
  mutation EnableScriptingScript($id: ID!) {
    enableScriptingScript(id: $id) { ...ScriptingScriptFields }
  }
`,
  [ScriptFields],
);

const DisableDocument = graphql(
  `
  mutation DisableScriptingScript($id: ID!) {
    disableScriptingScript(id: $id) { ...ScriptingScriptFields }
  }
`,
  [ScriptFields],
);

const RollbackDocument = graphql(
  `
  mutation RollbackScriptingScript($id: ID!, $version: Int!) {
    rollbackScriptingScript(id: $id, version: $version) { ...ScriptingScriptFields }
  }
`,
  [ScriptFields],
);

const RunDocument = graphql(
  `
  mutation RunScriptingScript($id: ID!, $input: ScriptingRunInput) {
    runScriptingScript(id: $id, input: $input) { ...ScriptingReportFields }
  }
`,
  [ReportFields],
);

const DryRunDocument = graphql(
  `
  mutation DryRunScriptingScript($id: ID!, $input: ScriptingRunInput) {
    dryRunScriptingScript(id: $id, input: $input) { ...ScriptingReportFields }
  }
`,
  [ReportFields],
);

type SummaryNode = ResultOf<typeof SummaryFields>;
type ScriptNode = ResultOf<typeof ScriptFields>;
type ReportNode = ResultOf<typeof ReportFields>;
type TriggerNode = NonNullable<SummaryNode['triggers']>[number];
type VersionNode = NonNullable<ResultOf<typeof VersionsDocument>['scriptingScriptVersions']>[number];
type ExecutionNode = NonNullable<NonNullable<ResultOf<typeof ExecutionsDocument>['scriptingExecutions']>['items']>[number];

const triggerOf = (t: TriggerNode): TriggerView => ({
  kind: triggerKindOf(t.kind),
  eventTypes: t.eventTypes ?? [],
  cron: t.cron ?? null,
  writes: t.writes ?? [],
});

const summaryOf = (s: SummaryNode | ScriptNode | null | undefined): ScriptSummaryView => {
  if (!s) throw new Error('no script in the answer');
  return {
    id: s.id ?? '',
    name: s.name ?? '',
    description: s.description ?? '',
    language: languageOf(s.language),
    enabled: s.enabled ?? false,
    disabledReason: s.disabledReason ?? null,
    consecutiveFailures: s.consecutiveFailures ?? 0,
    version: s.version ?? 0,
    triggers: (s.triggers ?? []).map(triggerOf),
    updatedAt: s.updatedAt ?? '',
  };
};

/** A JSON answer that is an object (a schema), or none. */
const schemaOf = (value: unknown): ScriptSchema => (isJsonObject(value) ? value : null);

const scriptOf = (s: ScriptNode | null | undefined): ScriptView => ({
  ...summaryOf(s),
  source: s?.source ?? '',
  inputSchema: schemaOf(s?.inputSchema),
  outputSchema: schemaOf(s?.outputSchema),
});

const versionOf = (v: VersionNode): ScriptVersionView => ({
  version: v.version ?? 0,
  language: languageOf(v.language),
  source: v.source ?? '',
  createdAt: v.createdAt ?? '',
});

const executionOf = (e: ExecutionNode): ExecutionView => ({
  id: e.id ?? '',
  scriptVersion: e.scriptVersion ?? 0,
  trigger: e.trigger ?? '',
  status: e.status ?? '',
  durationMs: e.durationMs ?? null,
  cpuMs: e.cpuMs ?? null,
  errorCode: e.errorCode ?? null,
  createdAt: e.createdAt ?? '',
});

const reportOf = (r: ReportNode | null | undefined): RunReportView => ({
  dryRun: r?.dryRun ?? false,
  ok: r?.ok ?? false,
  output: r?.output ?? null,
  errorCode: r?.errorCode ?? null,
  errorMessage: r?.errorMessage ?? null,
  errorLine: r?.errorLine ?? null,
  durationMs: r?.durationMs ?? 0,
  cpuMs: r?.cpuMs ?? 0,
  memoryBytes: r?.memoryBytes ?? 0,
  calls: r?.calls ?? 0,
  log: (r?.log ?? []).map((l) => ({ level: l.level ?? 'log', text: l.text ?? '' })),
  logTruncated: r?.logTruncated ?? false,
  recordedCalls: (r?.recordedCalls ?? []).map((c) => ({ name: c.name ?? '', args: c.args ?? null, performed: c.performed ?? false })),
});

export const scriptsQuery = queryOptions({
  queryKey: ['scripting', 'scripts'],
  queryFn: async () => ((await gql(ListDocument)).scriptingScripts?.items ?? []).map(summaryOf),
});

export const scriptQuery = (id: string) =>
  queryOptions({
    queryKey: ['scripting', 'script', id],
    queryFn: async () => scriptOf((await gql(ScriptDocument, { id })).scriptingScript),
  });

/** A script's versions, newest first. */
export const scriptVersionsQuery = (id: string) =>
  queryOptions({
    queryKey: ['scripting', 'versions', id],
    queryFn: async () =>
      ((await gql(VersionsDocument, { id })).scriptingScriptVersions ?? []).map(versionOf).sort((a, b) => b.version - a.version),
  });

/** Runs the history shows at a time. */
export const EXECUTION_PAGE_SIZE = 25;

/** A script's logged runs, newest first, a page at a time (older pages on demand; refetching refreshes every page loaded). */
export const scriptExecutionsQuery = (scriptId: string) =>
  infiniteQueryOptions({
    queryKey: ['scripting', 'executions', scriptId],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => {
      const page = (await gql(ExecutionsDocument, { scriptId, first: EXECUTION_PAGE_SIZE, after: pageParam })).scriptingExecutions;
      return { items: (page?.items ?? []).map(executionOf), nextCursor: page?.nextCursor ?? null };
    },
    getNextPageParam: (last) => last.nextCursor,
  });

export const createScript = async (draft: ScriptDraft): Promise<ScriptView> =>
  scriptOf((await gql(CreateDocument, { input: createScriptInputOf(draft) })).createScriptingScript);

export const updateScript = async (id: string, draft: ScriptDraft): Promise<ScriptView> =>
  scriptOf((await gql(UpdateDocument, { id, input: updateScriptInputOf(draft) })).updateScriptingScript);

export const deleteScript = async (id: string): Promise<void> => {
  await gql(DeleteDocument, { id });
};

export const setScriptEnabled = async (id: string, enabled: boolean): Promise<ScriptView> =>
  enabled
    ? scriptOf((await gql(EnableDocument, { id })).enableScriptingScript)
    : scriptOf((await gql(DisableDocument, { id })).disableScriptingScript);

/** Copies an old version as the next one. */
export const rollbackScript = async (id: string, version: number): Promise<ScriptView> =>
  scriptOf((await gql(RollbackDocument, { id, version })).rollbackScriptingScript);

/**
 * What a run is handed: the input document and, for a dry run, unsaved code to run instead of the
 * saved one and an event to hand it as `ctx.event` (as an event trigger would).
 */
export interface RunRequest {
  readonly input: unknown;
  readonly code?: { readonly source: string; readonly language: ScriptLanguage };
  readonly event?: Record<string, unknown>;
}

export const runScript = async (id: string, { input }: RunRequest): Promise<RunReportView> =>
  reportOf((await gql(RunDocument, { id, input: { input } })).runScriptingScript);

export const dryRunScript = async (id: string, { input, code, event }: RunRequest): Promise<RunReportView> =>
  reportOf((await gql(DryRunDocument, { id, input: { input, ...(code ?? {}), ...(event ? { event } : {}) } })).dryRunScriptingScript);
