/** node --expose-gc bench/lib/profile-cli.ts <content dir>: the data layer profile as JSON on stdout. */
import { profileDataLayer } from './profile.ts';

const contentDir = process.argv[2];
if (!contentDir) throw new Error('usage: node --expose-gc bench/lib/profile-cli.ts <content dir>');
process.stdout.write(JSON.stringify(await profileDataLayer(contentDir)));
