import { scriptingModule } from './module.js';

/** `@rustok/scripting`: the module, as modules.toml names it. */
export default scriptingModule;
