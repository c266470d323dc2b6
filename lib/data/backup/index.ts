export { createBackup, CURRENT_SCHEMA_VERSION, type BackupProgress } from './write';
export { BackupFileError } from './read';
export { checkBackup, restoreBackup, type RestoreMode, type RestoreSummary, type RestoreProgress } from './restore';
export { BACKUP_TABLES, TABLE_NAMES } from './schemas';
