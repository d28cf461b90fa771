import { connectionType, type GraphQLBuilder, schemaTypes } from '@rustok/kernel';
import { CreateScriptInput, Script, ScriptSummary, ScriptVersion, Trigger, TriggerInput, UpdateScriptInput } from '../schemas.js';
import { Execution, RecordedCall, RunInput, RunReport } from '../schemas-runs.js';

/** Scripting's GraphQL types, derived from the schemas its REST routes validate with (kinds and languages stay String). */
export const scriptingTypes = (builder: GraphQLBuilder) => {
  const derive = schemaTypes(builder, { literals: 'scalar' });
  derive.object(Trigger, { name: 'ScriptingTrigger' });
  derive.input(TriggerInput, { name: 'ScriptingTriggerInput' });
  derive.object(RecordedCall, { name: 'ScriptingRecordedCall' });
  const ScriptRef = derive.object(Script, {
    name: 'ScriptingScript',
    description: 'A tenant script: its current version, triggers and state',
  });
  const Summary = derive.object(ScriptSummary, { name: 'ScriptingScriptSummary' });
  const Execution_ = derive.object(Execution, { name: 'ScriptingExecution' });
  return {
    Script: ScriptRef,
    ScriptConnection: connectionType(builder, 'ScriptingScriptConnection', Summary),
    Version: derive.object(ScriptVersion, { name: 'ScriptingScriptVersion' }),
    ExecutionConnection: connectionType(builder, 'ScriptingExecutionConnection', Execution_),
    Report: derive.object(RunReport, {
      name: 'ScriptingRunReport',
      description: 'How a run went: output or error, CPU, memory, calls, log',
    }),
    CreateInput: derive.input(CreateScriptInput, { name: 'CreateScriptingScriptInput' }),
    UpdateInput: derive.input(UpdateScriptInput, { name: 'UpdateScriptingScriptInput' }),
    RunInput: derive.input(RunInput, { name: 'ScriptingRunInput' }),
  };
};
