// A team library without a server: a shared folder of immutable, checksummed, signed pack files (publish.ts, pull.ts).
export { publish, addFile, TEAM_PACK_NAME, type PublishOptions, type PublishReport } from './publish.js';
export { pull, type PullOptions, type PullReport, type PulledFile } from './pull.js';
export { TEAM_FOLDER_STATE_FILE } from './state.js';
