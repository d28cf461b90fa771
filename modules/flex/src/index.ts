import { flexModule } from './module.js';

/** `@rustok/flex`: the module, as modules.toml names it. */
export default flexModule;
