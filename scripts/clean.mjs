// Removes the build output so a renamed or deleted module never lingers in dist/.
import {rmSync} from 'node:fs';
rmSync(new URL('../dist', import.meta.url), {recursive: true, force: true});
