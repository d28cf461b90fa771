import { notificationsModule } from './module.js';

/** `@rustok/notifications`: the module, as modules.toml names it. */
export default notificationsModule;
