import { mediaModule } from './module.js';

/** `@rustok/media`: the module, as modules.toml names it. */
export default mediaModule;
