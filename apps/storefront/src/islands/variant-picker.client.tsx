import { mountIsland } from './mount.js';
import { VariantPicker } from './variant-picker.js';

mountIsland('variant-picker', VariantPicker);
