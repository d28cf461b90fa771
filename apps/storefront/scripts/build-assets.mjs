// Writes the storefront's island bundles and stylesheet to dist/assets (after `tsc -b` built dist/).
import { writeAssets } from '../dist/assets.js';

const manifest = await writeAssets();
console.log(`storefront assets: ${manifest.css}, ${Object.keys(manifest.islands).length} island(s)`);
