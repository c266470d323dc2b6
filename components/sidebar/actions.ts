import type { Prospect, ProspectPatch } from '@/lib/model';
import type { DetectedPerson } from '@/lib/sites/types';

/** What a card can ask the sidebar to do; the sidebar turns each into a background request. */
export interface SidebarActions {
  addProspect(person: DetectedPerson): Promise<void>;
  moveStage(prospect: Prospect, stageId: string): Promise<void>;
  addNote(prospect: Prospect, text: string): Promise<void>;
  updateProspect(prospect: Prospect, patch: ProspectPatch): Promise<void>;
  /** Opens the prospect's record on the home page (a new tab, or the open home tab). */
  openRecord(prospect: Prospect): Promise<void>;
}
