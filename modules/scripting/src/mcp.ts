import { adminTool } from '@rustok/api';
import { Id, type ModuleMcp } from '@rustok/kernel';
import { Type } from '@sinclair/typebox';
import { mcpScriptingContextOf, SCRIPTING_PERMISSION } from './context.js';
import { RunInput, RunReport } from './schemas-runs.js';
import { dryRunScript } from './use-cases/dry-run-script.js';

const dryRunScriptTool = adminTool({
  name: 'dry_run_script',
  title: 'Dry-run a script',
  description:
    'Run a script, or a draft of its source, with an input and an event and no side effect (writes, events and requests are recorded, not made): answers the result, CPU and memory used, the calls and the log.',
  input: Type.Object({ scriptId: Id(), ...RunInput.properties }, { additionalProperties: false }),
  output: RunReport,
  effect: 'read',
  permission: SCRIPTING_PERMISSION.execute,
  run: (c, { scriptId, ...run }, call) => dryRunScript(mcpScriptingContextOf(c, call.app), scriptId, run),
});

/** Scripting's staff tools: trying a script safely. */
export const scriptingMcp: ModuleMcp = { tools: [dryRunScriptTool] };
